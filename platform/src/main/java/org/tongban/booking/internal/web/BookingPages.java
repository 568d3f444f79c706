package org.tongban.booking.internal.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.booking.BookableResources;
import org.tongban.booking.BookingManagement;
import org.tongban.booking.BookingRefusals;
import org.tongban.shared.Refusal;

/** Residents' bookings (book, see the QR ticket, cancel) and the staff check-in desk. */
@Controller
class BookingPages {

  private final BookableResources resources;
  private final BookingManagement bookings;

  BookingPages(BookableResources resources, BookingManagement bookings) {
    this.resources = resources;
    this.bookings = bookings;
  }

  @GetMapping("/my/bookings")
  String mine(Model model) {
    model.addAttribute("lines", bookings.myLines());
    return "booking/mine";
  }

  @PostMapping("/my/bookings")
  String book(@RequestParam UUID slot, RedirectAttributes redirect) {
    try {
      var booking = bookings.book(slot);
      redirect.addFlashAttribute("booked", booking.ticket());
    } catch (Refusal r) {
      redirect.addFlashAttribute("problem", r.code());
      redirect.addFlashAttribute("problemArgs", r.arguments());
    }
    return "redirect:/my/bookings";
  }

  @PostMapping("/my/bookings/{id}/cancel")
  String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      bookings.cancel(id);
      redirect.addFlashAttribute("cancelled", true);
    } catch (BookingRefusals.NotFound r) {
      throw r;
    } catch (Refusal r) {
      redirect.addFlashAttribute("problem", r.code());
      redirect.addFlashAttribute("problemArgs", r.arguments());
    }
    return "redirect:/my/bookings";
  }

  @GetMapping("/my/bookings/{id}/qr.png")
  ResponseEntity<byte[]> qr(@PathVariable UUID id) {
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("Cache-Control", "private, no-store")
        .body(bookings.ticketQr(id));
  }

  @GetMapping("/workbench/check-in")
  String checkInForm(@RequestParam(required = false) @Nullable String ticket, Model model) {
    model.addAttribute("ticket", ticket);
    return "booking/check-in";
  }

  @PostMapping("/workbench/check-in")
  String checkIn(@RequestParam String ticket, Model model) {
    model.addAttribute("ticket", ticket);
    try {
      var booking = bookings.checkIn(ticket);
      model.addAttribute("checked", booking);
      model.addAttribute("resource", resources.resource(booking.resource()));
    } catch (Refusal r) {
      model.addAttribute("problem", r.code());
      model.addAttribute("problemArgs", r.arguments());
    }
    return "booking/check-in";
  }
}
