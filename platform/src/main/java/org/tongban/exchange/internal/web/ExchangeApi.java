package org.tongban.exchange.internal.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.access.Purpose;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.exchange.Feeds;
import org.tongban.exchange.ResourceCatalogue;
import org.tongban.exchange.Subscriptions;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Sensitivity;

/** The public resource catalogue; subscriptions for their department's officers; subscribers for administrators. */
@RestController
class ExchangeApi {

  private final ResourceCatalogue catalogue;
  private final Subscriptions subscriptions;
  private final Feeds feeds;
  private final org.tongban.exchange.FlowBack flowBack;
  private final org.tongban.exchange.DeadLetters deadLetters;
  private final org.springframework.beans.factory.ObjectProvider<org.tongban.exchange.NationalLink> national;

  ExchangeApi(ResourceCatalogue catalogue, Subscriptions subscriptions, Feeds feeds,
              org.tongban.exchange.FlowBack flowBack, org.tongban.exchange.DeadLetters deadLetters,
              org.springframework.beans.factory.ObjectProvider<org.tongban.exchange.NationalLink> national) {
    this.national = national;
    this.deadLetters = deadLetters;
    this.flowBack = flowBack;
    this.catalogue = catalogue;
    this.subscriptions = subscriptions;
    this.feeds = feeds;
  }

  /** 数据回流 for a station's staff: newest first, {@code before} the last id of the previous page. */
  @GetMapping("/api/exchange/flow-back")
  List<org.tongban.exchange.FlowBack.Item> flowBack(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0")
                                                    long before,
                                                    @org.springframework.web.bind.annotation.RequestParam(defaultValue = "50")
                                                    int limit) {
    return flowBack.forStation(before, limit);
  }

  @GetMapping("/api/exchange/resources")
  List<ResourceDescriptor> resources() {
    return catalogue.resources();
  }

  @GetMapping("/api/exchange/resources/{code}")
  ResourceDescriptor resource(@PathVariable String code) {
    return catalogue.descriptor(code);
  }

  @GetMapping("/api/exchange/resources/{code}/schema")
  Map<String, Object> schema(@PathVariable String code) {
    return catalogue.schema(code);
  }

  record NewSubscriber(@Nullable String clientId, @Nullable String name, @Nullable String department,
                       @Nullable String regionPrefix, @Nullable Sensitivity maxSensitivity,
                       @Nullable String webhookOrigin) {}

  @PostMapping("/api/exchange/subscribers")
  @ResponseStatus(HttpStatus.CREATED)
  Subscriptions.Subscriber register(@RequestBody NewSubscriber s) {
    return subscriptions.register(s.clientId(), s.name(), s.department(), s.regionPrefix(), s.maxSensitivity(),
        s.webhookOrigin());
  }

  @GetMapping("/api/exchange/subscriptions")
  List<Subscriptions.Subscription> forReview() {
    return subscriptions.forReview();
  }

  @GetMapping("/api/exchange/subscriptions/{id}")
  Subscriptions.Subscription one(@PathVariable UUID id) {
    return subscriptions.forStaff(id, Purpose.VIEW);
  }

  record Decision(boolean approve, @Nullable String reason) {}

  @PostMapping("/api/exchange/subscriptions/{id}/decision")
  Subscriptions.Subscription decide(@PathVariable UUID id, @RequestBody Decision d) {
    return subscriptions.decide(id, d.approve(), d.reason());
  }

  /** The link to the national platform: its last errors and what the national platform refused (administrators). */
  @GetMapping("/api/exchange/national")
  org.tongban.exchange.NationalLink.Status national() {
    var link = national.getIfAvailable();
    if (link == null) throw new org.tongban.exchange.ExchangeRefusals.UnknownResource("national");
    return link.status();
  }

  @GetMapping("/api/exchange/dead-letters")
  List<org.tongban.exchange.DeadLetters.DeadLetter> deadLetters() {
    return deadLetters.open();
  }

  @PostMapping("/api/exchange/dead-letters/{id}/redrive")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void redrive(@PathVariable UUID id) {
    deadLetters.redrive(id);
  }

  @GetMapping("/api/exchange/subscriptions/{id}/evidence")
  List<Feeds.Evidence> evidence(@PathVariable UUID id) {
    subscriptions.forStaff(id, Purpose.VIEW);
    return feeds.evidence(id, 100);
  }
}
