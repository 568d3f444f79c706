package org.tongban.web.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files: the platform's stylesheet, scripts and icons, and the webjars (htmx, Leaflet, ECharts) that pages link
 * without a version ({@code @{/webjars/leaflet/dist/leaflet.js}}) and the resource chain writes out with one.
 *
 * <p>Only these paths are resources ({@code spring.web.resources.add-mappings=false} turns Spring Boot's own off).
 * Boot's catch-all {@code /**} made every link a page renders — {@code @{/login}}, {@code @{/my/cases}} — a lookup in
 * the packed jar's static folders at every render, never cached because it finds nothing (spring-framework#34014):
 * 23 % of the CPU of a full login in the #18.4 recordings.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

  /** The folders under {@code static/} served at their own path. */
  static final String[] FOLDERS = {"css", "js", "img"};

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
        .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    for (String folder : FOLDERS) {
      registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
          .resourceChain(true);
    }
    registry.addResourceHandler("/favicon.*").addResourceLocations("classpath:/static/").resourceChain(true);
  }
}
