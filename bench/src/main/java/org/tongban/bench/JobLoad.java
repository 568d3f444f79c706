package org.tongban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tongban.employment.JobBoard;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;

/**
 * Prepares the job-board benchmark (bench/jobs.sh) against the PostgreSQL server in {@code SPRING_DATASOURCE_URL}:
 * {@code prepare <vacancies> <seekers> <users> <password> <dir>} loads generated open vacancies and job seekers
 * (marked generated, names with （生成）) spread over every village of both provinces, resident accounts with a seeker
 * record each for the signed-in users, the searches the virtual users type, and one pgbench script per search with
 * the plain SQL of that search (the anchor).
 */
public final class JobLoad {

  private JobLoad() {}

  /** Work as vacancies name it: title, occupation, requirements, pay from (yuan), major group. */
  record Work(String title, String occupation, String requirements, int pay, int group) {}

  static final List<Work> WORK = List.of(
      new Work("叉车司机", "叉车司机", "持叉车证，一年以上经验", 5000, 6),
      new Work("仓库管理员", "仓库管理员", "会用电脑记账", 4200, 4),
      new Work("快递员", "快递员", "会骑电动车，熟悉本区道路", 5000, 4),
      new Work("家政服务员", "家政服务员", "做事细心", 4500, 4),
      new Work("母婴护理员", "母婴护理员", "有育婴员证优先", 6000, 4),
      new Work("中式烹调师", "厨师", "有厨师证优先", 4500, 4),
      new Work("餐厅服务员", "服务员", "能倒班", 3500, 4),
      new Work("保安员", "保安员", "持保安员证优先", 3800, 4),
      new Work("保洁员", "保洁员", "", 3300, 4),
      new Work("电工", "电工", "持电工证", 5500, 6),
      new Work("焊工", "焊工", "持焊工证", 6000, 6),
      new Work("养老护理员", "养老护理员", "有养老护理员证优先", 4500, 4),
      new Work("汽车维修工", "汽车维修工", "两年以上维修经验", 5000, 4));

  /** What the virtual users type: everyday words, occupations, a skill, a rare word. */
  static final List<String> WORDS = List.of("开叉车", "月嫂", "保安", "焊工", "电工", "做饭", "送快递", "护工", "保洁",
      "汽车维修", "收银", "会计", "仓库 记账", "叉车 5000");

