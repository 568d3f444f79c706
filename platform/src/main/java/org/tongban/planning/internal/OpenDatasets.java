package org.tongban.planning.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongban.exchange.spi.OpenDataset;
import org.tongban.exchange.spi.OpenDataset.Column;
import org.tongban.planning.PlanMonitor;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.Refusal;

/**
 * The plan's open datasets: the indicators of both seed plans per region and period (live), and the 2020 census by the
 * regions one level down (official statistics, with their source).
 */
@Configuration(proxyBeanMethods = false)
class OpenDatasets {

  static final String LICENCE = "开放数据署名许可（使用时注明来源「通办」及原始来源）/ Attribution: cite Tongban and the original source";

  @Bean
  OpenDataset planIndicators(PlanMonitor monitor, RegionDirectory regions) {
    var descriptor = new OpenDataset.Descriptor("plan-indicators", "“十四五”公共服务规划指标", "Plan indicators",
        "发展改革部门（规划监测）", LICENCE, "实时计算，按月、季、年 (live; by month, quarter or year)", List.of(
            new Column("target", "指标编号", "Target", false), new Column("name", "指标", "Indicator", false),
            new Column("region", "区划代码", "Region", false), new Column("period", "期间", "Period", false),
            new Column("value", "数值", "Value", false), new Column("numerator", "分子", "Numerator", true),
            new Column("denominator", "分母", "Denominator", true), new Column("unit", "单位", "Unit", false),
            new Column("target_value", "目标值", "Target value", false),
            new Column("includes_generated_data", "含生成（演示）数据", "Includes generated data", false)),
        List.of("region", "period"));
    return new OpenDataset() {
      @Override
      public Descriptor descriptor() {
        return descriptor;
      }

      @Override
      public Instant updatedAt() {
        return Instant.now();
      }

      @Override
      public List<Map<String, Object>> rows(Map<String, String> p) {
        var region = regions.get(p.get("region")).code();
        var period = period(p.get("period"));
        var rows = new ArrayList<Map<String, Object>>();
        for (var v : monitor.published(region, period)) {
          var row = new LinkedHashMap<String, Object>();
          row.put("target", v.target());
          row.put("name", v.nameZh());
          row.put("region", v.region());
          row.put("period", v.period());
          row.put("value", v.value());
          row.put("numerator", v.numerator());
          row.put("denominator", v.denominator());
          row.put("unit", v.unit());
          row.put("target_value", v.targetValue());
          row.put("includes_generated_data", v.includesGeneratedData());
          row.put("suppressed", v.suppressed());
          rows.add(row);
        }
        return rows;
      }
    };
  }

  @Bean
  OpenDataset censusPopulation(RegionDirectory regions) {
    var descriptor = new OpenDataset.Descriptor("census-population", "第七次全国人口普查人口（按下级区划）",
        "2020 census population by the regions below", "统计部门（国家统计局公布数据）", LICENCE,
        "每十年一次普查 (each census, every ten years)", List.of(
            new Column("region", "区划代码", "Region", false), new Column("name", "名称", "Name", false),
            new Column("total", "常住人口", "Resident population", true), new Column("male", "男", "Male", true),
            new Column("female", "女", "Female", true), new Column("age_0_4", "0—4岁", "Aged 0-4", true),
            new Column("age_60_plus", "60岁及以上", "Aged 60+", true), new Column("age_65_plus", "65岁及以上", "Aged 65+", true),
            new Column("source", "来源", "Source", false)),
        List.of("region"));
    return new OpenDataset() {
      @Override
      public Descriptor descriptor() {
        return descriptor;
      }

      @Override
      public Instant updatedAt() {
        return LocalDate.of(2021, 5, 11).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
      }

      @Override
      public List<Map<String, Object>> rows(Map<String, String> p) {
        var parent = regions.get(p.get("region")).code();
        var rows = new ArrayList<Map<String, Object>>();
        for (var child : regions.children(parent, 0, 200).items()) {
          regions.population(child.code(), 2020).ifPresent(pop -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("region", child.code().value());
            row.put("name", child.name());
            row.put("total", pop.total());
            row.put("male", pop.male());
            row.put("female", pop.female());
            row.put("age_0_4", pop.age0to4());
            row.put("age_60_plus", pop.age60plus());
            row.put("age_65_plus", pop.age65plus());
            row.put("source", pop.source());
            rows.add(row);
          });
        }
        return rows;
      }
    };
  }

  static org.tongban.indicator.Period period(String text) {
    try {
      var p = org.tongban.indicator.Period.parse(text);
      if (p.last().getYear() < 2000 || p.first().isAfter(YearMonth.now(ZoneId.of("Asia/Shanghai")))) {
        throw new BadPeriod(text);
      }
      return p;
    } catch (java.time.DateTimeException | IllegalArgumentException e) {
      throw new BadPeriod(text);
    }
  }

  static final class BadPeriod extends Refusal {
    BadPeriod(String text) {
      super("planning.bad-period", 400, text.length() > 20 ? text.substring(0, 20) : text);
    }
  }
}
