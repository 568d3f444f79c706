package org.tongban.identity.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings ({@code tongban.identity.*}).
 *
 * @param firstAdminFile where the first administrator's generated password is written (readable by the
 *     owner only); delete it after the first sign-in
 */
@ConfigurationProperties("tongban.identity")
record IdentitySettings(@DefaultValue("data/first-admin-password.txt") Path firstAdminFile) {}
