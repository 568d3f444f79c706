package org.tongban.casework.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongban.shared.PlatformSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.casework.MaterialStore;

/**
 * Materials under {@code <data-dir>/materials/<prefix>/<yyyy-MM>/<uuid>}. Keys are checked against that
 * shape before any file is opened, so no key can reach outside the directory.
 */
@Component
class LocalMaterialStore implements MaterialStore {

  private static final Logger log = LoggerFactory.getLogger(LocalMaterialStore.class);
  private static final Pattern KEY = Pattern.compile("[a-z]{1,20}/\\d{4}-\\d{2}/[0-9a-f-]{36}");
  private final Path root;

  LocalMaterialStore(PlatformSettings settings) {
    this.root = settings.dataDir().resolve("materials").toAbsolutePath().normalize();
  }

  /**
   * Writes the file; inside a transaction that later rolls back, the file is deleted again (the row that would have
   * named it is gone, and an orphan file would stay on disk for ever).
   */
  @Override
  public String put(String prefix, byte[] bytes) throws IOException {
    String key = prefix + "/" + LocalDate.now().toString().substring(0, 7) + "/" + UUID.randomUUID();
    Path file = resolve(key);
    Files.createDirectories(file.getParent());
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      Files.deleteIfExists(file); // a disk that filled up mid-write leaves part of a file nobody will name
      throw e;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status == STATUS_COMMITTED) return;
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            log.warn("Could not remove {} after a rollback", file, e);
          }
        }
      });
    }
    return key;
  }

  @Override
  public byte[] get(String key) throws IOException {
    return Files.readAllBytes(resolve(key));
  }

  private Path resolve(String key) {
    if (!KEY.matcher(key).matches()) throw new IllegalArgumentException("Not a material key");
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root)) throw new IllegalArgumentException("Not a material key");
    return file;
  }
}
