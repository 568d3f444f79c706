package org.tongban.audit.internal;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit trail settings ({@code tongban.audit.*}).
 *
 * @param retention how long entries are kept; at least six months (网络安全法 art. 21 requires network logs
 *     to be kept for no less than six months), default one year
 */
@ConfigurationProperties("tongban.audit")
record AuditSettings(@DefaultValue("P1Y") Period retention) {

  AuditSettings {
    if (retention.toTotalMonths() < 6 && retention.getDays() < 183 || retention.isNegative()) {
      throw new IllegalArgumentException("tongban.audit.retention must be at least six months, was " + retention);
    }
  }
}
