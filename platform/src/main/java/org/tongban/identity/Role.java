package org.tongban.identity;

/** What a staff member does; a role becomes the Spring Security authority {@code ROLE_<name>}. */
public enum Role {
  /** Runs the platform: accounts, audit log. */
  ADMIN,
  /** Window staff in a service hall. */
  CLERK,
  /** Department officer deciding cases. */
  OFFICER,
  /** Planner watching indicators. */
  PLANNER,
  /** Village agent (代办员) filing on residents' behalf. */
  AGENT,
  /** Supervises deadlines and ratings (效能监督) within their view scope. */
  SUPERVISOR,
  /** Reads the audit log. */
  AUDITOR
}
