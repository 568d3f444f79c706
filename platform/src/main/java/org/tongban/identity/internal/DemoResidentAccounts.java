package org.tongban.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.tongban.person.Residents;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.RegionCode;
import org.tongban.shared.PlatformSettings;

/**
 * Demo only: sign-ins for a few generated residents (one in 沈阳市和平区, one in 泸州市江阳区, one more in 和平区), so that
 * a newcomer can try a resident's journey straight from the README. Their phones and passwords are generated, shown
 * once on the console like the first administrator's and written to a file only the owner can read. Everything about
 * them is generated data.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "tongban.identity.demo-residents", havingValue = "true")
class DemoResidentAccounts implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoResidentAccounts.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  private final Residents registry;
  private final ResidentSecrets secrets;
  private final PasswordEncoder passwords;
  private final JdbcClient jdbc;
  private final Path file;

  DemoResidentAccounts(Residents registry, ResidentSecrets secrets, PasswordEncoder passwords, JdbcClient jdbc,
                       PlatformSettings settings) {
    this.registry = registry;
    this.secrets = secrets;
    this.passwords = passwords;
    this.jdbc = jdbc;
    this.file = settings.dataDir().resolve("demo-residents.txt");
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select exists(select 1 from identity.resident_account where registered_by = 'demo')")
        .query(Boolean.class).single()) {
      return;
    }
    var picked = new ArrayList<Residents.GeneratedIdentity>();
    picked.addAll(registry.generatedIdentities(RegionCode.of("210102"), 2));
    picked.addAll(registry.generatedIdentities(RegionCode.of("510502"), 1));
    if (picked.isEmpty()) return;
    var lines = new ArrayList<String>();
    for (var g : picked) {
      var phone = new PhoneNumber("139" + String.format("%08d", RANDOM.nextInt(100_000_000)));
      if (secrets.hasAccount(phone)) continue;
      String password = password();
      secrets.openAccount(phone, g.resident().name(), g.idNumber(), g.resident().id().value(), passwords.encode(password),
          "demo");
      lines.add("%s  %s  phone / 手机号: %s  password / 密码: %s".formatted(g.resident().name(),
          g.resident().residenceRegion().value(), phone.value(), password));
    }
    write(lines);
    System.out.println("""

        ================================================================
         通办 Tongban: demo residents (generated) / 演示居民账号（生成数据）
        %s
         Sign in at /login with the phone and password.
         Also written to %s (owner-readable only).
        ================================================================
        """.formatted(String.join("\n", lines.stream().map(l -> "   " + l).toList()), file.toAbsolutePath()));
    log.info("{} demo resident accounts created; sign-ins written to {}", lines.size(), file.toAbsolutePath());
  }

  private void write(List<String> lines) {
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, "# Generated demo residents (not real people) / 演示居民（生成数据）\n"
          + String.join("\n", lines) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static String password() {
    var sb = new StringBuilder();
    for (int i = 0; i < 10; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    sb.setCharAt(RANDOM.nextInt(10), (char) ('2' + RANDOM.nextInt(8)));
    return sb.toString();
  }
}
