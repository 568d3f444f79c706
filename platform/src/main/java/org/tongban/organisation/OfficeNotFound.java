package org.tongban.organisation;

import org.tongban.shared.Refusal;

public final class OfficeNotFound extends Refusal {
  public OfficeNotFound(String id) {
    super("organisation.office-not-found", 404, id);
  }
}
