package org.tongban.organisation;

/** What an office is to a resident. */
public enum OfficeKind {
  /** A department's bureau at a level (县人社局). */
  OFFICE,
  /** A service hall where windows of several departments receive residents (政务服务中心). */
  SERVICE_HALL,
  /** A village or community service station run by village agents (便民服务站). */
  VILLAGE_STATION
}
