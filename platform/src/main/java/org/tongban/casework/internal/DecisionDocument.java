package org.tongban.casework.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of a decision document (决定书、通知书、证照): who decided what for whom, on which legal basis, with
 * which terms or reasons, and how to appeal. {@code refusal} marks 不予 and 不予受理 documents: registered and verifiable
 * like certificates, never fetched as an e-certificate.
 *
 * @param decision the operative sentence ("经审查，……决定准予……")
 * @param terms    what was granted, line by line (amount, period); empty when nothing is paid
 * @param reason   why it was refused; null for approvals
 * @param basis    the legal basis sentence ("依据《中华人民共和国社会保险法》第四十五条。")
 * @param appeal   the appeal rights sentence with its time limits, naming the review body
 */
public record DecisionDocument(String kind, String title, String itemName, String caseNumber, String holderName,
                               String holderMasked, String issuer, Instant filedAt, String decision, List<String> terms,
                               @Nullable String reason, String basis, String appeal, boolean refusal) {

  public DecisionDocument {
    terms = List.copyOf(terms);
  }
}
