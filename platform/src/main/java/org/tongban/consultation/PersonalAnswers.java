package org.tongban.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.tongban.access.Callers;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.spi.HeldRecordSource;

/**
 * Answers about the asker's own affairs, read from live data for the signed-in resident only: where their applications
 * stand (casework), how long they have paid social insurance (the record the insurance service holds), and what to do
 * about a lost social security card (the loss report one click away). Someone not signed in is asked to sign in; no
 * answer ever names another person.
 */
@Service
public class PersonalAnswers {

  /** What the question is about when it is about the asker's own affairs. */
  public enum Intent { CASE_STATUS, CONTRIBUTION_YEARS, CARD_LOST }

  public record Link(String label, String href) {}

  /** {@code signInFirst}: the question is personal but nobody is signed in; {@code lines} then empty. */
  public record Personal(Intent intent, List<String> lines, List<Link> links, boolean signInFirst) {}

  private static final Pattern CASE = Pattern.compile(
      "(申请|办件|业务|事项|手续|材料).{0,8}(到哪|进度|哪一步|怎么样了|状态|办好|批了|批下来|审核)|办到哪|到哪一步|办理进度");
  private static final Pattern YEARS = Pattern.compile(
      "(交|缴)了?(几年|多少年|多久|几个月)|缴费年限|社保.{0,4}(几年|多少年|多久)|参保.{0,4}(几年|多久)");
  private static final Pattern CARD = Pattern.compile("(社保卡|社会保障卡).{0,8}(丢|掉|找不到|被偷|被盗|挂失|不见)");
  static final String INSURANCE_RECORD = "hrss.insurance-record";
  static final String CARD_LOST_ADVICE = "社保卡丢失请立即临时挂失：挂失即时生效，5 日内到窗口办理正式挂失或补卡。"
      + " Report the card lost now: it stops at once; make it formal or replace the card within 5 days.";

  private final Callers callers;
  private final CaseQueries cases;
  private final List<HeldRecordSource> records;

  PersonalAnswers(Callers callers, CaseQueries cases, List<HeldRecordSource> records) {
    this.callers = callers;
    this.cases = cases;
    this.records = records;
  }

  static @Nullable Intent intent(String question) {
    if (CARD.matcher(question).find()) return Intent.CARD_LOST;
    if (CASE.matcher(question).find()) return Intent.CASE_STATUS;
    if (YEARS.matcher(question).find()) return Intent.CONTRIBUTION_YEARS;
    return null;
  }

  /** The personal answer to {@code question} for whoever asks, or null when the question is not about their affairs. */
  public @Nullable Personal answer(String question) {
    var intent = intent(question);
    if (intent == null) return null;
    var caller = callers.current();
    UUID person = caller.resident() ? caller.person() : null;
    if (person == null) {
      return new Personal(intent, List.of(), List.of(new Link("登录后查看本人信息 Sign in to see your own", "/login")), true);
    }
    var lines = new ArrayList<String>();
    var links = new ArrayList<Link>();
    switch (intent) {
      case CASE_STATUS -> {
        var mine = cases.myCases(0, 5).items();
        if (mine.isEmpty()) lines.add("您还没有在「通办」提交过申请。 You have no applications yet.");
        for (var c : mine) {
          lines.add(line(c));
          links.add(new Link(c.number(), "/my/cases/" + c.id()));
        }
      }
      case CONTRIBUTION_YEARS -> {
        lines.add(contributionYears(person));
        links.add(new Link("我的社保 My insurance record", "/my/insurance"));
      }
      case CARD_LOST -> {
        lines.add(CARD_LOST_ADVICE);
        links.add(new Link("立即挂失 Report it lost now", "/my/insurance#card"));
        links.add(new Link("补换社保卡 Replace the card", "/services/hrss.ss-card-replacement"));
      }
    }
    return new Personal(intent, List.copyOf(lines), List.copyOf(links), false);
  }

  /**
   * The personal answer a 12333 agent or a village agent reads to a resident whose identity they have checked: the
   * insurance record, the loss report at the staff member's own insurance desk, and the applications the staff member
   * may see (their region and department).
   */
  @Nullable Personal forCheckedCaller(String question, UUID person) {
    var intent = intent(question);
    if (intent == null) return null;
    return switch (intent) {
      case CONTRIBUTION_YEARS -> new Personal(intent, List.of(contributionYears(person)), List.of(), false);
      case CARD_LOST -> new Personal(intent, List.of(CARD_LOST_ADVICE),
          List.of(new Link("代为临时挂失 Report it lost for the resident", "/workbench/insurance")), false);
      case CASE_STATUS -> {
        var theirs = cases.ofCheckedPerson(new org.tongban.person.PersonId(person), 5);
        var lines = new ArrayList<String>();
        var links = new ArrayList<Link>();
        if (theirs.isEmpty()) {
          lines.add("在您的辖区和部门没有查到本人的申请；其他部门的申请请本人登录「通办」在「我的办件」查看。"
              + " No application of this person within your jurisdiction; others are under My applications.");
        }
        for (var c : theirs) {
          lines.add(line(c));
          links.add(new Link(c.number(), "/workbench/cases/" + c.id()));
        }
        yield new Personal(intent, List.copyOf(lines), List.copyOf(links), false);
      }
    };
  }

  private static String line(org.tongban.casework.CaseFile c) {
    return c.itemName() + "（" + c.number() + "）：" + c.status().zh() + " " + c.status().en()
        + (c.dueDate() == null ? "" : "，承诺办结日期 " + c.dueDate());
  }

  private String contributionYears(UUID person) {
    return records.stream().filter(r -> r.holds(INSURANCE_RECORD)).findFirst()
        .flatMap(r -> r.describe(INSURANCE_RECORD, person))
        .orElse("本平台还没有社会保险缴费记录。 No contribution record on this platform yet.");
  }
}
