package org.tongban.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The two settings every module may need ({@code tongban.*}): the address residents use, and where the platform keeps
 * its files. Modules' own settings live in their own records ({@code tongban.identity.*} …).
 *
 * @param publicUrl the address residents and systems use (OIDC issuer, links and QR codes on documents); the run
 *                  command's default is the address the platform listens on
 * @param dataDir   the embedded database, keys, materials and generated files
 */
@ConfigurationProperties("tongban")
public record PlatformSettings(String publicUrl, @DefaultValue("data") Path dataDir) {

  /** The public address without a trailing slash, ready to have a path appended. */
  public String base() {
    return publicUrl.replaceAll("/+$", "");
  }
}
