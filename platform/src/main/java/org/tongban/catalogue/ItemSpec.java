package org.tongban.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.Relation;
import org.tongban.shared.RegionLevel;
import tools.jackson.databind.JsonNode;

/**
 * A service item as the national 政务服务事项实施清单 describes it. One published version of it is an
 * {@link ItemVersion}; cases keep the version they were filed under.
 *
 * @param code         stable platform code, beginning with the owning department ({@code hrss.unemployment-benefit})
 * @param basicCode    基本编码 (national basic code of the item)
 * @param implementationCode 实施编码 (basic code plus the implementing level)
 * @param level        行使层级: the level whose office decides
 * @param department   实施主体's department code; the office is found by routing at {@code level}
 * @param offeredIn    region prefixes where the item is offered; empty: everywhere the platform runs
 * @param forRelatives the relatives a resident may apply for besides themselves (a child's 托位, a parent's care bed);
 *                     empty: only for oneself. Absent in older versions, read as empty
 * @param form         JSON Schema (2020-12) of the application form; {@code x-prefill} names held data
 */
public record ItemSpec(
    String code, String name, String nameEn, String basicCode, String implementationCode, ItemType type,
    RegionLevel level, String department, List<LegalBasis> basis, String conditions,
    TimeLimit statutoryLimit, TimeLimit promisedLimit, CaseKind caseKind, List<String> audience,
    List<String> channels, int trips, @Nullable String tripReason, boolean fee, @Nullable String feeBasis,
    List<Step> steps, String place, String hours, String consultation, String complaint, OnlineDepth depth,
    Reach reach, List<Material> materials, ResultSpec result, Workflow workflow, List<String> synonyms,
    List<String> offeredIn, JsonNode form, List<Relation> forRelatives) {

  public ItemSpec {
    //noinspection ConstantValue: absent from versions published before it existed
    forRelatives = forRelatives == null ? List.of() : List.copyOf(forRelatives);
    basis = List.copyOf(basis);
    audience = List.copyOf(audience);
    channels = List.copyOf(channels);
    steps = List.copyOf(steps);
    materials = List.copyOf(materials);
    synonyms = List.copyOf(synonyms);
    offeredIn = List.copyOf(offeredIn);
  }

  /** 事项类型. */
  public enum ItemType { 行政许可, 行政给付, 行政确认, 公共服务, 其他行政权力 }

  /** 办件类型: 即办件 are decided at the window; 承诺件 within the promised limit. */
  public enum CaseKind { 即办件, 承诺件 }

  /** 网上办理深度: Ⅰ information online … Ⅳ fully online, no visit. */
  public enum OnlineDepth { Ⅰ, Ⅱ, Ⅲ, Ⅳ }

  /** 通办范围. */
  public enum Reach { 全省, 跨省 }

  /** Which BPMN template runs the case. */
  public enum Workflow {
    /** 即办件: received and decided in one step. */
    IMMEDIATE,
    /** 承诺件: accept, review, decide. */
    PROMISED,
    /** 多级审批: township reviews first, then the county decides. */
    MULTI_LEVEL,
    /** 多地联办: received at one place, decided at another, both offices take part. */
    JOINT,
    /** 会签: every named reviewer must agree. */
    COUNTERSIGN,
    /** 或签: one of the named reviewers decides. */
    ANY_SIGN
  }

  /** 设定依据: a law and the article that sets the item. */
  public record LegalBasis(String law, String article) {}

  /** A time limit in working or natural days; 0 working days means 即办. */
  public record TimeLimit(int amount, DayUnit unit) {
    public boolean immediate() {
      return amount == 0;
    }
  }

  public enum DayUnit { WORKING_DAYS, NATURAL_DAYS }

  /** 办理流程 step. */
  public record Step(StepKind kind, String name) {}

  public enum StepKind { APPLY, ACCEPT, REVIEW, DECIDE, PAY, DELIVER }

  /**
   * 申报材料.
   *
   * @param heldAs for {@link MaterialSource#GOVERNMENT} and {@link MaterialSource#E_CERTIFICATE}: what the
   *               platform fetches ({@code person.identity}, {@code person.household} …), never asked for
   */
  /** A material, with its English name for the English interface (absent in versions published before it existed). */
  public record Material(String code, String name, @Nullable String nameEn, MaterialSource source, boolean required,
                         @Nullable String heldAs) {

    /** The name in the page's language. */
    public String nameIn(String language) {
      return "en".equals(language) && nameEn != null ? nameEn : name;
    }
  }

  /** Who provides a material. */
  public enum MaterialSource {
    /** The resident uploads it. */
    RESIDENT,
    /** Data the government already holds (免提交). */
    GOVERNMENT,
    /** An e-certificate the platform fetches (电子证照). */
    E_CERTIFICATE
  }

  /** 审批结果. */
  /**
   * What a decided case gives the applicant. {@code payment} is set for items that grant money (待遇、补贴、津贴): the
   * officer then decides an amount (each month, or once) and, for monthly payments, the period, and the decision
   * document states them.
   */
  public record ResultSpec(String type, String name, String sample, @Nullable Payment payment) {}

  /** How a granted benefit is paid. */
  public enum Payment { MONTHLY, ONCE }
}
