package org.tongban.audit.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditTrail;

/**
 * {@code --verify-audit}: walks the chain, prints the outcome and exits (0 intact, 3 broken), for cron jobs
 * and incident response.
 */
@Component
@Order(1000)
class VerifyCommand implements ApplicationRunner {

  private final AuditTrail audit;
  private final ApplicationContext context;

  VerifyCommand(AuditTrail audit, ApplicationContext context) {
    this.audit = audit;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!args.containsOption("verify-audit")) return;
    var result = audit.verify();
    System.out.println(result.intact()
        ? "Audit chain intact: " + result.checked() + " entries verified."
        : "Audit chain BROKEN at entry " + result.firstBrokenSeq() + " (" + result.problem() + ") after "
            + result.checked() + " good entries.");
    System.exit(SpringApplication.exit(context, () -> result.intact() ? 0 : 3));
  }
}
