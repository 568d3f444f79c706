package org.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.RegionCode;

@SpringBootTest
@Tag("persistence")
class AuditTrailTests {

  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  @Test
  void recordsWhoDidWhatAndFindsItAgain() {
    audit.record("test.recorded", "thing", "t-1", RegionCode.of("210102"), Map.of("why", "测试 \"quoted\""));
    var found = audit.search(new AuditQuery(null, "test.recorded", null, "t-1", null, null), 0, 10);
    assertThat(found.items()).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo("system");
      assertThat(e.regionCode()).isEqualTo("210102000000");
      assertThat(e.detail()).containsEntry("why", "测试 \"quoted\"");
    });
    assertThat(audit.search(new AuditQuery(null, "test.", null, null, null, null), 0, 10).total()).isPositive();
  }

  @Test
  void chainOfUntouchedEntriesVerifies() {
    for (int i = 0; i < 20; i++) audit.record("test.chain", "thing", "c-" + i, null, Map.of("i", String.valueOf(i)));
    var result = audit.verify();
    assertThat(result.intact()).as(String.valueOf(result)).isTrue();
    assertThat(result.checked()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void databaseRefusesUpdatesAndDeletes() {
    audit.record("test.locked", "thing", "l-1", null, Map.of());
    audit.flush();
    assertThatThrownBy(() -> jdbc.sql("update audit.entry set actor = 'mallory' where action = 'test.locked'").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit.entry where action = 'test.locked'").update())
        .hasMessageContaining("append-only");
  }

  @Test
  void verificationFindsAnEditedRow() {
    audit.record("test.tamper", "thing", "x-1", null, Map.of("amount", "100"));
    audit.flush();
    long seq = jdbc.sql("select max(seq) from audit.entry where action = 'test.tamper'").query(Long.class).single();
    // A superuser bypasses the trigger; the change is rolled back so other tests see an intact chain.
    tx.executeWithoutResult(status -> {
      jdbc.sql("alter table audit.entry disable trigger entry_append_only").update();
      jdbc.sql("update audit.entry set detail = '{\"amount\":\"1\"}' where seq = ?").param(seq).update();
      var result = audit.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBrokenSeq()).isEqualTo(seq);
      assertThat(result.problem()).isEqualTo("altered");
      status.setRollbackOnly();
    });
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void verificationFindsADeletedRow() {
    audit.record("test.delete", "thing", "d-1", null, Map.of());
    audit.record("test.delete", "thing", "d-2", null, Map.of());
    audit.flush();
    long seq = jdbc.sql("select max(seq) from audit.entry where target_id = 'd-1'").query(Long.class).single();
    tx.executeWithoutResult(status -> {
      jdbc.sql("alter table audit.entry disable trigger entry_append_only").update();
      jdbc.sql("delete from audit.entry where seq = ?").param(seq).update();
      var result = audit.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBrokenSeq()).isEqualTo(seq);
      assertThat(result.problem()).isEqualTo("missing");
      status.setRollbackOnly();
    });
  }

  @Test
  void purgeKeepsEntriesYoungerThanRetentionAndLeavesAVerifiableAnchor() {
    audit.record("test.old", "thing", "o-1", null, Map.of());
    audit.flush();
    long seq = jdbc.sql("select max(seq) from audit.entry where target_id = 'o-1'").query(Long.class).single();
    tx.executeWithoutResult(status -> {
      // Pretend everything up to this entry is two years old, then purge inside the same transaction.
      jdbc.sql("alter table audit.entry disable trigger entry_append_only").update();
      jdbc.sql("update audit.entry set at = at - interval '2 years' where seq <= ?").param(seq).update();
      jdbc.sql("alter table audit.entry enable trigger entry_append_only").update();
      int purged = audit.purgeExpired();
      assertThat(purged).isGreaterThanOrEqualTo(1);
      // Timestamps were shifted (which breaks hashes of the shifted rows), but they are gone now: the chain
      // from the anchor onwards is intact.
      assertThat(audit.verify().intact()).isTrue();
      assertThat(audit.search(new AuditQuery(null, "audit.purged", null, null, null, null), 0, 5).total()).isPositive();
      status.setRollbackOnly();
    });
  }

  @Test
  void anEditWithARecomputedChainIsFoundBecauseTheChainIsKeyed() {
    audit.record("test.rewrite", "thing", "r-1", null, Map.of("amount", "100"));
    audit.record("test.rewrite", "thing", "r-2", null, Map.of());
    audit.flush();
    long seq = jdbc.sql("select max(seq) from audit.entry where target_id = 'r-1'").query(Long.class).single();
    tx.executeWithoutResult(status -> {
      // Someone with the database only: edit an entry and recompute every hash after it the way an unkeyed
      // chain is computed (SHA-256 over the previous hash and the fields), head included.
      jdbc.sql("alter table audit.entry disable trigger entry_append_only").update();
      jdbc.sql("update audit.entry set detail = '{\"amount\":\"1\"}' where seq = ?").param(seq).update();
      jdbc.sql("""
          do $$
          declare r record; prev bytea;
          begin
            prev := coalesce((select hash from audit.entry where seq = %d - 1), (select anchor_hash from audit.chain));
            for r in select * from audit.entry where seq >= %d order by seq loop
              update audit.entry set prev_hash = prev where seq = r.seq;
              prev := sha256(prev || convert_to(r.seq || chr(31) || floor(extract(epoch from r.at))::bigint || '.'
                || (extract(microseconds from r.at)::bigint %% 1000000 * 1000) || chr(31) || r.actor || chr(31)
                || r.action || chr(31) || coalesce(r.target_type, '') || chr(31) || coalesce(r.target_id, '')
                || chr(31) || coalesce(r.region_code, '') || chr(31) || coalesce(r.ip, '') || chr(31) || r.detail,
                'UTF8'));
              update audit.entry set hash = prev where seq = r.seq;
            end loop;
            update audit.chain set last_hash = prev where id = 1;
          end $$""".formatted(seq, seq)).update();
      var result = audit.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBrokenSeq()).isEqualTo(seq);
      status.setRollbackOnly();
    });
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void deletingTheNewestEntriesIsFoundByTheCheckpointOutsideTheDatabase() {
    audit.record("test.truncate", "thing", "n-1", null, Map.of());
    audit.record("test.truncate", "thing", "n-2", null, Map.of());
    audit.checkpoint();
    long last = jdbc.sql("select last_seq from audit.chain").query(Long.class).single();
    tx.executeWithoutResult(status -> {
      // Delete the two newest entries and point the head at the one before: the chain itself is consistent.
      jdbc.sql("alter table audit.entry disable trigger entry_append_only").update();
      jdbc.sql("delete from audit.entry where seq > ?").param(last - 2).update();
      jdbc.sql("update audit.chain set last_seq = e.seq, last_hash = e.hash from audit.entry e where e.seq = ?")
          .param(last - 2).update();
      var result = audit.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.problem()).isEqualTo("truncated");
      assertThat(result.firstBrokenSeq()).isEqualTo(last - 1);
      status.setRollbackOnly();
    });
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void aForgedCheckpointLineIsReported() throws Exception {
    audit.checkpoint();
    var file = java.nio.file.Path.of(checkpointFile);
    var before = java.nio.file.Files.readAllLines(file);
    try {
      java.nio.file.Files.writeString(file, "999999\t00\t0\t1\t2026-12-01T00:00:00Z\tabcdef\n",
          java.nio.file.StandardOpenOption.APPEND);
      assertThat(audit.verify().problem()).isEqualTo("checkpoint-forged");
    } finally {
      java.nio.file.Files.write(file, before);
    }
    assertThat(audit.verify().intact()).isTrue();
  }

  @org.springframework.beans.factory.annotation.Value("${tongban.audit.checkpoint-file}") String checkpointFile;
}
