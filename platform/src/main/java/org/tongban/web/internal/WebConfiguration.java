package org.tongban.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.tongban.shared.PageModel;

/**
 * Language: a {@code lang} cookie chosen on the page wins; otherwise the browser's Accept-Language; otherwise
 * Chinese. Only zh-CN and English are offered.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final ApplicationAvailability availability;
  private final List<PageModel> pageModels;

  WebConfiguration(ApplicationAvailability availability, List<PageModel> pageModels) {
    this.availability = availability;
    this.pageModels = pageModels;
  }

  static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  @Bean
  LocaleResolver localeResolver() {
    var resolver = new CookieLocaleResolver("lang");
    resolver.setCookieSecure(true);
    resolver.setCookieHttpOnly(true);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSameSite("Lax");
    resolver.setDefaultLocaleFunction(request -> {
      var header = request.getHeader("Accept-Language");
      if (header != null) {
        for (var range : Locale.LanguageRange.parse(header.length() > 200 ? header.substring(0, 200) : header)) {
          String tag = range.getRange();
          if (tag.startsWith("zh")) return CHINESE;
          if (tag.startsWith("en")) return Locale.ENGLISH;
        }
      }
      return CHINESE;
    });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ShellInterceptor(availability));
    for (var model : pageModels) registry.addInterceptor(model);
  }
}
