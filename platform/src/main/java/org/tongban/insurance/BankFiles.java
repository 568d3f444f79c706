package org.tongban.insurance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.FieldProblem;

/**
 * The bank's side of a payment run, in the layout of {@code docs/bank-file.md}: an export of the month's payments to
 * each holder's social security card (its financial account), the failed ones of earlier files again (up to three
 * tries); a payment whose card is lost or not activated, or a pension whose yearly 待遇资格认证 has lapsed, is held and
 * shown to staff instead of sent. The bank's return
 * file settles each sent payment as paid or failed (with the bank's reason), once.
 */
@Service
@Transactional(readOnly = true)
public class BankFiles {

  static final int MAX_ATTEMPTS = 3;

  public record Exported(UUID id, YearMonth month, int lines, long totalCents, int held, String content)
      implements java.io.Serializable {}

  public record Returned(UUID file, int paid, int failed) {}

  /** A payment staff should look at: failed at the bank or held for the card. */
  public record Problem(UUID payment, UUID person, String benefit, YearMonth month, long amountCents, String status,
                        int attempts, @Nullable String failure) {}

  private final JdbcClient jdbc;
  private final Cards cards;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final InsuranceFacts facts;
  private final Qualifications qualifications;
  private final AuditTrail audit;

  BankFiles(JdbcClient jdbc, Cards cards, Jurisdiction jurisdiction, Callers callers, InsuranceFacts facts,
            Qualifications qualifications, AuditTrail audit) {
    this.qualifications = qualifications;
    this.facts = facts;
    this.jdbc = jdbc;
    this.cards = cards;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  /** Exports the month's unsent payments within the officer's jurisdiction. */
  @Transactional
  public Exported export(@Nullable YearMonth month) {
    if (month == null) throw new InsuranceRefusals.InvalidParameter("month");
    var filter = jurisdiction.filter(Purpose.CAPTURE, InsuranceParameters.DEPARTMENT);
    if (filter.isEmpty()) throw new org.tongban.access.OutOfJurisdiction("bank-file");
    record Due(UUID id, UUID person, String benefit, long amount) {}
    var due = jdbc.sql("select id, person_id, benefit, amount_cents from insurance.payment where month = ?"
            + " and region_code like any(?) and (status in ('PENDING', 'HELD') or (status = 'FAILED' and attempts < ?))"
            + " order by id for update skip locked")
        .params(month.atDay(1), filter.patterns(), MAX_ATTEMPTS)
        .query((rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getLong(4)))
        .list();
    var file = UUID.randomUUID();
    var lines = new StringBuilder();
    int n = 0;
    int held = 0;
    long total = 0;
    for (var d : due) {
      // A pension waits for the pensioner's yearly 待遇资格认证.
      if (d.benefit().equals(Pensions.BENEFIT) && !qualifications.valid(d.person(), month.atDay(1))) {
        jdbc.sql("update insurance.payment set status = 'HELD', failure = ? where id = ? and status in ('PENDING', 'HELD',"
                + " 'FAILED')")
            .params("待遇资格认证已过期：待本人认证后发放", d.id()).update();
        held++;
        continue;
      }
      var card = cards.inForce(d.person()).filter(c -> c.status().usable());
      if (card.isEmpty()) {
        jdbc.sql("update insurance.payment set status = 'HELD', failure = ? where id = ? and status in ('PENDING', 'HELD',"
                + " 'FAILED')")
            .params("社会保障卡未启用、已挂失或已注销：待持卡人启用、解挂或补卡后发放", d.id()).update();
        held++;
        continue;
      }
      if (jdbc.sql("update insurance.payment set status = 'SENT', file_id = ?, attempts = attempts + 1 where id = ?"
          + " and status in ('PENDING', 'HELD', 'FAILED')").params(file, d.id()).update() != 1) {
        continue;
      }
      n++;
      total += d.amount();
      lines.append("D|").append(n).append('|').append(d.id()).append('|').append(card.get().number()).append('|')
          .append(d.amount()).append('|').append(d.benefit()).append('|').append(month).append('\n');
    }
    String content = "H|TONGBAN-PAY|1|" + file + "|" + month + "|" + n + "|" + total + "\n" + lines + "T|" + n + "|"
        + total + "\n";
    jdbc.sql("insert into insurance.bank_file (id, month, lines, total_cents, content, created_by) values (?, ?, ?, ?, ?, ?)")
        .params(file, month.atDay(1), n, total, content, callers.current().name()).update();
    audit.record("insurance.bank-file-exported", "bank-file", file.toString(), null,
        Map.of("month", month.toString(), "lines", String.valueOf(n), "totalCents", String.valueOf(total),
            "held", String.valueOf(held)));
    return new Exported(file, month, n, total, held, content);
  }

  /**
   * Reads the bank's return file ({@code R|payment|OK} or {@code R|payment|FAIL|reason} per line) for an exported file:
   * every line checked first; an unknown or already settled payment is a problem and nothing is settled.
   */
  @Transactional
  public Returned settle(UUID fileId, @Nullable String content) {
    // The officer who exported the file settles it: the file holds card numbers of their jurisdiction only.
    var file = jdbc.sql("select id from insurance.bank_file where id = ? and created_by = ? for update")
        .params(fileId, callers.current().name()).query(UUID.class).optional();
    if (file.isEmpty()) throw new InsuranceRefusals.BankFileNotFound(fileId.toString());
    var problems = new ArrayList<FieldProblem>();
    record Outcome(UUID payment, boolean ok, @Nullable String reason) {}
    var outcomes = new ArrayList<Outcome>();
    var text = content == null ? "" : content;
    if (text.length() > 50_000_000) throw new InsuranceRefusals.InvalidParameter("content");
    String[] rows = text.split("\\R");
    for (int i = 0; i < rows.length; i++) {
      var row = rows[i].strip();
      if (row.isEmpty()) continue;
      var parts = row.split("\\|", -1);
      try {
        if (!parts[0].equals("R") || parts.length < 3) throw new IllegalArgumentException();
        var payment = UUID.fromString(parts[1]);
        boolean ok = parts[2].equals("OK");
        if (!ok && !parts[2].equals("FAIL")) throw new IllegalArgumentException();
        outcomes.add(new Outcome(payment, ok, ok ? null : parts.length > 3 ? parts[3] : "银行未说明原因"));
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        problems.add(FieldProblem.of("line" + (i + 1), "insurance-return-line"));
      }
    }
    int paid = 0;
    int failed = 0;
    var thisMonth = Enrolments.thisMonth();
    for (var o : outcomes) {
      int n;
      if (o.ok()) {
        var settled = jdbc.sql("update insurance.payment set status = 'PAID', settled_at = now() where id = ?"
                + " and file_id = ? and status = 'SENT' returning region_code, month")
            .params(o.payment(), fileId)
            .query((rs, i) -> Map.entry(org.tongban.shared.RegionCode.of(rs.getString(1)),
                YearMonth.from(rs.getDate(2).toLocalDate())))
            .optional();
        n = settled.isPresent() ? 1 : 0;
        // 按时: paid by the bank within the month it is for.
        settled.filter(s -> !thisMonth.isAfter(s.getValue())).ifPresent(s ->
            facts.payments(InsuranceFacts.ON_TIME, Map.of(s.getKey(), 1L), s.getValue()));
      } else {
        n = jdbc.sql("update insurance.payment set status = 'FAILED', failure = ? where id = ? and file_id = ?"
            + " and status = 'SENT'").params(o.reason(), o.payment(), fileId).update();
      }
      if (n != 1) {
        problems.add(FieldProblem.of(o.payment().toString(), "insurance-return-unknown"));
      } else if (o.ok()) {
        paid++;
      } else {
        failed++;
      }
    }
    if (!problems.isEmpty()) throw new InsuranceRefusals.InvalidReturnFile(problems);
    jdbc.sql("update insurance.bank_file set returned_at = now() where id = ?").param(fileId).update();
    audit.record("insurance.bank-file-returned", "bank-file", fileId.toString(), null,
        Map.of("paid", String.valueOf(paid), "failed", String.valueOf(failed)));
    return new Returned(fileId, paid, failed);
  }

  /** Payments failed at the bank or held for the card, within the officer's jurisdiction. */
  public List<Problem> problems(int limit) {
    var filter = jurisdiction.filter(Purpose.VIEW, InsuranceParameters.DEPARTMENT);
    if (filter.isEmpty()) return List.of();
    return jdbc.sql("select id, person_id, benefit, month, amount_cents, status, attempts, failure from insurance.payment"
            + " where status in ('FAILED', 'HELD') and region_code like any(?) order by month desc, id limit ?")
        .params(filter.patterns(), Math.min(Math.max(limit, 1), 1000))
        .query((rs, i) -> new Problem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            YearMonth.from(rs.getDate(4).toLocalDate()), rs.getLong(5), rs.getString(6), rs.getInt(7), rs.getString(8)))
        .list();
  }
}
