package org.tongban.facility.internal.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.booking.BookableResources;
import org.tongban.booking.NewResource;
import org.tongban.booking.OpeningHours;
import org.tongban.facility.FacilityId;
import org.tongban.facility.FacilityRegistry;

/**
 * Staff open what residents book at a facility of theirs — a court, reading-room seats, a guided tour — and its slots,
 * on a page (it was only possible through the JSON API). The booking module checks that the facility is in the
 * caller's region and department.
 */
@Controller
class FacilityResourcePages {

  /** The kinds of bookable things a venue has, in the order they are offered. */
  static final List<String> KINDS = List.of("venue.court", "venue.seat", "venue.tour", "venue.room", "venue.class");

  private final FacilityRegistry registry;
  private final BookableResources resources;

  FacilityResourcePages(FacilityRegistry registry, BookableResources resources) {
    this.registry = registry;
    this.resources = resources;
  }

  @GetMapping("/workbench/facilities/{id}/resources")
  String page(@PathVariable UUID id, Model model) {
    var f = registry.managed(new FacilityId(id));
    model.addAttribute("f", f);
    model.addAttribute("bookable", registry.type(f.type()).bookable());
    model.addAttribute("resources", resources.resourcesOf(id));
    model.addAttribute("kinds", KINDS);
    model.addAttribute("today", LocalDate.now(ZoneId.of("Asia/Shanghai")));
    return "facilities/resources";
  }

  @PostMapping("/workbench/facilities/{id}/resources")
  String open(@PathVariable UUID id, @RequestParam String name, @RequestParam String kind,
              @RequestParam int slotCapacity, @RequestParam(defaultValue = "0") String fee,
              @RequestParam(defaultValue = "1") int dailyLimit, @RequestParam(defaultValue = "2") int cancelHours,
              RedirectAttributes flash) {
    var f = registry.managed(new FacilityId(id));
    if (!KINDS.contains(kind)) throw new BookableResources.UnknownKind(kind);
    var resource = resources.open(new NewResource(name, kind, null, null, f.id().value(), slotCapacity,
        BookableResources.cents(fee), dailyLimit, cancelHours));
    flash.addFlashAttribute("done", "fac.resource.opened");
    return "redirect:/workbench/facilities/" + id + "/resources#r-" + resource.id();
  }

  @PostMapping("/workbench/facilities/{id}/resources/{resource}/slots")
  String slots(@PathVariable UUID id, @PathVariable UUID resource, @RequestParam LocalDate from,
               @RequestParam(defaultValue = "14") int days, @RequestParam(required = false) List<DayOfWeek> weekdays,
               @RequestParam LocalTime opens, @RequestParam LocalTime closes, @RequestParam int slotMinutes,
               RedirectAttributes flash) {
    registry.managed(new FacilityId(id));
    var r = resources.resource(resource);
    if (!id.equals(r.facility())) throw new org.tongban.booking.BookingRefusals.NotFound(resource.toString());
    var on = weekdays == null || weekdays.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(weekdays);
    int created = resources.openSlots(resource, from, days, new OpeningHours(on, opens, closes, slotMinutes, closes));
    flash.addFlashAttribute("slotsOpened", created);
    return "redirect:/workbench/facilities/" + id + "/resources#r-" + resource;
  }
}
