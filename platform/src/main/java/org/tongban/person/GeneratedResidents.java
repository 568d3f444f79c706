package org.tongban.person;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.person.internal.PersonCrypto;
import org.tongban.region.AgeBand;
import org.tongban.region.Population;
import org.tongban.region.Region;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * Generates residents for demos and benchmarks, marked {@code generated}. Each county gets a share of
 * {@code count} proportional to its 2020 census population; ages and sexes follow the county's census
 * five-year bands; every ID number is valid (address code = the county, real birth date, parity = sex,
 * check character) and unique. The same seed gives the same people.
 */
@Service
public class GeneratedResidents {

  private static final Logger log = LoggerFactory.getLogger(GeneratedResidents.class);
  private static final LocalDate CENSUS_DAY = LocalDate.of(2020, 11, 1);
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志宏海波斌宇浩凯文博思雨欣怡子涵梓轩晨阳佳琪俊熙雅婷丹瑞嘉";

  private final RegionDirectory regions;
  private final PersonCrypto crypto;
  private final DataSource dataSource;
  private final AuditTrail audit;

  GeneratedResidents(RegionDirectory regions, PersonCrypto crypto, DataSource dataSource, AuditTrail audit) {
    this.regions = regions;
    this.crypto = crypto;
    this.dataSource = dataSource;
    this.audit = audit;
  }

  /** One generated person, before encryption. */
  public record GeneratedPerson(UUID id, String name, IdNumber idNumber, String phone, RegionCode household,
                                RegionCode residence) {}

  /** A county's share of the people to generate, with what the generator needs to know about it. */
  record CountyPlan(RegionCode county, int share, List<RegionCode> villages, List<AgeBand> bands) {}

