package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.Eventually;
import org.tongban.StaffFixtures;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.NodeSignal;
import org.tongban.shared.NodeSignals;

/**
 * Several nodes on one database (#18.1): an open-data key revoked on this node is refused at once on another node
 * that had it cached (its cache would otherwise keep the key for a minute) — the other node's keys and signals built
 * here on the same database.
 */
@SpringBootTest
@Tag("persistence")
class ApiKeyNodesTests {

  @Autowired ApiKeys keys;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Callers callers;
  @Autowired AuditTrail audit;

  @Test
  void aKeyRevokedHereStopsOnAnotherNodeAtOnce() {
    var holder = new ApiKeys[1];
    var otherSignals = new NodeSignals(dataSource, jdbc, event -> {
      if (event instanceof NodeSignal s) holder[0].on(s);
    });
    var otherNode = new ApiKeys(jdbc, callers, audit, otherSignals);
    holder[0] = otherNode;
    otherSignals.start();
    try {
      Eventually.until("the other node listens", Duration.ofSeconds(10), otherSignals::listening);
      var admin = StaffFixtures.clerkOf("21", "ROLE_ADMIN");
      var issued = StaffFixtures.as(admin, () -> keys.issue("节点测试数据部", "nodes@example.cn", 60));
      assertThat(otherNode.limit(issued.key())).as("cached on the other node").isPresent();
      StaffFixtures.as(admin, () -> {
        keys.revoke(issued.id());
        return null;
      });
      assertThat(keys.limit(issued.key())).as("refused here at once").isEmpty();
      Eventually.until("refused on the other node within seconds, not a minute", Duration.ofSeconds(10),
          () -> otherNode.limit(issued.key()).isEmpty());
    } finally {
      otherSignals.stop();
    }
  }
}
