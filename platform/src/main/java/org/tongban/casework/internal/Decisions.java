package org.tongban.casework.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseFile;
import org.tongban.casework.Certificate;
import org.tongban.casework.DecisionTerms;
import org.tongban.catalogue.ItemSpec;
import org.tongban.person.Resident;
import org.tongban.region.Region;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionLevel;

/**
 * Records what was decided on a case and issues the document that says so: the item's result for an approval (with
 * the amount and period granted where the item pays money), a 不予批准 / 不予行政许可 decision, or a 不予受理 notice —
 * each with its legal basis and the applicant's appeal rights (行政复议 within 60 days, 行政诉讼 within 6 months).
 */
@Component
public class Decisions {

  public enum Outcome { APPROVED, DENIED, NOT_ACCEPTED }

  private final JdbcClient jdbc;
  private final Certificates certificates;
  private final RegionDirectory regions;

  Decisions(JdbcClient jdbc, Certificates certificates, RegionDirectory regions) {
    this.jdbc = jdbc;
    this.certificates = certificates;
    this.regions = regions;
  }

  /** Records the decision and issues its document; returns the document's register entry. */
  public Certificate decide(CaseFile c, ItemSpec spec, Outcome outcome, DecisionTerms terms, @Nullable String reason,
                            Resident holder, String issuer, String decidedBy, Instant at) {
    var payment = outcome == Outcome.APPROVED ? spec.result().payment() : null;
    var document = certificates.issue(c, document(c, spec, outcome, payment, terms, reason, holder, issuer));
    jdbc.sql("insert into casework.decision (case_id, outcome, payment, amount_cents, period_from, period_to, reason,"
            + " decided_by, decided_at, document) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(c.id().value(), outcome.name(), payment == null ? null : payment.name(),
            payment == null ? null : terms.amountCents(),
            payment == ItemSpec.Payment.MONTHLY && terms.from() != null ? terms.from().atDay(1) : null,
            payment == ItemSpec.Payment.MONTHLY && terms.to() != null ? terms.to().atEndOfMonth() : null,
            reason, decidedBy, Timestamp.from(at), document.code())
        .update();
    return document;
  }

  DecisionDocument document(CaseFile c, ItemSpec spec, Outcome outcome, ItemSpec.@Nullable Payment payment,
                            DecisionTerms terms, @Nullable String reason, Resident holder, String issuer) {
    String title = switch (outcome) {
      case APPROVED -> spec.result().name();
      case DENIED -> spec.type() == ItemSpec.ItemType.行政许可 ? "不予行政许可决定书" : "不予批准决定书";
      case NOT_ACCEPTED -> "不予受理通知书";
    };
    String decision = switch (outcome) {
      case APPROVED -> "经审查，符合规定条件，决定准予。";
      case DENIED -> "经审查，不符合规定条件，决定不予批准。";
      case NOT_ACCEPTED -> "经审查，决定不予受理。";
    };
    return new DecisionDocument(outcome == Outcome.APPROVED ? spec.result().type() : title, title, c.itemName(),
        c.number(), holder.name(), holder.idNumberMasked(), issuer, c.submittedAt(), decision,
        payment == null ? List.of() : termLines(payment, terms), outcome == Outcome.APPROVED ? null : reason,
        basis(spec), appeal(c), outcome != Outcome.APPROVED);
  }

  static List<String> termLines(ItemSpec.Payment payment, DecisionTerms terms) {
    var lines = new ArrayList<String>();
    String amount = yuan(terms.amountCents() == null ? 0 : terms.amountCents());
    if (payment == ItemSpec.Payment.ONCE) {
      lines.add("核定金额：一次性发放 " + amount + " 元。");
      return lines;
    }
    lines.add("核定标准：每月 " + amount + " 元。");
    var from = terms.from();
    var to = terms.to();
    if (from != null && to != null) {
      long months = ChronoUnit.MONTHS.between(from, to) + 1;
      lines.add("发放期限：" + month(from) + "至" + month(to) + "，共 " + months + " 个月。");
    } else if (from != null) {
      lines.add("发放期限：自" + month(from) + "起按月发放，条件变化时依规定调整或停发。");
    }
    return lines;
  }

  static String yuan(long cents) {
    var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(BigDecimal.valueOf(cents, 2));
  }

  private static String month(YearMonth m) {
    return m.getYear() + "年" + m.getMonthValue() + "月";
  }

  static String basis(ItemSpec spec) {
    if (spec.basis().isEmpty()) return "依据有关法律法规，作出本决定。";
    // One law, its articles together: 《失业保险条例》第十四条、第十六条.
    var byLaw = new java.util.LinkedHashMap<String, List<String>>();
    spec.basis().forEach(b -> byLaw.computeIfAbsent(b.law(), k -> new ArrayList<>()).add(b.article()));
    return "依据" + byLaw.entrySet().stream().map(e -> "《" + e.getKey() + "》" + String.join("、", e.getValue()))
        .collect(Collectors.joining("，")) + "，作出本决定。";
  }

  /**
   * The appeal rights: 行政复议 to the people's government at the deciding office's level (a county's departments are
   * reviewed by the county government, 行政复议法 2023 第二十四条), or 行政诉讼 at a people's court.
   */
  String appeal(CaseFile c) {
    return "如不服本决定，可以自收到本文书之日起六十日内向" + reviewBody(c)
        + "申请行政复议，也可以自收到本文书之日起六个月内依法向人民法院提起行政诉讼。";
  }

  private String reviewBody(CaseFile c) {
    var region = c.competentRegion();
    var level = regions.find(region).map(Region::level).orElse(RegionLevel.COUNTY);
    if (level.number() > RegionLevel.COUNTY.number()) {
      var county = region.atLevel(RegionLevel.COUNTY);
      if (county != null) region = county;
    }
    var trail = regions.trail(region);
    if (trail.isEmpty()) return "有管辖权的人民政府";
    // 沈阳市和平区人民政府 (without the province), 沈阳市人民政府, 辽宁省人民政府.
    var names = trail.size() == 1 ? trail : trail.subList(1, trail.size());
    return names.stream().map(Region::name).collect(Collectors.joining()) + "人民政府";
  }
}
