package org.tongban.web.internal;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongban.shared.PlatformSettings;

/**
 * Says "ready" once everything is loaded, not when the web server first answers: Spring's own "Started" line comes
 * before the demo's residents and facilities are generated. Until this line, pages carry a "still loading" notice
 * and {@code /actuator/health/readiness} answers OUT_OF_SERVICE.
 */
@Component
class ReadyAnnouncement {

  private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

  private final MessageSource messages;
  private final String publicUrl;

  ReadyAnnouncement(MessageSource messages, PlatformSettings settings) {
    this.messages = messages;
    this.publicUrl = settings.base();
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    String seconds = String.format(Locale.ROOT, "%.1f", event.getTimeTaken().toMillis() / 1000.0);
    log.info("{} / {}", messages.getMessage("app.ready", new Object[] {publicUrl, seconds}, Locale.SIMPLIFIED_CHINESE),
        messages.getMessage("app.ready", new Object[] {publicUrl, seconds}, Locale.ENGLISH));
  }
}
