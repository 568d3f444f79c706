package org.tongban.exchange;

import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.TongbanApplication;
import org.tongban.facility.FacilityId;
import org.tongban.facility.FacilityRegistry;

/**
 * The platform in a process of its own, for {@link KillNineTests}: started on the test's database, it takes places in
 * one facility one transaction after another (each a shared change: the facility's free places) and prints
 * {@code COMMITTED n} after each commit, while its own dispatcher turns the outbox into messages — until the test
 * kills it with SIGKILL.
 */
public final class CommittingPlatform {

  private CommittingPlatform() {}

  public static void main(String[] args) {
    var facility = new FacilityId(UUID.fromString(System.getProperty("committing.facility")));
    var context = new SpringApplicationBuilder(TongbanApplication.class).run(args);
    var registry = context.getBean(FacilityRegistry.class);
    var transactions = context.getBean(TransactionTemplate.class);
    System.out.println("STARTED");
    System.out.flush();
    for (long n = 1; ; n++) {
      transactions.executeWithoutResult(tx -> registry.admit(facility));
      System.out.println("COMMITTED " + n);
      System.out.flush();
    }
  }
}
