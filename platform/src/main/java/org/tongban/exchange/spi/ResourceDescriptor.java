package org.tongban.exchange.spi;

import java.util.List;

/**
 * One data resource of the resource catalogue (政务数据资源目录): its code, names, owning department, sharing class,
 * how often it changes, and its fields with their sensitivity. The JSON Schema is derived from the fields.
 */
public record ResourceDescriptor(String code, String titleZh, String titleEn, String department, Sharing sharing,
                                 String frequency, List<Field> fields) {

  /** 共享类型 of the national rules on government data sharing. */
  public enum Sharing {
    /** 无条件共享: any department system in its jurisdiction may subscribe. */
    UNCONDITIONAL,
    /** 有条件共享: the owning department approves each subscription. */
    CONDITIONAL,
    /** 不予共享: listed, never delivered. */
    NOT_SHARED
  }

  /** How sensitive a field is; a subscriber granted a lower level gets it masked or not at all. */
  public enum Sensitivity {
    /** Counts, codes, statuses, dates: no person can be picked out. */
    AGGREGATE,
    /** Already masked on the platform (an ID number as 210106********1234). */
    MASKED,
    /** Names a person (their registry id, their name). Masked for MASKED subscribers, dropped for AGGREGATE ones. */
    PERSONAL
  }

  /** JSON Schema types a field can have. */
  public enum Type { STRING, INTEGER, BOOLEAN, DATE, DATE_TIME }

  public record Field(String name, Type type, Sensitivity sensitivity, String descriptionZh, String descriptionEn) {}

  public ResourceDescriptor {
    fields = List.copyOf(fields);
    if (!code.matches("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*")) throw new IllegalArgumentException("resource code " + code);
  }
}
