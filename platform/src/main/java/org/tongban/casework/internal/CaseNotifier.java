package org.tongban.casework.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseStatusChanged;
import org.tongban.identity.ResidentAccounts;

/** Tells the applicant about every status change: an in-platform message, and a text to their account's phone. */
@Component
class CaseNotifier {

  private static final Logger log = LoggerFactory.getLogger(CaseNotifier.class);
  private final JdbcClient jdbc;
  private final ResidentAccounts accounts;

  CaseNotifier(JdbcClient jdbc, ResidentAccounts accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  @ApplicationModuleListener
  void on(CaseStatusChanged changed) {
    String zh = "您的办件「" + changed.itemName() + "」（" + changed.number() + "）状态：" + changed.status().zh() + "。";
    String en = "Your case " + changed.number() + " (" + changed.itemName() + ") is now: " + changed.status().en() + ".";
    jdbc.sql("insert into casework.notice (person, case_id, text_zh, text_en, at) values (?, ?, ?, ?, ?)")
        .params(changed.applicant().value(), changed.id().value(), zh, en, java.sql.Timestamp.from(changed.at()))
        .update();
    try {
      accounts.text(changed.applicant(), "【通办】" + zh);
    } catch (RuntimeException e) {
      // The in-platform message is kept; a failed text is logged, not retried into a duplicate notice.
      log.warn("Text for case {} not sent: {}", changed.number(), e.getMessage());
    }
  }
}