  public static void main(String[] args) throws Exception {
    if (!args[0].equals("prepare")) throw new IllegalArgumentException(args[0]);
    prepare(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], Path.of(args[5]));
  }

  static void prepare(int vacancies, int seekers, int users, String password, Path dir) throws Exception {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      var jdbc = context.getBean(JdbcClient.class);
      jdbc.sql("create temporary table village as select row_number() over (order by code) n, code from region.region"
          + " where level = 5 and valid_to is null").update();
      long villages = jdbc.sql("select count(*) from village").query(Long.class).single();
      String titles = array(WORK.stream().map(Work::title).toList());
      String occupations = array(WORK.stream().map(Work::occupation).toList());
      String requirements = array(WORK.stream().map(Work::requirements).toList());
      String pays = WORK.stream().map(w -> String.valueOf(w.pay() * 100)).collect(Collectors.joining(",", "array[", "]"));
      String groups = WORK.stream().map(w -> String.valueOf(w.group())).collect(Collectors.joining(",", "array[", "]"));
      long have = jdbc.sql("select count(*) from employment.vacancy").query(Long.class).single();
      long t0 = System.nanoTime();
      for (long from = have; from < vacancies; from += 100_000) {
        long to = Math.min(vacancies, from + 100_000) - 1;
        // Work i mod 13, a village spread by a prime stride, created over the last 180 days, open for 10–59 more.
        jdbc.sql("insert into employment.vacancy (id, unit_id, unit_code, unit_name, title, occupation, openings,"
            + " pay_min_cents, pay_max_cents, region_code, requirements, closing_date, status, wage_checked, posted_by,"
            + " generated, created_at, occupation_group)"
            + " select gen_random_uuid(), gen_random_uuid(), '91210102MA0BENCH' || lpad((i % 100)::text, 2, '0'),"
            + " '压测单位' || (i % 20000) || '有限公司（生成）', (" + titles + ")[1 + i % 13] || '（生成）',"
            + " (" + occupations + ")[1 + i % 13], 1 + i % 5, (" + pays + ")[1 + i % 13],"
            + " (" + pays + ")[1 + i % 13] + 150000, v.code, (" + requirements + ")[1 + i % 13],"
            + " current_date + 10 + (i % 50)::int, 'OPEN', false, 'bench', true,"
            + " now() - make_interval(secs => (i * 15.552)::double precision), (" + groups + ")[1 + i % 13]"
            + " from generate_series(" + from + ", " + to + ") i join village v on v.n = 1 + (i::bigint * 7919) % " + villages)
            .update();
      }
      System.out.printf("RESULT loaded %d vacancies in %.0f s%n", vacancies - have, (System.nanoTime() - t0) / 1e9);
      have = jdbc.sql("select count(*) from employment.seeker").query(Long.class).single();
      t0 = System.nanoTime();
      for (long from = have; from < seekers; from += 250_000) {
        long to = Math.min(seekers, from + 250_000) - 1;
        jdbc.sql("insert into employment.seeker (person_id, name, education, skills, occupation, region_code, pay_cents,"
            + " available_from, findable, generated, occupation_group, registered_at, updated_at)"
            + " select gen_random_uuid(), '求职者' || i || '（生成）', (array['JUNIOR','SENIOR','COLLEGE','BACHELOR'])[1 + i % 4],"
            + " array[(" + requirements + ")[1 + i % 13]], (" + occupations + ")[1 + (i / 7) % 13], v.code,"
            + " (" + pays + ")[1 + (i / 7) % 13], current_date + (i % 30)::int, i % 2 = 0, true, (" + groups + ")[1 + (i / 7) % 13],"
            + " now() - make_interval(secs => (i % 15552000)::double precision),"
            + " now() - make_interval(secs => (i % 15552000)::double precision)"
            + " from generate_series(" + from + ", " + to + ") i join village v on v.n = 1 + (i::bigint * 104729) % " + villages)
            .update();
      }
      System.out.printf("RESULT loaded %d seekers in %.0f s%n", Math.max(0, seekers - have), (System.nanoTime() - t0) / 1e9);
      jdbc.sql("analyze employment.vacancy").update();
      jdbc.sql("analyze employment.seeker").update();
      // Signed-in seekers: residents of 和平区 with an account and a record (forklift work, so they match).
      var secrets = context.getBean(ResidentSecrets.class);
      var residents = context.getBean(org.tongban.person.Residents.class);
      String hash = context.getBean(PasswordEncoder.class).encode(password);
      String village = jdbc.sql("select code from region.region where code like '210102%' and level = 5 order by code limit 1")
          .query(String.class).single();
      var accounts = new ArrayList<String>(List.of("user"));
      for (int i = 0; i < users; i++) {
        String phone = String.format("1392%07d", i);
        if (!secrets.hasAccount(new PhoneNumber(phone))) {
          var id = IdNumber.complete("210102" + String.format("1985%02d%02d", 1 + i % 12, 1 + i % 28)
              + String.format("%03d", i % 1000));
          int k = i;
          var person = residents.lookup(id).orElseGet(() -> {
            FacilityLoad.signInAsEverywhereClerk();
            return residents.register(new org.tongban.person.NewResident("求职压测居民" + k + "（生成）", id.value(), null,
                village, village));
          });
          jdbc.sql("update person.person set generated = true where id = ?").param(person.id().value()).update();
          secrets.openAccount(new PhoneNumber(phone), person.name(), id, person.id().value(), hash, null);
          jdbc.sql("insert into employment.seeker (person_id, name, education, skills, occupation, region_code, pay_cents,"
                  + " available_from, findable, generated, occupation_group) values (?, ?, 'SENIOR', array['叉车证'],"
                  + " '开叉车', ?, 500000, current_date, true, true, 6) on conflict (person_id) do nothing")
              .params(person.id().value(), person.name(), village).update();
        }
        accounts.add(phone);
      }
      Files.write(dir.resolve("users.csv"), accounts);
      // The searches: each word alone, in a city (沈阳), in a county (和平区), and with a pay floor.
      var board = context.getBean(JobBoard.class);
      var queries = new ArrayList<String>(List.of("q,region,minPay"));
      int script = 0;
      for (String w : WORDS) {
        for (String[] where : List.of(new String[] {"", ""}, new String[] {"210100000000", ""},
            new String[] {"210102000000", ""}, new String[] {"", "6000"})) {
          queries.add(w + "," + where[0] + "," + where[1]);
          Files.writeString(dir.resolve("anchor-search-" + script++ + ".sql"), anchor(board, w, where[0], where[1]));
        }
      }
      Files.write(dir.resolve("queries.csv"), queries);
      // Recommendations' plain SQL: the newest 500 open vacancies of the seeker's province.
      Files.writeString(dir.resolve("anchor-recommend.sql"), "select id, title, occupation, requirements, region_code,"
          + " pay_max_cents, closing_date from employment.vacancy where status = 'OPEN' and closing_date >= current_date"
          + " and region_code like '21%' order by created_at desc limit 500;\n");
      long open = jdbc.sql("select count(*) from employment.vacancy where status = 'OPEN'").query(Long.class).single();
      long all = jdbc.sql("select count(*) from employment.seeker").query(Long.class).single();
      System.out.printf("RESULT prepared: %d open vacancies, %d seekers, %d signed-in seekers, %d searches%n", open, all,
          users, queries.size() - 1);
    }
  }

  /**
   * The plain SQL of one search, written by hand for the same result and the same plan as the board's (a pgbench
   * script): the newest 2,000 open vacancies of the area walked in order and filtered (the everyday word's meanings as
   * LIKE), up to 101 rows; when that does not fill the first page, the index's bitmap (character pairs, region and pay
   * tokens) finds the page; a capped count when the window found fewer than 101.
   */
  static String anchor(JobBoard board, String q, String region, String minPay) {
    var where = new StringBuilder("status = 'OPEN' and closing_date >= current_date");
    var tokens = new ArrayList<String>();
    String prefix = region.replaceAll("0+$", "");
    if (prefix.length() % 2 == 1 && prefix.length() < 9) prefix += "0";
    String area = "";
    if (!region.isEmpty()) {
      where.append(" and region_code like '").append(prefix).append("%'");
      tokens.add("''r:" + prefix + "''");
      int digits = prefix.length() <= 2 ? 2 : prefix.length() <= 4 ? 4 : 6;
      area = " and left(region_code, " + digits + ") = '" + region.substring(0, digits) + "'";
    }
    if (!minPay.isEmpty()) {
      where.append(" and pay_max_cents >= ").append(Integer.parseInt(minPay) * 100);
      int thousands = Math.min(Integer.parseInt(minPay) / 1000, 50);
      if (thousands > 0) tokens.add("''p:" + thousands + "''");
    }
    for (String word : q.split("\\s+")) {
      var likes = new ArrayList<String>();
      var pairs = new ArrayList<String>();
      for (String m : board.meanings(word)) {
        String like = "'%" + m.replace("'", "''") + "%'";
        likes.add("(title like " + like + " or occupation like " + like + " or unit_name like " + like
            + " or requirements like " + like + ")");
        pairs.add(bigrams(m));
      }
      where.append(" and (").append(String.join(" or ", likes)).append(")");
      if (pairs.stream().noneMatch(String::isEmpty)) tokens.add("(" + String.join(" | ", pairs) + ")");
    }
    String columns = "id, unit_id, unit_code, unit_name, title, occupation, openings, pay_min_cents, pay_max_cents,"
        + " region_code, address, requirements, closing_date, status, wage_checked, suspended_reason, generated, version,"
        + " occupation_group, public_welfare";
    String indexed = where + (tokens.isEmpty() ? "" : " and search @@ '" + String.join(" & ", tokens) + "'::tsquery");
    return "set enable_bitmapscan = off;\n"
        + "select count(*) as recent from (select " + columns + " from (select " + columns + ", created_at"
        + " from employment.vacancy where status = 'OPEN'" + area + " order by created_at desc, id limit 2000) v where "
        + where + " order by created_at desc, id limit 101) m \\gset\n"
        + "set enable_bitmapscan = on;\n"
        + "set enable_indexscan = off;\n"
        + "set enable_seqscan = off;\n"
        + "\\if :recent <= 20\n"
        + "select " + columns + " from employment.vacancy where " + indexed + " order by created_at desc, id limit 20;\n"
        + "\\elif :recent < 101\n"
        + "select count(*) from (select 1 from employment.vacancy where " + indexed + " limit 101) m;\n"
        + "\\endif\n"
        + "set enable_indexscan = on;\n"
        + "set enable_seqscan = on;\n";
  }

  static String bigrams(String word) {
    String w = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    var pairs = new LinkedHashSet<String>();
    for (int i = 0; i + 2 <= w.length(); i++) pairs.add(w.substring(i, i + 2));
    return pairs.stream().map(p -> p.replace("'", "''")).collect(Collectors.joining(" & "));
  }

  private static String array(List<String> values) {
    return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(",", "array[", "]"));
  }
}