  /**
   * Generates {@code count} residents over every county with census figures and writes them in one
   * transaction; returns how many were written.
   */
  @Transactional
  public long generate(int count, long seed) {
    long started = System.nanoTime();
    // Read everything first: the connection is busy while COPY streams.
    List<CountyPlan> plans = plan(count);
    var hex = HexFormat.of();
    var line = new StringBuilder(512);
    long[] written = {0};
    var connection = DataSourceUtils.getConnection(dataSource);
    try {
      var copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
          copy person.person (id, name, id_number_cipher, id_number_index, id_number_masked, birth_date, sex,
            phone_cipher, phone_masked, household_region, residence_region, generated) from stdin""");
      try {
        people(plans, seed, p -> {
          var id = p.idNumber();
          line.setLength(0);
          line.append(p.id()).append('\t').append(p.name()).append('\t')
              .append("\\\\x").append(hex.formatHex(crypto.encrypt("id_number", id.value()))).append('\t')
              .append("\\\\x").append(hex.formatHex(crypto.index(id.value()))).append('\t')
              .append(id.masked()).append('\t').append(id.birthDate()).append('\t')
              .append(id.sex() == IdNumber.Sex.MALE ? 'M' : 'F').append('\t')
              .append("\\\\x").append(hex.formatHex(crypto.encrypt("phone", p.phone()))).append('\t')
              .append(p.phone(), 0, 3).append("****").append(p.phone(), 7, 11).append('\t')
              .append(p.household().value()).append('\t').append(p.residence().value()).append("\tt\n");
          byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
          try {
            copy.writeToCopy(bytes, 0, bytes.length);
          } catch (SQLException e) {
            throw new IllegalStateException("Writing generated residents failed", e);
          }
          written[0]++;
        });
        copy.endCopy();
      } finally {
        if (copy.isActive()) copy.cancelCopy();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Generating residents failed", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    audit.record("person.generated", "person", null, null, Map.of("count", String.valueOf(written[0]),
        "seed", String.valueOf(seed)));
    log.info("Generated {} residents (marked generated) in {} ms", written[0], (System.nanoTime() - started) / 1_000_000);
    return written[0];
  }

  /**
   * Gives generated people under 60 a generated parent from their county, 20–40 years older, recorded both ways in the
   * household registry, and moves the child's household and residence to the parent's village (a family shares a
   * household) and gives the child the parent's surname. For the demo's few thousand people; returns how many children were linked. Does nothing once done.
   */
  @Transactional
  public int linkFamilies() {
    var jdbc = JdbcClient.create(dataSource);
    if (jdbc.sql("select exists(select 1 from person.relative where generated)").query(Boolean.class).single()) return 0;
    int children = jdbc.sql("""
            insert into person.relative (person_id, relative_id, relation, generated, recorded_by)
            select p.id, c.id, 'CHILD', true, 'generated' from person.person c
            cross join lateral (
              select q.id from person.person q
              where q.generated and q.household_region like substr(c.household_region, 1, 6) || '%'
                and q.birth_date between c.birth_date - interval '40 years' and c.birth_date - interval '20 years'
              order by md5(q.id::text || c.id::text) limit 1) p
            where c.generated and c.birth_date > current_date - interval '60 years'
            on conflict do nothing""").update();
    jdbc.sql("""
        insert into person.relative (person_id, relative_id, relation, generated, recorded_by)
        select relative_id, person_id, 'PARENT', true, 'generated' from person.relative
        where generated and relation = 'CHILD' on conflict do nothing""").update();
    // Oldest first, so that a grandchild follows a parent who has already moved to the grandparent's village.
    for (int generation = 0; generation < 4; generation++) {
      int moved = jdbc.sql("""
          update person.person c set household_region = p.household_region, residence_region = p.residence_region,
            name = left(p.name, 1) || substr(c.name, 2), updated_at = now()
          from person.relative r join person.person p on p.id = r.person_id
          where r.relative_id = c.id and r.relation = 'CHILD' and r.generated
            and (c.household_region <> p.household_region or c.residence_region <> p.residence_region
              or left(c.name, 1) <> left(p.name, 1))""").update();
      if (moved == 0) break;
    }
    audit.record("person.families-generated", "person", null, null, Map.of("children", String.valueOf(children)));
    log.info("Linked {} generated residents to a generated parent (household registry, marked generated)", children);
    return children;
  }

  /** The same people {@link #generate} would write, without writing them: same seed, same people. */
  public List<GeneratedPerson> preview(int count, long seed) {
    var list = new ArrayList<GeneratedPerson>(count);
    people(plan(count), seed, list::add);
    return list;
  }

  List<CountyPlan> plan(int count) {
    List<Population> counties = new ArrayList<>();
    for (Region province : regions.provinces()) counties.addAll(regions.countyPopulations(province.code(), 2020));
    long total = counties.stream().mapToLong(Population::total).sum();
    var plans = new ArrayList<CountyPlan>();
    int assigned = 0;
    for (int c = 0; c < counties.size() && count > 0; c++) {
      var county = counties.get(c);
      int share = c == counties.size() - 1 ? count - assigned
          : (int) Math.min(count - assigned, Math.round((double) count * county.total() / total));
      assigned += share;
      List<RegionCode> villages = regions.descendants(county.region()).stream()
          .filter(r -> r.level() == RegionLevel.VILLAGE).toList();
      List<AgeBand> bands = regions.ageBands(county.region(), 2020);
      if (share > 0 && !villages.isEmpty() && !bands.isEmpty()) {
        plans.add(new CountyPlan(county.region(), share, villages, bands));
      }
    }
    return plans;
  }

  private static void people(List<CountyPlan> plans, long seed, Consumer<GeneratedPerson> sink) {
    var random = new SplittableRandom(seed);
    for (CountyPlan plan : plans) {
      List<AgeBand> bands = plan.bands();
      long[] cumulative = new long[bands.size()];
      long sum = 0;
      for (int i = 0; i < bands.size(); i++) cumulative[i] = sum += bands.get(i).people();
      var used = new HashSet<String>();
      List<RegionCode> villages = plan.villages();
      for (int n = 0; n < plan.share(); n++) {
        long pick = random.nextLong(sum);
        int b = 0;
        while (cumulative[b] <= pick) b++;
        AgeBand band = bands.get(b);
        int top = band.toAge() == null ? 99 : band.toAge();
        int age = band.fromAge() + random.nextInt(top - band.fromAge() + 1);
        LocalDate birth = CENSUS_DAY.minusYears(age).minusDays(random.nextInt(365));
        boolean male = band.sex() == 'M';
        IdNumber id;
        do {
          int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
          id = IdNumber.complete(plan.county().countyCode() + birth.toString().replace("-", "")
              + String.format("%03d", sequence));
        } while (!used.add(id.value()));
        String name = name(random);
        String phone = "1" + "35789".charAt(random.nextInt(5)) + String.format("%09d", random.nextInt(1_000_000_000));
        RegionCode household = villages.get(random.nextInt(villages.size()));
        RegionCode residence = random.nextInt(10) == 0 ? villages.get(random.nextInt(villages.size())) : household;
        sink.accept(new GeneratedPerson(new UUID(random.nextLong(), random.nextLong()), name, id, phone, household,
            residence));
      }
    }
  }

  private static String name(SplittableRandom random) {
    var sb = new StringBuilder();
    // Skew towards the most common surnames, as real name frequencies are.
    int s = (int) (Math.pow(random.nextDouble(), 2.2) * SURNAMES.length());
    sb.append(SURNAMES.charAt(Math.min(s, SURNAMES.length() - 1)));
    int given = random.nextInt(10) < 7 ? 2 : 1;
    for (int i = 0; i < given; i++) sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
    return sb.toString();
  }
}
