package org.tongban.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the chain's head, appended to a file outside PostgreSQL (one line each: sequence number,
 * hash, retention anchor, first keyed entry, time, MAC). Someone with database access alone cannot forge one or
 * make the chain shorter than the latest one says it was.
 */
@Component
class Checkpoints {

  /** The chain's state: its end, the retention anchor and where keyed hashing began. */
  record Head(long lastSeq, byte[] lastHash, long anchorSeq, long keyedFrom) {}

  /** A checkpoint read back; {@code forged} counts lines whose MAC did not match. */
  record Checkpoint(long seq, byte[] hash, long anchorSeq, long keyedFrom, Instant at) {}

  record Reading(Optional<Checkpoint> latest, int forged) {}

  private static final HexFormat HEX = HexFormat.of();
  private final AuditSettings settings;
  private final ChainHash hashes;
  private long lastWritten = -1;

  Checkpoints(AuditSettings settings, ChainHash hashes) {
    this.settings = settings;
    this.hashes = hashes;
  }

  /** Appends a checkpoint of {@code head} unless the last one written by this node already says the same. */
  synchronized void write(Head head) {
    if (head.lastSeq() == lastWritten) return;
    String text = head.lastSeq() + "\t" + HEX.formatHex(head.lastHash()) + "\t" + head.anchorSeq() + "\t"
        + head.keyedFrom() + "\t" + Instant.now();
    String line = text + "\t" + HEX.formatHex(hashes.sign(text)) + "\n";
    var file = settings.checkpointFile();
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      try (var channel = FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      lastWritten = head.lastSeq();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the audit checkpoint to " + file, e);
    }
  }

  /** The latest checkpoint with a valid MAC, and how many lines had an invalid one. */
  Reading read() {
    var file = settings.checkpointFile();
    if (!Files.exists(file)) return new Reading(Optional.empty(), 0);
    Checkpoint latest = null;
    int forged = 0;
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        int cut = line.lastIndexOf('\t');
        String[] parts = line.split("\t");
        if (cut < 0 || parts.length != 6 || !valid(line.substring(0, cut), parts[5])) {
          forged++;
          continue;
        }
        var c = new Checkpoint(Long.parseLong(parts[0]), HEX.parseHex(parts[1]), Long.parseLong(parts[2]),
            Long.parseLong(parts[3]), Instant.parse(parts[4]));
        if (latest == null || c.seq() >= latest.seq()) latest = c;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the audit checkpoints in " + file, e);
    } catch (RuntimeException e) {
      forged++;
    }
    return new Reading(Optional.ofNullable(latest), forged);
  }

  private boolean valid(String text, String mac) {
    try {
      return MessageDigest.isEqual(hashes.sign(text), HEX.parseHex(mac));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
