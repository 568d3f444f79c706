package org.tongban.exchange.internal.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.exchange.Feeds;
import org.tongban.exchange.Subscriptions;
import org.tongban.exchange.spi.ResourceDescriptor.Sensitivity;

/** A department system's side of the exchange: apply, read messages after a cursor, acknowledge, end. */
@RestController
class ClientApi {

  private final Subscriptions subscriptions;
  private final Feeds feeds;

  ClientApi(Subscriptions subscriptions, Feeds feeds) {
    this.subscriptions = subscriptions;
    this.feeds = feeds;
  }

  record Application(@Nullable String resource, @Nullable String regionPrefix, @Nullable String purpose,
                     @Nullable Sensitivity sensitivity, @Nullable String webhook) {}

  @PostMapping("/api/exchange/client/subscriptions")
  @ResponseStatus(HttpStatus.CREATED)
  Subscriptions.Subscription apply(@AuthenticationPrincipal Jwt client, @RequestBody Application a) {
    return subscriptions.apply(client.getSubject(), a.resource(), a.regionPrefix(), a.purpose(), a.sensitivity(),
        a.webhook());
  }

  @GetMapping("/api/exchange/client/subscriptions")
  List<Subscriptions.Subscription> mine(@AuthenticationPrincipal Jwt client) {
    return subscriptions.ofClient(client.getSubject());
  }

  @GetMapping("/api/exchange/client/subscriptions/{id}")
  Subscriptions.Subscription one(@AuthenticationPrincipal Jwt client, @PathVariable UUID id) {
    return subscriptions.ofClient(client.getSubject(), id);
  }

  @PostMapping("/api/exchange/client/subscriptions/{id}/end")
  Subscriptions.Subscription end(@AuthenticationPrincipal Jwt client, @PathVariable UUID id) {
    return subscriptions.end(client.getSubject(), id);
  }

  @GetMapping("/api/exchange/client/subscriptions/{id}/messages")
  Feeds.Page messages(@AuthenticationPrincipal Jwt client, @PathVariable UUID id,
                      @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
    return feeds.read(client.getSubject(), id, after, limit);
  }

  record Acknowledgement(long upTo) {}

  record Acknowledged(long acknowledged) {}

  @PostMapping("/api/exchange/client/subscriptions/{id}/acknowledgements")
  Acknowledged acknowledge(@AuthenticationPrincipal Jwt client, @PathVariable UUID id, @RequestBody Acknowledgement a) {
    return new Acknowledged(feeds.acknowledge(client.getSubject(), id, a.upTo()));
  }
}
