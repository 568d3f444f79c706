package org.tongban.identity.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;

/**
 * Blind indexes and sealing for residents' phones and ID numbers, their SMS codes, and the one place a
 * resident account row is written.
 */
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

  public byte[] sealIdNumber(IdNumber id) {
    return keys.seal("identity.resident.id_number", id.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Claims a client may receive about a resident: name always (profile), phone and ID number when sealed. */
  public record Released(String name, String phone, String idNumber) {}

  public Released release(java.util.UUID account) {
    return jdbc.sql("select name, phone_cipher, id_number_cipher from identity.resident_account where id = ?")
        .param(account)
        .query((rs, i) -> new Released(rs.getString(1),
            new String(keys.open("identity.resident.phone", rs.getBytes(2)), java.nio.charset.StandardCharsets.UTF_8),
            rs.getBytes(3) == null ? null
                : new String(keys.open("identity.resident.id_number", rs.getBytes(3)), java.nio.charset.StandardCharsets.UTF_8)))
        .single();
  }

  /**
   * Writes a resident account (phone and ID number as blind index, sealed and masked copies) and returns its
   * id; a phone or ID number that already has an account raises DuplicateKeyException.
   */
  public java.util.UUID openAccount(PhoneNumber phone, String name, IdNumber id, java.util.@Nullable UUID personId,
                                    String passwordHash, @Nullable String registeredBy) {
    var account = java.util.UUID.randomUUID();
    jdbc.sql("""
            insert into identity.resident_account (id, phone_index, phone_cipher, phone_masked, name, id_number_index,
              id_number_masked, id_number_cipher, person_id, password_hash, registered_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(account, phoneIndex(phone), sealPhone(phone), phone.masked(), name, idNumberIndex(id), id.masked(),
            sealIdNumber(id), personId, passwordHash, registeredBy)
        .update();
    return account;
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
