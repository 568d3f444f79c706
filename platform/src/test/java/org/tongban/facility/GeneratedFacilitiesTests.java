package org.tongban.facility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.region.RegionBoundaries;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.RegionCode;

/** Generated facilities are labelled, sized from the census, placed inside their county and repeatable. */
@SpringBootTest
@Tag("persistence")
class GeneratedFacilitiesTests {

  @Autowired GeneratedFacilities generated;
  @Autowired RegionBoundaries boundaries;
  @Autowired RegionDirectory regions;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;

  record Sample(long count, String digest, long unlabelled, long seats, long outside, long stationsOffVillages,
                long stationsInVillages, java.util.Map<Integer, Long> openedByYear, long seats2021, long seats2025) {}

  private Sample generateAndRollBack(long seed) {
    return tx.execute(status -> {
      status.setRollbackOnly();
      long count = generated.generate(0.05, seed);
      String digest = jdbc.sql("select md5(string_agg(id::text || name || region_code || coalesce(lon::text, '')"
          + " || attributes::text, ',' order by id)) from facility.facility where generated").query(String.class).single();
      long unlabelled = jdbc.sql("select count(*) from facility.facility where generated and name not like '%（生成）'")
          .query(Long.class).single();
      long seats = jdbc.sql("select coalesce(sum(capacity), 0) from facility.facility where generated and type = ?"
          + " and region_code like '21%'").param("childcare.kindergarten").query(Long.class).single();
      long outside = 0;
      if (boundaries.available()) {
        var located = jdbc.sql("select region_code, lon, lat from facility.facility where generated and lon is not null")
            .query((rs, i) -> new Object[] {rs.getString(1), rs.getDouble(2), rs.getDouble(3)}).list();
        for (Object[] row : located) {
          var outline = boundaries.of(RegionCode.of((String) row[0])).orElseThrow();
          if (!outline.contains(new GeoPoint((double) row[1], (double) row[2]))) outside++;
        }
      }
      // 社区养老服务站 belong to a community or village (the coverage targets count those units).
      long off = jdbc.sql("select count(*) from facility.facility where generated and type = 'eldercare.community-centre'"
          + " and right(region_code, 3) = '000'").query(Long.class).single();
      long in = jdbc.sql("select count(*) from facility.facility where generated and type = 'eldercare.community-centre'"
          + " and right(region_code, 3) <> '000'").query(Long.class).single();
      var byYear = new java.util.TreeMap<Integer, Long>();
      jdbc.sql("select extract(year from opened_on)::int, count(*) from facility.facility where generated group by 1")
          .query((rs, i) -> byYear.put(rs.getInt(1), rs.getLong(2))).list();
      String seatsBy = "select coalesce(sum(capacity), 0) from facility.facility where generated and type = 'childcare.kindergarten'"
          + " and opened_on <= ?";
      long seats2021 = jdbc.sql(seatsBy).param(java.time.LocalDate.of(2021, 12, 31)).query(Long.class).single();
      long seats2025 = jdbc.sql(seatsBy).param(java.time.LocalDate.of(2025, 12, 31)).query(Long.class).single();
      return new Sample(count, digest, unlabelled, seats, outside, off, in, byYear, seats2021, seats2025);
    });
  }

  @Test
  void theSameSeedGivesTheSameLabelledFacilitiesSizedFromTheCensus() {
    var first = generateAndRollBack(7);
    var again = generateAndRollBack(7);
    var other = generateAndRollBack(8);
    assertThat(first.count()).isGreaterThan(1000);
    assertThat(again.digest()).isEqualTo(first.digest());
    assertThat(other.digest()).isNotEqualTo(first.digest());
    assertThat(first.unlabelled()).isZero();
    // Seats for about 1.1 × the children aged 3–5 (0.6 × the 0–4 band) of Liaoning, whatever the scale.
    long preschool = Math.round(regions.countyPopulations(RegionCode.of("21"), 2020).stream()
        .mapToLong(p -> p.age0to4()).sum() * 0.6);
    assertThat((double) first.seats() / preschool).isBetween(0.9, 1.3);
    assertThat(first.outside()).isZero();
    assertThat(first.stationsOffVillages()).isZero();
    assertThat(first.stationsInVillages()).isPositive();
    // History that follows opening dates (#12.9): facilities open in every year of the plan period, none after the
    // data's date, so the stock grows from 2021 to 2025 instead of standing still.
    for (int year = 2021; year <= 2026; year++) assertThat(first.openedByYear()).containsKey(year);
    assertThat(first.openedByYear().keySet()).allSatisfy(y -> assertThat(y).isLessThanOrEqualTo(2026));
    long before = first.openedByYear().entrySet().stream().filter(e -> e.getKey() <= 2020).mapToLong(e -> e.getValue()).sum();
    assertThat((double) before / first.count()).isBetween(0.5, 0.8);
    assertThat(first.seats2025()).isGreaterThan(first.seats2021() * 11 / 10);
  }

  @Test
  void facilitiesArePlacedInsideTheirCountyWhenTheBoundaryFilesAreThere() {
    Assumptions.assumeTrue(boundaries.available(), "boundary files not in the data directory");
    var sample = generateAndRollBack(11);
    assertThat(sample.outside()).isZero();
    var heping = boundaries.of(RegionCode.of("210102")).orElseThrow();
    // 和平区's centroid from the file (GCJ-02 123.389006, 41.746003) lies inside its converted outline.
    assertThat(heping.contains(GeoPoint.fromGcj02(123.389006, 41.746003))).isTrue();
    assertThat(heping.contains(GeoPoint.fromGcj02(121.6, 38.9))).isFalse();
  }
}
