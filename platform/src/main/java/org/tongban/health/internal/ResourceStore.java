package org.tongban.health.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.RegionCode;

/**
 * The records in PostgreSQL: each resource's current version in {@code health.resource} and every version in
 * {@code health.resource_version}, the content encrypted with the type, id and version bound to it, the search
 * columns beside it (patient, day, keyed hashes of the codes). A new version is written only over the version the
 * writer read ({@code where version = ?}).
 */
@Component
class ResourceStore {

  /** One stored version, decrypted. */
  record Stored(String type, UUID id, int version, UUID patient, String json, String author, Instant updatedAt) {}

  /** What a write stores besides the content. */
  record Index(UUID patient, RegionCode region, @Nullable LocalDate day, List<String> tokens, boolean generated) {}

  private final JdbcClient jdbc;
  private final HealthCrypto crypto;

  ResourceStore(JdbcClient jdbc, HealthCrypto crypto) {
    this.jdbc = jdbc;
    this.crypto = crypto;
  }

  @Transactional
  Stored create(String type, UUID id, String json, Index index, String author) {
    byte[] content = crypto.cipher.encrypt(context(type, id, 1), json);
    var now = Instant.now();
    jdbc.sql("""
            insert into health.resource (type, id, version, patient, region_code, day, codes, content, author,
              updated_at, generated) values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(type, id, index.patient(), index.region().value(), index.day(), hashes(index.tokens()), content, author,
            Timestamp.from(now), index.generated())
        .update();
    version(type, id, 1, content, author, now);
    return new Stored(type, id, 1, index.patient(), json, author, now);
  }

  /**
   * Writes the next version over {@code expected} (the version the writer read; null: whatever is current).
   * Empty when the resource does not exist; {@link Conflict} when another version was written meanwhile.
   */
  @Transactional
  Optional<Stored> update(String type, UUID id, @Nullable Integer expected, String json, Index index, String author) {
    var current = jdbc.sql("select version, patient from health.resource where type = ? and id = ? for update")
        .params(type, id).query((rs, i) -> new Object[] {rs.getInt(1), rs.getObject(2, UUID.class)}).optional();
    if (current.isEmpty()) return Optional.empty();
    int version = (int) current.get()[0];
    if (expected != null && expected != version) throw new Conflict(version);
    if (!current.get()[1].equals(index.patient())) throw new PatientChanged();
    int next = version + 1;
    byte[] content = crypto.cipher.encrypt(context(type, id, next), json);
    var now = Instant.now();
    int n = jdbc.sql("""
            update health.resource set version = ?, region_code = ?, day = ?, codes = ?, content = ?, author = ?,
              updated_at = ? where type = ? and id = ? and version = ?""")
        .params(next, index.region().value(), index.day(), hashes(index.tokens()), content, author, Timestamp.from(now),
            type, id, version)
        .update();
    if (n != 1) throw new Conflict(version);
    version(type, id, next, content, author, now);
    return Optional.of(new Stored(type, id, next, index.patient(), json, author, now));
  }

  Optional<Stored> read(String type, UUID id) {
    return jdbc.sql("select type, id, version, patient, content, author, updated_at from health.resource"
        + " where type = ? and id = ?").params(type, id).query(this::map).optional();
  }

  Optional<Stored> read(String type, UUID id, int version) {
    return jdbc.sql("""
            select v.type, v.id, v.version, r.patient, v.content, v.author, v.updated_at from health.resource_version v
            join health.resource r on r.type = v.type and r.id = v.id where v.type = ? and v.id = ? and v.version = ?""")
        .params(type, id, version).query(this::map).optional();
  }

  /** Every version of a resource, newest first. */
  List<Stored> history(String type, UUID id) {
    return jdbc.sql("""
            select v.type, v.id, v.version, r.patient, v.content, v.author, v.updated_at from health.resource_version v
            join health.resource r on r.type = v.type and r.id = v.id where v.type = ? and v.id = ?
            order by v.version desc""")
        .params(type, id).query(this::map).list();
  }

  /** A patient's resources of a type, newest day first; {@code token} as {@link ClinicalKind#token}. */
  List<Stored> search(String type, UUID patient, @Nullable LocalDate from, @Nullable LocalDate to,
                      @Nullable String token, int limit) {
    return jdbc.sql("""
            select type, id, version, patient, content, author, updated_at from health.resource
            where type = ? and patient = ? and (cast(? as date) is null or day >= ?) and (cast(? as date) is null or day <= ?)
              and (cast(? as bytea) is null or ? = any(codes))
            order by day desc nulls last, updated_at desc limit ?""")
        .params(type, patient, from, from, to, to, token == null ? null : hash(token), token == null ? null : hash(token),
            limit)
        .query(this::map).list();
  }

  /** Every current resource of a patient (the resident's own view), newest first. */
  List<Stored> ofPatient(UUID patient, int limit) {
    return jdbc.sql("select type, id, version, patient, content, author, updated_at from health.resource"
            + " where patient = ? order by day desc nulls last, updated_at desc limit ?")
        .params(patient, limit).query(this::map).list();
  }

  private void version(String type, UUID id, int version, byte[] content, String author, Instant at) {
    jdbc.sql("insert into health.resource_version (type, id, version, content, author, updated_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(type, id, version, content, author, Timestamp.from(at)).update();
  }

  private Stored map(ResultSet rs, int row) throws SQLException {
    String type = rs.getString(1);
    UUID id = rs.getObject(2, UUID.class);
    int version = rs.getInt(3);
    return new Stored(type, id, version, rs.getObject(4, UUID.class),
        crypto.cipher.decrypt(context(type, id, version), rs.getBytes(5)), rs.getString(6),
        rs.getTimestamp(7).toInstant());
  }

  private byte[][] hashes(List<String> tokens) {
    return tokens.stream().distinct().map(this::hash).toArray(byte[][]::new);
  }

  private byte[] hash(String token) {
    return crypto.cipher.index(token);
  }

  private static String context(String type, UUID id, int version) {
    return "health:" + type + "/" + id + "/_history/" + version;
  }

  /** Another version was written since the writer read it. */
  static final class Conflict extends RuntimeException {
    final int current;

    Conflict(int current) {
      super("version conflict");
      this.current = current;
    }
  }

  /** An update that would move a resource to another person's record. */
  static final class PatientChanged extends RuntimeException {
    PatientChanged() {
      super("patient changed");
    }
  }
}
