package org.tongban.exchange;

import static org.tongban.StaffFixtures.as;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import tools.jackson.databind.json.JsonMapper;

/** What the exchange's tests share: a department system's client, a change to share, what the outbox holds of it. */
public final class ExchangeFixtures {

  private ExchangeFixtures() {}

  /** A department system: a client with the client-credentials grant and the exchange scope; a random secret. */
  public static void system(RegisteredClientRepository clients, String clientId) {
    system(clients, clientId, "{noop}" + UUID.randomUUID());
  }

  /** The same with the secret as stored ({@code encoded}), for tests that ask for a token. */
  public static void system(RegisteredClientRepository clients, String clientId, String encoded) {
    clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientName(clientId)
        .clientSecret(encoded).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("exchange").build());
  }

  /** A change of a shared resource: the resident applies online for a social security card (a city's item). */
  public static CaseFile cardApplication(Applications applications, JsonMapper json, CaseworkFixtures.Applicant who) {
    return as(who.user(), () -> applications.apply(new NewApplication("hrss.ss-card-application", who.person().id(),
        Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"%s","contactPhone":"13800007777","deliveryAddress":"沈阳市铁西区兴华街1号"}"""
            .formatted(who.person().name())), null, null)));
  }

  /** The statuses of a case the outbox holds, in the order they were written. */
  public static List<String> statusesWritten(JdbcClient jdbc, CaseFile c) {
    return jdbc.sql("select fields ->> 'status' from exchange.outbox where record_key = ? order by id")
        .param(c.id().toString()).query(String.class).list();
  }

  /** What the outbox holds of one record of a resource, each change's fields in the order they were written. */
  public static List<java.util.Map<String, Object>> shared(JdbcClient jdbc, JsonMapper json, String resource, Object key) {
    return jdbc.sql("select fields::text from exchange.outbox where resource = ? and record_key = ? order by id")
        .params(resource, key.toString()).query(String.class).list().stream()
        .map(text -> json.readValue(text, new tools.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {}))
        .toList();
  }
}
