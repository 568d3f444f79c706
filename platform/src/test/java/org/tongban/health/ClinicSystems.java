package org.tongban.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clinics' systems in tests: registered as OIDC clients with client credentials and the FHIR system scopes and as
 * clinics, and calling the platform over real HTTP with their own tokens.
 */
public final class ClinicSystems {

  private final String base;
  private final RegisteredClientRepository clients;
  private final PasswordEncoder passwords;
  private final Clinics clinics;
  private final JsonMapper json;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> tokens = new HashMap<>();

  public ClinicSystems(String base, RegisteredClientRepository clients, PasswordEncoder passwords, Clinics clinics,
                       JsonMapper json) {
    this.base = base;
    this.clients = clients;
    this.passwords = passwords;
    this.clinics = clinics;
    this.json = json;
  }

  /** A clinic's system; returns its client id. */
  public String register(String name, ClinicKind kind, String region) {
    String id = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
    clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(id).clientName(name)
        .clientSecret(passwords.encode(id + "-secret")).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope(Clinics.WRITE).scope(Clinics.READ)
        .build());
    as(clerkOf("21", "ROLE_ADMIN"), () -> clinics.register(id, name, kind, region));
    return id;
  }

  public String token(String client) throws Exception {
    if (tokens.containsKey(client)) return tokens.get(client);
    var basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
    var response = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
            + java.net.URLEncoder.encode(Clinics.WRITE + " " + Clinics.READ, StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String token = (String) json.readValue(response.body(), Map.class).get("access_token");
    tokens.put(client, token);
    return token;
  }

  public HttpResponse<String> send(String client, String method, String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token(client))
        .header("Accept", "application/fhir+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) request.header("Content-Type", "application/fhir+json; charset=UTF-8");
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public URI uri(String path) {
    return URI.create(base + path.replace("|", "%7C"));
  }
}
