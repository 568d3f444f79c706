package org.tongban.casework.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongban.casework.MaterialStore;

/**
 * Materials under {@code <data-dir>/materials/<prefix>/<yyyy-MM>/<uuid>}. Keys are checked against that
 * shape before any file is opened, so no key can reach outside the directory.
 */
@Component
class LocalMaterialStore implements MaterialStore {

  private static final Pattern KEY = Pattern.compile("[a-z]{1,20}/\\d{4}-\\d{2}/[0-9a-f-]{36}");
  private final Path root;

  LocalMaterialStore(@Value("${tongban.data-dir}") String dataDir) {
    this.root = Path.of(dataDir, "materials").toAbsolutePath().normalize();
  }

  @Override
  public String put(String prefix, byte[] bytes) throws IOException {
    String key = prefix + "/" + LocalDate.now().toString().substring(0, 7) + "/" + UUID.randomUUID();
    Path file = resolve(key);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
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
