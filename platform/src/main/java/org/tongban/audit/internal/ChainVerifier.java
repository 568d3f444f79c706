package org.tongban.audit.internal;

import java.time.Instant;
import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditVerification;

/**
 * Walks the chain from the retention anchor, streaming: every entry must follow its predecessor and hash (HMAC) to
 * its stored value. Then the chain is held against the latest signed checkpoint outside the database: the entry it
 * names must still be there with the same hash (else the newest entries were deleted or rewritten), the anchor may
 * only have moved by a purge that the chain itself records, and keyed hashing may not start later than it did.
 */
@Component
class ChainVerifier {

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final ChainHash hashes;
  private final Checkpoints checkpoints;

  ChainVerifier(JdbcClient jdbc, DataSource dataSource, ChainHash hashes, Checkpoints checkpoints) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(5_000);
    this.hashes = hashes;
    this.checkpoints = checkpoints;
  }

  AuditVerification verify() {
    var chain = jdbc.sql("select anchor_seq, anchor_hash, last_seq, last_hash, keyed_from from audit.chain where id = 1")
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getBytes(4), rs.getLong(5)})
        .single();
    long anchorSeq = (long) chain[0];
    long lastSeq = (long) chain[2];
    var reading = checkpoints.read();
    if (reading.forged() > 0) return new AuditVerification(false, 0, null, "checkpoint-forged");
    var checkpoint = reading.latest();
    // The checkpoint's keyed_from wins: moving it up in the database would let rewritten entries pass as unkeyed.
    long keyedFrom = checkpoint.map(c -> Math.min(c.keyedFrom(), (long) chain[4])).orElse((long) chain[4]);
    var state = new Object() {
      long expectedSeq = anchorSeq + 1;
      byte[] previous = (byte[]) chain[1];
      long checked;
      Long broken;
      String problem;
      byte[] atCheckpoint;
    };
    long checkpointSeq = checkpoint.map(Checkpoints.Checkpoint::seq).orElse(-1L);
    streaming.query("select seq, at, actor, action, target_type, target_id, region_code, ip, detail, prev_hash, hash"
        + " from audit.entry where seq > ? order by seq", (RowCallbackHandler) rs -> {
          if (state.broken != null) return;
          long seq = rs.getLong(1);
          if (seq != state.expectedSeq) {
            state.broken = state.expectedSeq;
            state.problem = "missing";
            return;
          }
          Instant at = rs.getTimestamp(2).toInstant();
          byte[] stored = rs.getBytes(11);
          byte[] computed = hashes.of(keyedFrom, state.previous, seq, at, rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
          if (!Arrays.equals(state.previous, rs.getBytes(10)) || !Arrays.equals(computed, stored)) {
            state.broken = seq;
            state.problem = "altered";
            return;
          }
          if (seq == checkpointSeq) state.atCheckpoint = stored;
          state.previous = stored;
          state.expectedSeq++;
          state.checked++;
        }, anchorSeq);
    if (state.broken == null && state.expectedSeq - 1 != lastSeq) {
      state.broken = state.expectedSeq;
      state.problem = "missing";
    }
    if (state.broken == null && !Arrays.equals(state.previous, (byte[]) chain[3])) {
      state.broken = lastSeq;
      state.problem = "altered";
    }
    if (state.broken == null && checkpoint.isPresent()) {
      var c = checkpoint.get();
      if (c.seq() > lastSeq) {
        state.broken = lastSeq + 1;
        state.problem = "truncated";
      } else if (c.seq() > anchorSeq && !Arrays.equals(state.atCheckpoint, c.hash())) {
        state.broken = c.seq();
        state.problem = "altered";
      } else if (anchorSeq != c.anchorSeq() && !purgeRecorded(anchorSeq)) {
        state.broken = anchorSeq;
        state.problem = "anchor-moved";
      }
    }
    return new AuditVerification(state.broken == null, state.checked, state.broken, state.problem);
  }

  /** The retention purge that left this anchor is itself an entry on the (keyed, verified) chain. */
  private boolean purgeRecorded(long anchorSeq) {
    return jdbc.sql("select exists(select 1 from audit.entry where action = 'audit.purged' and detail::jsonb ->> 'anchor' = ?)")
        .param(String.valueOf(anchorSeq)).query(Boolean.class).single();
  }
}
