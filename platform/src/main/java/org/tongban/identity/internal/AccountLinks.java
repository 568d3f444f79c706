package org.tongban.identity.internal;

import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.identity.SmsGateway;
import org.tongban.person.ResidentRegistered;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;

/**
 * A resident may register before the registry knows them (they are told so, and may browse and save drafts). Their
 * account is linked to the registry person as soon as the record exists: when staff register the person (the
 * {@link ResidentRegistered} event) and, failing that, at their next sign-in. The match is the ID number (the
 * registry's blind index) and the name; the resident is told by text message.
 */
@Component
class AccountLinks {

  private static final Logger log = LoggerFactory.getLogger(AccountLinks.class);
  private final JdbcClient jdbc;
  private final ResidentSecrets secrets;
  private final Residents registry;
  private final AuditTrail audit;
  private final SmsGateway sms;

  AccountLinks(JdbcClient jdbc, ResidentSecrets secrets, Residents registry, AuditTrail audit, SmsGateway sms) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.registry = registry;
    this.audit = audit;
    this.sms = sms;
  }

  /** Links the account when the registry knows its ID number under its name; true when it was linked now. */
  @Transactional
  public boolean link(UUID account) {
    var released = secrets.release(account);
    if (released.idNumber() == null) return false;
    var person = registry.lookup(new IdNumber(released.idNumber())).filter(p -> p.name().equals(released.name()));
    if (person.isEmpty()) return false;
    int linked = jdbc.sql("update identity.resident_account set person_id = ? where id = ? and person_id is null")
        .params(person.get().id().value(), account).update();
    if (linked == 0) return false;
    audit.recordAs(ResidentUser.PREFIX + account, "resident.linked", null, Map.of("person", person.get().id().toString()));
    try {
      sms.send(new PhoneNumber(released.phone()), "【通办】您的账号已与人口信息核验关联，现在可以在线申请办事了。");
    } catch (RuntimeException e) {
      log.warn("Could not text account {} about its link: {}", account, e.getMessage());
    }
    return true;
  }

  /** Staff added someone to the registry: accounts with the same masked ID number that wait for a link get it. */
  @ApplicationModuleListener
  void on(ResidentRegistered registered) {
    jdbc.sql("select id from identity.resident_account where id_number_masked = ? and person_id is null")
        .param(registered.idNumberMasked()).query(UUID.class).list().forEach(this::link);
  }

  /** Every sign-in of an unlinked resident tries again (the registry may have learnt of them by other means). */
  @EventListener
  void on(AuthenticationSuccessEvent signedIn) {
    if (signedIn.getAuthentication().getPrincipal() instanceof ResidentUser resident) {
      boolean unlinked = jdbc.sql("select person_id is null from identity.resident_account where id = ?")
          .param(resident.account()).query(Boolean.class).optional().orElse(false);
      if (unlinked) link(resident.account());
    }
  }
}
