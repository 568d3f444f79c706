package org.tongban.insurance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.FieldProblem;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseDecided;
import org.tongban.casework.CaseQueries;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * 关系转移接续 within the province: an approved 养老保险关系转移接续 case (多地联办: the city of origin and the one the
 * person moves to both work it) moves every paid month of the employees' pension held in other cities to the
 * destination — TRANSFER_OUT at the origin with the personal account's share taken out, TRANSFER_IN at the destination
 * with the base and the share — so that the months count once, the account stays whole, and each city's staff see
 * what left and what arrived. A person with arrears in the months to move is refused at approval (they are paid first,
 * 社会保险法 art. 19 moves paid periods); a person with nothing held in another city here is approved and nothing moves.
 * Once per case.
 *
 * <p>Across provinces (国办发〔2009〕66号《城镇企业职工基本养老保险关系转移接续暂行办法》) the money moves with the
 * months: the personal account whole and, as the pooled fund, 12 % of each month's contribution base from 1998 on
 * (第四条), recorded per case and province of origin. The platform holds Liaoning and 泸州 (Sichuan): a move between
 * them is worked here end to end. A move to a province outside the platform ends the months here (TRANSFER_OUT only)
 * and gives the 参保缴费凭证 the other province needs ({@link #statement}); a move in from outside is entered by the
 * receiving agency from the other province's 基本养老保险关系转移接续信息表 before approval
 * ({@link #enterStatement}) and becomes TRANSFER_IN months at approval, never over a month already counted here.
 */
@Service
public class Transfers {

  static final String ITEM = "hrss.pension-transfer";

  private final JdbcClient jdbc;
  private final CaseQueries cases;
  private final ContributionRecord record;
  private final Enrolments enrolments;
  private final AuditTrail audit;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final JsonMapper json;
  private final org.springframework.context.ApplicationEventPublisher events;

  Transfers(JdbcClient jdbc, CaseQueries cases, ContributionRecord record, Enrolments enrolments, AuditTrail audit,
            RegionDirectory regions, Jurisdiction jurisdiction, Callers callers, JsonMapper json,
            org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.json = json;
    this.jdbc = jdbc;
    this.cases = cases;
    this.record = record;
    this.enrolments = enrolments;
    this.audit = audit;
  }

  /** A period of the other province's statement: months {@code from}–{@code to} at a monthly base. */
  public record Period(YearMonth from, YearMonth to, long baseCents) {
    int months() {
      return (int) ChronoUnit.MONTHS.between(from, to) + 1;
    }
  }

  /** The money that moved with the months of one case from one province to another. */
  public record Fund(UUID caseId, String fromProvince, String toProvince, int months, long accountCents,
                     long pooledCents, @Nullable String statementNo) {}

  /** 参保缴费凭证 of a move out of the platform: the months with their bases and the money that goes with them. */
  public record Statement(String caseNumber, String toProvince, List<Period> periods, int months, long accountCents,
                          long pooledCents, String basis) {}

  @EventListener
  @Transactional
  public void on(CaseDecided decided) {
    if (!decided.approved() || !ITEM.equals(decided.item())) return;
    var file = cases.find(decided.id()).orElseThrow();
    if (file.subject() != null || file.unit() != null) return;
    UUID person = file.applicant().value();
    String typed = file.form().path("destinationRegion").asString("");
    RegionCode destination;
    try {
      destination = RegionCode.of(typed);
    } catch (RegionCode.InvalidRegionCode e) {
      throw new InsuranceRefusals.TransferBlocked("destination");
    }
    var city = destination.atLevel(RegionLevel.CITY);
    if (city == null) throw new InsuranceRefusals.TransferBlocked("destination");
    String toProvince = destination.value().substring(0, 2);
    boolean heldHere = held(toProvince);
    enrolments.lockPerson(person);
    String source = "transfer:" + decided.id();
    if (jdbc.sql("select exists(select 1 from insurance.ledger where person_id = ? and source = ?)")
        .params(person, source).query(Boolean.class).single()) {
      return;
    }
    var pension = record.accounts(person).get(Insurance.PENSION);
    if (pension != null && pension.arrearsMonths() > 0) throw new InsuranceRefusals.TransferBlocked("arrears");
    String by = "case:" + file.number();
    var inbound = inbound(decided.id().value());
    if (inbound != null) {
      if (!heldHere) throw new InsuranceRefusals.TransferBlocked("destination");
      receive(person, destination, inbound, source, by, decided.id().value());
    }
    // Paid months held outside the destination city (all of them when the destination is outside the platform), by
    // region, with the base and the account's share.
    List<Held> held = jdbc.sql("""
            select region_code, month, max(base_cents), sum(account_cents) from insurance.ledger
            where person_id = ? and insurance = 'PENSION' and kind in ('PAID', 'TRANSFER_IN', 'TRANSFER_OUT')
              and region_code not like ? and source <> ?
            group by region_code, month having sum(account_cents) > 0 or bool_or(kind = 'PAID')""")
        .params(person, (heldHere ? city.prefix() : toProvince) + "%", source)
        .query((rs, i) -> new Held(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getLong(4)))
        .list().stream()
        // A month already moved out (its account share is zero there now) stays where it went.
        .filter(h -> h.account() > 0 || !movedOut(person, h.region(), h.month()))
        .toList();
    if (held.isEmpty()) {
      if (inbound == null) {
        // Nothing of this person's is held in another city here (periods kept elsewhere move outside the platform).
        audit.record("insurance.transfer-nothing-held", "case", decided.id().toString(), destination, Map.of());
      }
      return;
    }
    for (var h : held) {
      jdbc.sql("insert into insurance.ledger (person_id, insurance, month, kind, base_cents, account_cents, region_code,"
              + " source, entered_by) values (?, 'PENSION', ?, 'TRANSFER_OUT', ?, ?, ?, ?, ?)")
          .params(person, h.month(), h.base(), -h.account(), h.region(), source, by).update();
      if (!heldHere) continue;
      jdbc.sql("insert into insurance.ledger (person_id, insurance, month, kind, base_cents, account_cents, region_code,"
              + " source, entered_by) values (?, 'PENSION', ?, 'TRANSFER_IN', ?, ?, ?, ?, ?)")
          .params(person, h.month(), h.base(), h.account(), destination.value(), source, by).update();
    }
    // What crosses a provincial border takes its money with it.
    held.stream().filter(h -> !h.region().startsWith(toProvince))
        .collect(Collectors.groupingBy(h -> h.region().substring(0, 2), TreeMap::new, Collectors.toList()))
        .forEach((from, months) -> fund(decided.id().value(), person, from, toProvince, months.size(),
            months.stream().mapToLong(Held::account).sum(),
            months.stream().filter(h -> !h.month().isBefore(POOLED_FROM)).mapToLong(h -> pooled(h.base())).sum(),
            heldHere ? null : file.number()));
    audit.record(heldHere ? "insurance.transferred" : "insurance.transferred-out", "case", decided.id().toString(),
        destination, Map.of("months", String.valueOf(held.size()), "to", destination.value()));
    if (!heldHere) events.publishEvent(new TransferredOut(decided.id().value()));
  }

  private record Held(String region, LocalDate month, long base, long account) {}

  /** 国办发〔2009〕66号第四条第二项: the pooled fund moves 12 % of each month's base from 1 January 1998. */
  static final LocalDate POOLED_FROM = LocalDate.of(1998, 1, 1);

  static long pooled(long baseCents) {
    return BigDecimal.valueOf(baseCents).multiply(BigDecimal.valueOf(12))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
  }

  private void fund(UUID caseId, UUID person, String from, String to, int months, long account, long pooled,
                    @Nullable String statementNo) {
    jdbc.sql("insert into insurance.transfer_fund (case_id, person_id, from_province, to_province, months, account_cents,"
            + " pooled_cents, statement_no) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseId, person, from, to, months, account, pooled, statementNo).update();
  }

  /** Whether the platform holds the province (its divisions are loaded): Liaoning and Sichuan here. */
  private boolean held(String province) {
    return regions.exists(RegionCode.of(province));
  }

  /** The money moved across provinces for a person, newest first. */
  public List<Fund> funds(UUID person) {
    return jdbc.sql("select case_id, from_province, to_province, months, account_cents, pooled_cents, statement_no"
            + " from insurance.transfer_fund where person_id = ? order by created_at desc").param(person)
        .query((rs, i) -> new Fund(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getLong(5), rs.getLong(6), rs.getString(7)))
        .list();
  }

  /**
   * The 参保缴费凭证 of an approved move out of the platform, for staff covering the case's region (the agency sends it
   * to the other province; "not found" elsewhere, and for a case that moved nothing out of the platform).
   */
  public Statement statement(UUID caseId) {
    var file = cases.find(new org.tongban.casework.CaseId(caseId))
        .filter(f -> ITEM.equals(f.item()))
        .filter(f -> jurisdiction.allows(f.competentRegion(), InsuranceParameters.DEPARTMENT, Purpose.VIEW))
        .orElseThrow(() -> new InsuranceRefusals.TransferNotFound(caseId.toString()));
    return statementOf(caseId, file.number());
  }

  /** The statement without the caller's check: for the exchange, which shares it to the subscribers approved for it. */
  Statement statementOf(UUID caseId, String caseNumber) {
    var funds = jdbc.sql("select to_province, sum(months), sum(account_cents), sum(pooled_cents) from"
            + " insurance.transfer_fund where case_id = ? and statement_no is not null group by to_province")
        .param(caseId).query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)})
        .optional().orElseThrow(() -> new InsuranceRefusals.TransferNotFound(caseId.toString()));
    var months = jdbc.sql("select month, base_cents from insurance.ledger where source = ? and kind = 'TRANSFER_OUT'"
            + " order by month").param("transfer:" + caseId)
        .query((rs, i) -> Map.entry(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2))).list();
    var periods = new ArrayList<Period>();
    for (var m : months) {
      var last = periods.isEmpty() ? null : periods.getLast();
      if (last != null && last.baseCents() == m.getValue() && last.to().plusMonths(1).equals(m.getKey())) {
        periods.set(periods.size() - 1, new Period(last.from(), m.getKey(), last.baseCents()));
      } else {
        periods.add(new Period(m.getKey(), m.getKey(), m.getValue()));
      }
    }
    return new Statement(caseNumber, (String) funds[0], List.copyOf(periods), (Integer) funds[1], (Long) funds[2],
        (Long) funds[3], "国办发〔2009〕66号第四条：个人账户储存额全部转移；统筹基金以1998年1月1日后各年度实际缴费工资为基数按12%转移");
  }

  /**
   * The receiving agency enters the statement of a province outside the platform against an open transfer case it
   * covers: the periods with their bases, the account and the pooled fund received. Refused for a province the
   * platform holds (it moves those months itself), for periods that overlap or that this platform already counts
   * (国办发〔2009〕66号第八条: the same months are not counted twice), or a case already decided. Entered again before
   * approval, it replaces the earlier entry.
   */
  @Transactional
  public void enterStatement(UUID caseId, @Nullable String originProvince, @Nullable String statementNo,
                             @Nullable List<Period> periods, long accountCents, long pooledCents) {
    var file = cases.find(new org.tongban.casework.CaseId(caseId))
        .filter(f -> ITEM.equals(f.item()))
        .filter(f -> jurisdiction.allows(f.competentRegion(), InsuranceParameters.DEPARTMENT, Purpose.CAPTURE))
        .orElseThrow(() -> new InsuranceRefusals.TransferNotFound(caseId.toString()));
    if (file.decidedAt() != null) throw new InsuranceRefusals.TransferBlocked("decided");
    var problems = new ArrayList<FieldProblem>();
    if (originProvince == null || !originProvince.matches("[1-8]\\d") || held(originProvince)) {
      problems.add(FieldProblem.of("originProvince", "transfer-origin"));
    }
    if (statementNo == null || statementNo.isBlank() || statementNo.length() > 60) {
      problems.add(FieldProblem.of("statementNo", "required"));
    }
    if (accountCents < 0 || pooledCents < 0 || accountCents > 10_000_000_000L || pooledCents > 10_000_000_000L) {
      problems.add(FieldProblem.of("account", "transfer-amount"));
    }
    var months = new java.util.TreeSet<YearMonth>();
    var now = Enrolments.thisMonth();
    if (periods == null || periods.isEmpty() || periods.size() > 100) {
      problems.add(FieldProblem.of("periods", "transfer-periods"));
    } else {
      for (var p : periods) {
        if (p == null || p.from() == null || p.to() == null || p.to().isBefore(p.from()) || !p.to().isBefore(now)
            || p.from().getYear() < 1990 || p.baseCents() <= 0 || p.baseCents() > 100_000_000L) {
          problems.add(FieldProblem.of("periods", "transfer-periods"));
          break;
        }
        for (var m = p.from(); !m.isAfter(p.to()); m = m.plusMonths(1)) {
          if (!months.add(m)) problems.add(FieldProblem.of("periods", "transfer-overlap"));
        }
      }
    }
    if (problems.isEmpty()) {
      var counted = jdbc.sql("select distinct month from insurance.ledger where person_id = ? and insurance = 'PENSION'"
              + " and kind in ('PAID', 'TRANSFER_IN')").param(file.applicant().value())
          .query((rs, i) -> YearMonth.from(rs.getObject(1, LocalDate.class))).set();
      if (months.stream().anyMatch(counted::contains)) problems.add(FieldProblem.of("periods", "transfer-overlap"));
    }
    if (!problems.isEmpty()) throw new InsuranceRefusals.InvalidTransferStatement(problems.stream().distinct().toList());
    jdbc.sql("""
            insert into insurance.transfer_statement (case_id, origin_province, statement_no, periods, account_cents,
              pooled_cents, entered_by) values (?, ?, ?, ?::jsonb, ?, ?, ?)
            on conflict (case_id) do update set origin_province = excluded.origin_province,
              statement_no = excluded.statement_no, periods = excluded.periods, account_cents = excluded.account_cents,
              pooled_cents = excluded.pooled_cents, entered_by = excluded.entered_by, entered_at = now()""")
        .params(caseId, originProvince, statementNo.strip(), json.writeValueAsString(periods), accountCents, pooledCents,
            callers.current().name())
        .update();
    audit.record("insurance.transfer-statement-entered", "case", caseId.toString(), file.competentRegion(),
        Map.of("origin", originProvince, "months", String.valueOf(months.size()), "statement", statementNo.strip()));
  }

  private record Inbound(String origin, String statementNo, List<Period> periods, long accountCents, long pooledCents) {}

  private @Nullable Inbound inbound(UUID caseId) {
    return jdbc.sql("select origin_province, statement_no, periods::text, account_cents, pooled_cents from"
            + " insurance.transfer_statement where case_id = ?").param(caseId)
        .query((rs, i) -> new Inbound(rs.getString(1), rs.getString(2),
            List.of(json.readValue(rs.getString(3), Period[].class)), rs.getLong(4), rs.getLong(5)))
        .optional().orElse(null);
  }

  /** The other province's months arrive at the destination, the account spread over them (the rest on the last). */
  private void receive(UUID person, RegionCode destination, Inbound in, String source, String by, UUID caseId) {
    int total = in.periods().stream().mapToInt(Period::months).sum();
    var counted = jdbc.sql("select exists(select 1 from insurance.ledger where person_id = ? and insurance = 'PENSION'"
            + " and kind in ('PAID', 'TRANSFER_IN') and month = any(?))")
        .params(person, in.periods().stream().flatMap(p -> java.util.stream.Stream.iterate(p.from(),
            m -> !m.isAfter(p.to()), m -> m.plusMonths(1))).map(m -> java.sql.Date.valueOf(m.atDay(1)))
            .toArray(java.sql.Date[]::new))
        .query(Boolean.class).single();
    if (counted) throw new InsuranceRefusals.TransferBlocked("overlap");
    long each = in.accountCents() / total;
    long rest = in.accountCents() - each * total;
    int written = 0;
    for (var p : in.periods()) {
      for (var m = p.from(); !m.isAfter(p.to()); m = m.plusMonths(1)) {
        written++;
        long share = each + (written == total ? rest : 0);
        jdbc.sql("insert into insurance.ledger (person_id, insurance, month, kind, base_cents, account_cents, region_code,"
                + " source, entered_by) values (?, 'PENSION', ?, 'TRANSFER_IN', ?, ?, ?, ?, ?)")
            .params(person, m.atDay(1), p.baseCents(), share, destination.value(), source, by).update();
      }
    }
    fund(caseId, person, in.origin(), destination.value().substring(0, 2), total, in.accountCents(), in.pooledCents(),
        in.statementNo());
    audit.record("insurance.transferred-in", "case", caseId.toString(), destination,
        Map.of("months", String.valueOf(total), "from", in.origin(), "statement", in.statementNo()));
  }

  private boolean movedOut(UUID person, String region, LocalDate month) {
    return jdbc.sql("select exists(select 1 from insurance.ledger where person_id = ? and region_code = ? and month = ?"
        + " and kind = 'TRANSFER_OUT')").params(person, region, month).query(Boolean.class).single();
  }
}
