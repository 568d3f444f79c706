package org.tongban.insurance;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.access.Callers;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseFile;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.person.Resident;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files a benefit claim's catalogue case for the signed-in resident once its rules are met: the form the claim filled
 * (the applicant's name first), the bank account and phone when given, on the web or at a self-service terminal,
 * competent where the resident lives; {@code submission} makes a repeated submit file one case.
 */
@Component
class ClaimFiling {

  private final Applications applications;
  private final Callers callers;
  private final JsonMapper json;

  ClaimFiling(Applications applications, Callers callers, JsonMapper json) {
    this.applications = applications;
    this.callers = callers;
    this.json = json;
  }

  /** A claim form with the applicant's name. */
  ObjectNode form(Resident applicant) {
    var form = json.createObjectNode();
    form.put("applicantName", applicant.name());
    return form;
  }

  CaseFile file(String item, Resident applicant, ObjectNode form, @Nullable String bankAccount, @Nullable String phone,
                @Nullable String submission) {
    if (bankAccount != null && !bankAccount.isBlank()) form.put("bankAccount", bankAccount.strip());
    if (phone != null && !phone.isBlank()) form.put("contactPhone", phone.strip());
    var channel = callers.current().kiosk() != null ? Channel.KIOSK : Channel.WEB;
    return applications.apply(new NewApplication(item, applicant.id(), channel, RegionBasis.RESIDENCE, null, form,
        submission, null));
  }
}
