package org.tongban.identity.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings ({@code tongban.identity.*}).
 *
 * @param firstAdminFile where the first administrator's generated password is written (readable by the
 *     owner only); delete it after the first sign-in
 * @param keyEncryptionKey AES-256 key (Base64) that encrypts token-signing keys at rest
 * @param pairwiseKey HMAC key (Base64) for pairwise subject identifiers; never change it once clients exist
 * @param keyFile where generated identity keys are kept when none are configured
 * @param keyPublishedAfterRetirement how long a rotated-out signing key stays in the JWK set: at least the
 *     longest token lifetime, so every token it signed can still be verified
 * @param absoluteSessionTimeout a signed-in session ends after this long however active it is (the idle
 *     limit is {@code server.servlet.session.timeout})
 */
@ConfigurationProperties("tongban.identity")
record IdentitySettings(@DefaultValue("data/first-admin-password.txt") Path firstAdminFile,
                        @Nullable String keyEncryptionKey, @Nullable String pairwiseKey,
                        @DefaultValue("data/keys/identity.keys") Path keyFile,
                        @DefaultValue("P1D") Duration keyPublishedAfterRetirement,
                        @DefaultValue("PT12H") Duration absoluteSessionTimeout) {}
