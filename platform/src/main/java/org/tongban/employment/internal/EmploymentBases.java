package org.tongban.employment.internal;

import static org.tongban.facility.spi.FacilityType.Attribute.choice;
import static org.tongban.facility.spi.FacilityType.Attribute.count;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tongban.facility.spi.FacilityFact;
import org.tongban.facility.spi.FacilityType;
import org.tongban.facility.spi.FacilityTypeSource;

/**
 * The employment bases the Luzhou plan names, as facility types of the labour bureau: 高技能人才培训基地, 技能大师工作室,
 * 公共实训基地, 就业见习基地, 创业孵化基地; and what its targets count ("建设国家级、省级高技能人才培训基地和技能大师工作室4-5个",
 * "公共实训基地2-3个").
 */
@Component
class EmploymentBases implements FacilityTypeSource {

  /** Bases recognised at national or provincial level count for the plan's 国家级、省级 target. */
  static final Set<String> HIGH_LEVELS = Set.of("国家级", "省级");

  @Override
  public List<FacilityType> facilityTypes() {
    return List.of(
        FacilityType.of("employment.skill-training-base", "高技能人才培训基地", "High-skill training base", "hrss",
            choice("level", "认定级别", "Recognised at", "国家级", "省级", "市级"),
            count("traineesPerYear", "年培训能力（人次）", "Trainees per year").optional()),
        FacilityType.of("employment.master-studio", "技能大师工作室", "Master craftsman studio", "hrss",
            choice("level", "认定级别", "Recognised at", "国家级", "省级", "市级"),
            count("apprentices", "带徒人数", "Apprentices").optional()),
        FacilityType.of("employment.public-training-base", "公共实训基地", "Public training base", "hrss",
            count("stations", "实训工位", "Training stations").optional()),
        FacilityType.of("employment.internship-base", "就业见习基地", "Employment internship base", "hrss",
            count("posts", "见习岗位", "Internship posts").optional()),
        FacilityType.of("employment.incubator", "创业孵化基地", "Business incubator", "hrss",
            count("tenants", "入驻实体", "Businesses incubated").optional()));
  }

  @Override
  public List<FacilityFact> facilityFacts() {
    return List.of(
        new FacilityFact("employment.high-level-training-base", "国家级、省级高技能人才培训基地",
            "employment.skill-training-base", f -> HIGH_LEVELS.contains(f.attributes().get("level")) ? 1 : 0),
        new FacilityFact("employment.high-level-master-studio", "国家级、省级技能大师工作室", "employment.master-studio",
            f -> HIGH_LEVELS.contains(f.attributes().get("level")) ? 1 : 0));
  }
}
