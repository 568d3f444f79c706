package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Spring Security observes nothing: with its observations merely switched off by property, every filter of every
 * request was still wrapped in a decorator creating no-op observations (up to 4 % of a token grant, #18.4 run 11).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class SecurityObservationsTests {

  @Autowired @Qualifier("springSecurityFilterChain") Filter securityFilters;

  @Test
  void noFilterChainIsWrappedForObservation() {
    // The bean is Spring Security's composite of the filter chain proxies; the one that runs the chains is inside it.
    var proxy = ReflectionTestUtils.getField(securityFilters, "springSecurityFilterChain");
    assertThat(proxy).isInstanceOf(FilterChainProxy.class);
    Object decorator = ReflectionTestUtils.getField(proxy, "filterChainDecorator");
    assertThat(decorator).isNotNull().isNotInstanceOf(ObservationFilterChainDecorator.class);
  }
}
