package org.tongban.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongban.identity.SmsGateway;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.Refusal;
import tools.jackson.databind.json.JsonMapper;

/**
 * The province's SMS platform over HTTP ({@code tongban.identity.sms.url}): each message is one JSON POST
 * {@code {"phone": …, "text": …}}, with {@code Authorization: Bearer <tongban.identity.sms.token>} when a token is
 * given. Anything but a 2xx within {@code tongban.identity.sms.timeout} (default 5 s) is a refusal the resident
 * understands ({@code identity.sms-failed}, 503): the caller's transaction rolls back, so no code is kept that was
 * never sent and she may ask again at once. A slow platform holds the request no longer than the timeout.
 */
final class HttpSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);
  private final URI url;
  private final String token;
  private final Duration timeout;
  private final JsonMapper json;
  private final HttpClient http;

  HttpSmsGateway(URI url, String token, Duration timeout, JsonMapper json) {
    this.url = url;
    this.token = token;
    this.timeout = timeout;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public void send(PhoneNumber to, String text) {
    var request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("phone", to.value(), "text", text))));
    if (!token.isBlank()) request.header("Authorization", "Bearer " + token);
    try {
      int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) return;
      log.warn("The SMS platform answered HTTP {} for a message to {}", status, to.masked());
    } catch (IOException e) {
      log.warn("The SMS platform did not take a message to {}: {}", to.masked(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new SmsFailed();
  }

  static final class SmsFailed extends Refusal {
    SmsFailed() {
      super("identity.sms-failed", 503);
    }
  }
}
