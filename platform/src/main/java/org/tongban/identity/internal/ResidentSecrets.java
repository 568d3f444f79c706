package org.tongban.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;

/** Blind indexes and sealing for residents' phones and ID numbers, and their SMS codes. */
@Component
public class ResidentSecrets {

  private final IdentityKeys keys;
  private final SmsCodes codes;
  private final JdbcClient jdbc;

  ResidentSecrets(IdentityKeys keys, SmsCodes codes, JdbcClient jdbc) {
    this.keys = keys;
    this.codes = codes;
    this.jdbc = jdbc;
  }

  public byte[] phoneIndex(PhoneNumber phone) {
    return keys.index("phone", phone.value());
  }

  public byte[] idNumberIndex(IdNumber id) {
    return keys.index("id-number", id.value());
  }

  public byte[] sealPhone(PhoneNumber phone) {
    return keys.seal("identity.resident.phone", phone.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public boolean hasAccount(PhoneNumber phone) {
    return jdbc.sql("select exists(select 1 from identity.resident_account where phone_index = ?)")
        .param(phoneIndex(phone)).query(Boolean.class).single();
  }

  public void sendCode(PhoneNumber phone, String purpose) {
    codes.send(phone, purpose);
  }

  public boolean useCode(PhoneNumber phone, String purpose, String code) {
    return codes.use(phone, purpose, code);
  }
}
