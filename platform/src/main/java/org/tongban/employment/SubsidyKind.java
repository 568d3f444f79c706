package org.tongban.employment;

/**
 * The employment subsidies the platform computes eligibility for: the item each files, and who claims it — a unit for
 * one of its hires, or a person for themselves.
 */
public enum SubsidyKind {
  /** 一次性吸纳就业补贴. */
  HIRING("hrss.hiring-subsidy", true),
  /** 社会保险补贴 for a unit that hired a 就业困难人员. */
  SOCIAL_INSURANCE("hrss.social-insurance-subsidy", true),
  /** 公益性岗位补贴. */
  PUBLIC_WELFARE("hrss.public-welfare-post-subsidy", true),
  /** 职业培训补贴. */
  TRAINING("hrss.training-subsidy", false),
  /** 一次性创业补贴. */
  STARTUP("hrss.startup-subsidy", false);

  private final String item;
  private final boolean forHire;

  SubsidyKind(String item, boolean forHire) {
    this.item = item;
    this.forHire = forHire;
  }

  public String item() {
    return item;
  }

  /** Claimed by a unit for one of its hires (otherwise by a person for themselves). */
  public boolean forHire() {
    return forHire;
  }

  public String slug() {
    return name().toLowerCase().replace('_', '-');
  }

  public static SubsidyKind ofSlug(String slug) {
    for (var k : values()) if (k.slug().equals(slug)) return k;
    throw new EmploymentRefusals.UnknownSubsidy(slug);
  }
}
