package org.tongban.health;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A measurement clinic staff enter on a resident's record from the staff page, stored as a FHIR R4 Observation with
 * its LOINC code and UCUM unit (the vital-signs category): blood pressure (systolic over diastolic), fasting blood
 * glucose, body weight. The range is what a measuring device can show — a value outside it is a typing mistake.
 */
public enum Reading {

  BLOOD_PRESSURE("血压", "Blood pressure", "85354-9", "mm[Hg]", "mmHg", "50", "300", "20", "200"),
  FASTING_GLUCOSE("空腹血糖", "Fasting blood glucose", "1558-6", "mmol/L", "mmol/L", "0.5", "50", null, null),
  BODY_WEIGHT("体重", "Body weight", "29463-7", "kg", "kg", "0.5", "400", null, null);

  /** LOINC codes of the two components of a blood pressure. */
  public static final String SYSTOLIC = "8480-6";
  public static final String DIASTOLIC = "8462-4";

  private final String zh;
  private final String en;
  private final String loinc;
  private final String ucum;
  private final String unit;
  private final BigDecimal min;
  private final BigDecimal max;
  private final @Nullable BigDecimal secondMin;
  private final @Nullable BigDecimal secondMax;

  Reading(String zh, String en, String loinc, String ucum, String unit, String min, String max,
          @Nullable String secondMin, @Nullable String secondMax) {
    this.zh = zh;
    this.en = en;
    this.loinc = loinc;
    this.ucum = ucum;
    this.unit = unit;
    this.min = new BigDecimal(min);
    this.max = new BigDecimal(max);
    this.secondMin = secondMin == null ? null : new BigDecimal(secondMin);
    this.secondMax = secondMax == null ? null : new BigDecimal(secondMax);
  }

  public String label(boolean english) {
    return english ? en : zh;
  }

  public String loinc() {
    return loinc;
  }

  /** The UCUM code stored in the Observation. */
  public String ucum() {
    return ucum;
  }

  /** The unit as a person reads it. */
  public String unit() {
    return unit;
  }

  /** Whether the reading has a second value (the diastolic pressure). */
  public boolean paired() {
    return secondMin != null;
  }

  public BigDecimal min() {
    return min;
  }

  public BigDecimal max() {
    return max;
  }

  public @Nullable BigDecimal secondMin() {
    return secondMin;
  }

  public @Nullable BigDecimal secondMax() {
    return secondMax;
  }
}
