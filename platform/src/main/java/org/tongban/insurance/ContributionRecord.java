package org.tongban.insurance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's insurance record read from the ledger: per insurance the months counted (缴费年限, exactly in months: a
 * month counts when what was paid covers what was due, and every month transferred in counts), the months in arrears
 * and what they owe, and the personal pension account year by year with its 记账利率.
 *
 * <p>The account follows 《职工基本养老保险个人账户管理暂行办法》 (劳办发〔1997〕116号): at the end of a year, last year's
 * balance earns the year's rate in full, and the year's contributions earn it × 1.083 × 1/2 (the contributions arrive
 * through the year). A year whose rate the ministry has not yet published carries no interest and says so.
 */
@Service
@Transactional(readOnly = true)
public class ContributionRecord {

  /** One month of one insurance: due and paid in fen, transferred in, counted, in arrears. */
  public record Month(YearMonth month, long dueCents, long paidCents, boolean transferred, boolean counted,
                      long arrearsCents) {}

  /** One insurance: months counted, months and fen in arrears, each month. */
  public record Account(Insurance insurance, int monthsCounted, int monthsTransferred, int arrearsMonths,
                        long arrearsCents, List<Month> months) {
    public String years() {
      return monthsCounted / 12 + "年" + (monthsCounted % 12 == 0 ? "" : monthsCounted % 12 + "个月");
    }
  }

  /** A year of the personal pension account. {@code rateBp} null while unpublished. */
  public record AccountYear(int year, long openingCents, long contributedCents, @Nullable Integer rateBp,
                            long interestCents, long closingCents) {}

  /** A ledger entry as the person and staff see it, with where it came from. */
  public record Entry(long id, Insurance insurance, YearMonth month, String kind, @Nullable Long baseCents,
                      long employerCents, long individualCents, long accountCents, long lateFeeCents, String source,
                      @Nullable String reason, @Nullable String approvedBy, String enteredBy, java.time.Instant at,
                      boolean generated) {}

  private final JdbcClient jdbc;
  private final InsuranceParameters parameters;

  ContributionRecord(JdbcClient jdbc, InsuranceParameters parameters) {
    this.jdbc = jdbc;
    this.parameters = parameters;
  }

  /** Every insurance the person has entries in, as of the current month (a month in progress is not in arrears). */
  public Map<Insurance, Account> accounts(UUID person) {
    var now = Enrolments.thisMonth();
    var months = new EnumMap<Insurance, List<Month>>(Insurance.class);
    jdbc.sql("select insurance, month,"
            + " sum(case when kind in ('DUE', 'CORRECTION') then employer_cents + individual_cents else 0 end),"
            + " sum(case when kind = 'PAID' then employer_cents + individual_cents else 0 end),"
            + " count(*) filter (where kind = 'TRANSFER_IN'), count(*) filter (where kind = 'TRANSFER_OUT')"
            + " from insurance.ledger where person_id = ? group by insurance, month order by insurance, month")
        .param(person)
        .query((rs, i) -> {
          var month = YearMonth.from(rs.getDate(2).toLocalDate());
          long due = rs.getLong(3);
          long paid = rs.getLong(4);
          int in = rs.getInt(5);
          boolean transferred = in > 0;
          // Paid here or moved in, less moved out: a month moved between cities counts once, one moved out of the
          // platform no longer counts here.
          boolean counted = (paid > 0 && paid >= due ? 1 : 0) + in - rs.getInt(6) > 0;
          long arrears = !transferred && due > paid && month.isBefore(now) ? due - paid : 0;
          months.computeIfAbsent(Insurance.valueOf(rs.getString(1)), k -> new ArrayList<>())
              .add(new Month(month, due, paid, transferred, counted, arrears));
          return 1;
        }).list();
    var result = new EnumMap<Insurance, Account>(Insurance.class);
    months.forEach((insurance, list) -> result.put(insurance, new Account(insurance,
        (int) list.stream().filter(Month::counted).count(), (int) list.stream().filter(Month::transferred).count(),
        (int) list.stream().filter(m -> m.arrearsCents() > 0).count(),
        list.stream().mapToLong(Month::arrearsCents).sum(), List.copyOf(list))));
    return result;
  }

  /** Months counted in one insurance (0 when none). */
  public int monthsCounted(UUID person, Insurance insurance) {
    var account = accounts(person).get(insurance);
    return account == null ? 0 : account.monthsCounted();
  }

  /** The personal pension account year by year, up to the current year. */
  public List<AccountYear> pensionAccount(UUID person) {
    var byYear = new TreeMap<Integer, Long>();
    jdbc.sql("select extract(year from month)::int, sum(account_cents) from insurance.ledger where person_id = ?"
            + " and insurance = 'PENSION' and kind in ('PAID', 'TRANSFER_IN', 'TRANSFER_OUT') group by 1")
        .param(person).query((rs, i) -> byYear.put(rs.getInt(1), rs.getLong(2))).list();
    return accountYears(byYear, parameters.interests(), Enrolments.thisMonth().getYear());
  }

  /** The 1997 yearly formula over contributions per year; pure, for tests and the payment of a pension. */
  static List<AccountYear> accountYears(Map<Integer, Long> contributed, Map<Integer, Integer> rates, int lastYear) {
    var years = new ArrayList<AccountYear>();
    if (contributed.isEmpty()) return years;
    int first = contributed.keySet().stream().min(Integer::compare).orElseThrow();
    long balance = 0;
    for (int y = first; y <= lastYear; y++) {
      long in = contributed.getOrDefault(y, 0L);
      Integer bp = rates.get(y);
      long interest = 0;
      if (bp != null) {
        var r = BigDecimal.valueOf(bp).divide(BigDecimal.valueOf(10_000), 10, RoundingMode.HALF_UP);
        interest = BigDecimal.valueOf(balance).multiply(r)
            .add(BigDecimal.valueOf(in).multiply(r).multiply(new BigDecimal("1.083")).divide(BigDecimal.valueOf(2), 10,
                RoundingMode.HALF_UP))
            .setScale(0, RoundingMode.HALF_UP).longValueExact();
      }
      years.add(new AccountYear(y, balance, in, bp, interest, balance + in + interest));
      balance += in + interest;
    }
    return years;
  }

  /** The ledger entries of a person, newest month first; {@code insurance} null for all. */
  public List<Entry> entries(UUID person, @Nullable Insurance insurance, int limit) {
    return jdbc.sql("select id, insurance, month, kind, base_cents, employer_cents, individual_cents, account_cents,"
            + " late_fee_cents, source, reason, approved_by, entered_by, entered_at, generated from insurance.ledger"
            + " where person_id = ? and (?::text is null or insurance = ?) order by month desc, id desc limit ?")
        .params(person, insurance == null ? null : insurance.name(), insurance == null ? null : insurance.name(),
            Math.min(Math.max(limit, 1), 2000))
        .query((rs, i) -> new Entry(rs.getLong("id"), Insurance.valueOf(rs.getString("insurance")),
            YearMonth.from(rs.getDate("month").toLocalDate()), rs.getString("kind"), (Long) rs.getObject("base_cents"),
            rs.getLong("employer_cents"), rs.getLong("individual_cents"), rs.getLong("account_cents"),
            rs.getLong("late_fee_cents"), rs.getString("source"), rs.getString("reason"), rs.getString("approved_by"),
            rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant(), rs.getBoolean("generated")))
        .list();
  }
}
