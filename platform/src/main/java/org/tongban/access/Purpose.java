package org.tongban.access;

/** Why staff touch scoped data. Capturing (create, change) a record includes viewing it. */
public enum Purpose {
  /** Create or change records. */
  CAPTURE,
  /** Open one record. */
  VIEW,
  /** List and search records. */
  SEARCH;

  public boolean grants(Purpose wanted) {
    return this == wanted || (this == CAPTURE && wanted == VIEW);
  }
}
