package org.tongban.casework.internal.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.casework.internal.CaseMaterials;

/**
 * An uploaded material as a download: the type it was checked to be, always as an attachment (never rendered in the
 * page's origin), named after the material.
 */
final class MaterialDownload {

  private MaterialDownload() {}

  static ResponseEntity<byte[]> of(CaseMaterials.Stored stored) {
    String extension = switch (stored.contentType()) {
      case "application/pdf" -> ".pdf";
      case "image/png" -> ".png";
      default -> ".jpg";
    };
    return ResponseEntity.ok()
        .header("Content-Disposition", ContentDisposition.attachment().filename(stored.name() + extension,
            java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(stored.contentType())).body(stored.bytes());
  }
}
