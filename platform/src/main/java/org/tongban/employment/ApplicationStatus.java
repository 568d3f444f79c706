package org.tongban.employment;

/** A job application: sent, invited to an interview, turned down, hired, or withdrawn by the seeker. */
public enum ApplicationStatus {
  APPLIED, INVITED, REJECTED, HIRED, WITHDRAWN;

  /** Still waiting on the unit or the seeker. */
  public boolean open() {
    return this == APPLIED || this == INVITED;
  }
}
