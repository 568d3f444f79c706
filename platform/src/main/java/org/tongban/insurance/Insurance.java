package org.tongban.insurance;

/** The five insurances of employees and the two residents' schemes (社会保险法 arts. 10, 22, 23, 33, 44, 53). */
public enum Insurance {
  PENSION("职工基本养老保险", "Employees' basic pension"),
  MEDICAL("职工基本医疗保险", "Employees' basic medical"),
  UNEMPLOYMENT("失业保险", "Unemployment"),
  INJURY("工伤保险", "Work injury"),
  MATERNITY("生育保险", "Maternity"),
  RESIDENT_PENSION("城乡居民基本养老保险", "Residents' basic pension"),
  RESIDENT_MEDICAL("城乡居民基本医疗保险", "Residents' basic medical");

  private final String zh;
  private final String en;

  Insurance(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** An employees' insurance a flexible worker may join on their own (社会保险法 arts. 10, 23). */
  public boolean flexible() {
    return this == PENSION || this == MEDICAL;
  }

  public boolean residents() {
    return this == RESIDENT_PENSION || this == RESIDENT_MEDICAL;
  }

  public static Insurance parse(String typed) {
    try {
      return valueOf(typed.strip().toUpperCase().replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InsuranceRefusals.UnknownInsurance(typed);
    }
  }
}
