package org.tongban.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;

/**
 * Sign-in through an upstream OIDC provider (a provincial unified identity platform): the upstream's ID
 * token must assert a valid 公民身份号码 (claim {@code id_number}); the resident is linked to the local
 * account with that number, or an account is opened from the upstream's verified name and phone. The
 * upstream's subject is recorded, never shown.
 */
@Component
class FederatedResidents implements OAuth2UserService<OidcUserRequest, OidcUser> {

  static final String ID_NUMBER_CLAIM = "id_number";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OidcUserService upstream = new OidcUserService();
  private final JdbcClient jdbc;
  private final ResidentSecrets secrets;
  private final PasswordEncoder passwords;
  private final Residents registry;
  private final AuditTrail audit;

  FederatedResidents(JdbcClient jdbc, ResidentSecrets secrets, PasswordEncoder passwords, Residents registry,
                     AuditTrail audit) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.passwords = passwords;
    this.registry = registry;
    this.audit = audit;
  }

  @Override
  @Transactional
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = upstream.loadUser(request);
    String registration = request.getClientRegistration().getRegistrationId();
    IdNumber id;
    try {
      id = new IdNumber(user.getClaimAsString(ID_NUMBER_CLAIM));
    } catch (RuntimeException e) {
      throw refuse("federation_no_id_number", "The upstream provider did not assert a valid ID number");
    }
    String name = user.getFullName() != null ? user.getFullName() : user.getClaimAsString("name");
    UUID account = jdbc.sql("select id from identity.resident_account where id_number_index = ?")
        .param(secrets.idNumberIndex(id)).query(UUID.class).optional()
        .orElseGet(() -> open(registration, id, name, user.getPhoneNumber()));
    jdbc.sql("insert into identity.federated_link (registration_id, upstream_subject, account_id) values (?, ?, ?)"
            + " on conflict (registration_id, upstream_subject) do update set account_id = excluded.account_id")
        .params(registration, user.getSubject(), account).update();
    String shown = jdbc.sql("select name from identity.resident_account where id = ?").param(account)
        .query(String.class).single();
    audit.recordAs(ResidentUser.PREFIX + account, "login.succeeded", null, Map.of("factor", "federation:" + registration));
    return new FederatedResidentUser(account, shown, List.of(new SimpleGrantedAuthority("ROLE_RESIDENT")),
        user.getIdToken(), user.getUserInfo());
  }

  private UUID open(String registration, IdNumber id, String name, String phoneClaim) {
    if (name == null || name.isBlank() || phoneClaim == null) {
      throw refuse("federation_not_registered", "No local account and not enough verified claims to open one");
    }
    var phone = new PhoneNumber(phoneClaim);
    if (secrets.hasAccount(phone)) {
      throw refuse("federation_phone_taken", "The asserted phone belongs to another local account");
    }
    byte[] unusable = new byte[32];
    RANDOM.nextBytes(unusable);
    var account = secrets.openAccount(phone, name.strip(), id, registry.lookup(id).map(p -> p.id().value()).orElse(null),
        passwords.encode(Base64.getEncoder().encodeToString(unusable)), "federation:" + registration);
    audit.record("resident.registered", "resident-account", account.toString(), null,
        Map.of("phone", phone.masked(), "federation", registration));
    return account;
  }

  private static OAuth2AuthenticationException refuse(String code, String description) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
  }
}
