package org.tongban.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Permission;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;

/**
 * On the first start (no administrator yet) creates {@code admin} with a generated password, shows it once
 * on the console and writes it to a file only the owner can read. No default password exists anywhere.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final StaffAccounts accounts;
  private final IdentitySettings settings;

  FirstAdministrator(StaffAccounts accounts, IdentitySettings settings) {
    this.accounts = accounts;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (accounts.anyAdministrator()) return;
    String password = accounts.createWithGeneratedPassword(new NewStaff("admin", "系统管理员 Administrator", null,
        EnumSet.of(Role.ADMIN, Role.AUDITOR),
        Set.of(Scope.everywhere(Purpose.CAPTURE), Scope.everywhere(Purpose.SEARCH)), EnumSet.of(Permission.PERSON_UNMASK)));
    var file = settings.firstAdminFile();
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, "username: admin\npassword: " + password + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    // Shown once, on purpose: this is the only way an operator learns the first password.
    System.out.println("""

        ================================================================
         通办 Tongban: first administrator created / 已创建首个管理员
           username / 用户名: admin
           password / 密码:   %s
         Also written to %s (owner-readable only).
         Sign in and create named accounts; then delete that file.
        ================================================================
        """.formatted(password, file.toAbsolutePath()));
    log.info("First administrator 'admin' created; password written to {}", file.toAbsolutePath());
  }
}
