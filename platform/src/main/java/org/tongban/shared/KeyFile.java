package org.tongban.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * A small file of generated 256-bit keys (Base64), readable by its owner only, created on first use when no
 * keys are configured (embedded mode). Losing it makes what the keys protect unreadable.
 */
public final class KeyFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyFile() {}

  /** The keys in {@code file}; creates the file with fresh keys named {@code names} when it is missing. */
  public static synchronized Properties loadOrCreate(Path file, List<String> names, String comment) {
    var keys = new Properties();
    try {
      if (Files.exists(file)) {
        try (var in = Files.newBufferedReader(file)) {
          keys.load(in);
        }
        return keys;
      }
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      for (String name : names) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        keys.setProperty(name, Base64.getEncoder().encodeToString(key));
      }
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (var out = Files.newBufferedWriter(file)) {
        keys.store(out, comment);
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create " + file, e);
    }
  }
}
