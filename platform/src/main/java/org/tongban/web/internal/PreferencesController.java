package org.tongban.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Language and 长辈版 switches. They are small forms (POST) so that they work without JavaScript, and they
 * return to the page the person was on — only to a path on this site, never to another host.
 */
@Controller
class PreferencesController {

  private final LocaleResolver locales;

  PreferencesController(LocaleResolver locales) {
    this.locales = locales;
  }

  @PostMapping("/prefs/lang")
  String language(@RequestParam String lang, @RequestParam(defaultValue = "/") String back,
                  HttpServletRequest request, HttpServletResponse response) {
    locales.setLocale(request, response, "en".equals(lang) ? Locale.ENGLISH : WebConfiguration.CHINESE);
    return "redirect:" + safe(back);
  }

  @PostMapping("/prefs/elder")
  String elder(@RequestParam boolean on, @RequestParam(defaultValue = "/") String back, HttpServletResponse response) {
    var cookie = ResponseCookie.from("elder", on ? "1" : "0").path("/").maxAge(Duration.ofDays(365)).sameSite("Lax")
        .httpOnly(true).secure(true).build();
    response.addHeader("Set-Cookie", cookie.toString());
    return "redirect:" + safe(back);
  }

  /** Only same-site absolute paths: "/x", never "//host" or "http:…". */
  static String safe(String back) {
    if (back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && back.length() < 500
        && back.chars().noneMatch(c -> c < 0x20)) {
      return back;
    }
    return "/";
  }
}
