package org.tongban.exchange;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link NationalPlatform} over JSON and HTTPS as {@code docs/national-exchange.md} describes it: {@code POST
 * /v1/changes} with a bearer token and an idempotency key naming the range, answered with the accepted and rejected
 * numbers; {@code GET /v1/changes?for=…&after=…} for what comes down. The token comes from the environment
 * ({@code tongban.exchange.national.token}); the repository holds none.
 */
@Component
@ConditionalOnProperty(name = "tongban.exchange.national.base-url")
class JsonHttpNationalPlatform implements NationalPlatform {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final String base;
  private final String token;
  private final JsonMapper json;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  JsonHttpNationalPlatform(ExchangeSettings settings, JsonMapper json) {
    this.base = Webhooks.origin(java.util.Objects.requireNonNull(settings.national().baseUrl()));
    this.token = java.util.Objects.requireNonNull(settings.national().token(),
        "tongban.exchange.national.token: the bearer token the national platform issued");
    this.json = json;
  }

  @Override
  public Answer send(String sender, List<Outgoing> changes) {
    var body = new LinkedHashMap<String, Object>();
    body.put("sender", sender);
    body.put("changes", changes);
    var request = HttpRequest.newBuilder(URI.create(base + "/v1/changes")).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Idempotency-Key", sender + ":" + changes.getFirst().id() + "-" + changes.getLast().id())
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    var node = call(request);
    var accepted = new ArrayList<Long>();
    node.path("accepted").forEach(n -> accepted.add(n.asLong()));
    var rejected = new ArrayList<Rejection>();
    node.path("rejected").forEach(n -> rejected.add(new Rejection(n.path("seq").asLong(), n.path("code").asString(""),
        n.path("message").asString(""))));
    return new Answer(accepted, rejected);
  }

  @Override
  public Page changes(String sender, @Nullable String after) {
    String query = "?for=" + URLEncoder.encode(sender, StandardCharsets.UTF_8)
        + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
    var node = call(HttpRequest.newBuilder(URI.create(base + "/v1/changes" + query)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).GET().build());
    var changes = new ArrayList<Incoming>();
    node.path("changes").forEach(n -> changes.add(new Incoming(n.path("id").asString(), n.path("resource").asString(),
        n.path("key").asString(), n.path("region").asString(), n.path("occurredAt").asString(),
        json.convertValue(n.path("fields"), MAP))));
    return new Page(changes, node.hasNonNull("next") ? node.get("next").asString() : after);
  }

  private JsonNode call(HttpRequest request) {
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) throw new Unavailable("HTTP " + response.statusCode());
      return json.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new Unavailable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    } catch (RuntimeException e) {
      if (e instanceof Unavailable u) throw u;
      throw new Unavailable("unreadable answer: " + e.getClass().getSimpleName());
    }
  }
}
