package org.tongban.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.catalogue.CatalogueFixtures.withSynonym;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.Eventually;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.NodeSignal;
import org.tongban.shared.NodeSignals;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several nodes on one database (#18.1): an item published on this node reaches the search index another node keeps
 * in memory — a second node's index and signals built here on the same database, told by PostgreSQL's NOTIFY when the
 * publication commits, not by a timer.
 */
@SpringBootTest
@Tag("persistence")
class NodeSignalsTests {

  @Autowired ServiceCatalogue catalogue;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired OrganisationDirectory organisations;

  @Test
  void anItemPublishedHereIsFoundOnAnotherNodeAtOnce() {
    var received = new ArrayList<String>();
    var holder = new CatalogueIndex[1];
    var otherSignals = new NodeSignals(dataSource, jdbc, event -> {
      if (event instanceof NodeSignal s) {
        synchronized (received) {
          received.add(s.topic());
        }
        holder[0].on(s);
      }
    });
    var otherIndex = new CatalogueIndex(jdbc, json, organisations, otherSignals);
    holder[0] = otherIndex;
    otherIndex.rebuild();
    otherSignals.start();
    var current = catalogue.currentOrRefuse("hrss.unemployment-benefit").spec();
    try {
      // Letters only: one token for the segmenter, found nowhere else in the catalogue.
      String word = "node" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
      assertThat(otherIndex.search(word, null, 0, 10).items()).isEmpty();
      Eventually.until("the other node listens", Duration.ofSeconds(10), otherSignals::listening);
      catalogue.publishAsPlatform(withSynonym(current, word));
      Eventually.until("the other node hears the publication", Duration.ofSeconds(10), () -> {
        synchronized (received) {
          return received.contains("catalogue");
        }
      });
      Eventually.until("the other node's index finds the new word", Duration.ofSeconds(10),
          () -> otherIndex.search(word, null, 0, 10).items().contains("hrss.unemployment-benefit"));
    } finally {
      otherSignals.stop();
      catalogue.publishAsPlatform(current);
    }
  }

  /**
   * The database drops the listening connection (as when PostgreSQL restarts): the node connects again by itself,
   * asks its copies for a full refresh — notices sent meanwhile are lost — and hears the next change.
   */
  @Test
  void aNodeWhoseListeningConnectionDropsConnectsAgainAndRefreshesEverything() {
    var received = new ArrayList<String>();
    var otherSignals = new NodeSignals(dataSource, jdbc, event -> {
      if (event instanceof NodeSignal s) {
        synchronized (received) {
          received.add(s.topic());
        }
      }
    });
    otherSignals.start();
    var current = catalogue.currentOrRefuse("hrss.unemployment-benefit").spec();
    try {
      Eventually.until("the other node listens", Duration.ofSeconds(10), otherSignals::listening);
      // Every node's listening connection in this test run is dropped; each connects again.
      jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen tongban_node_signals'"
          + " and pid <> pg_backend_pid()").query((rs, i) -> rs.getBoolean(1)).list();
      Eventually.until("a full refresh after connecting again", Duration.ofSeconds(15), () -> {
        synchronized (received) {
          return received.contains(NodeSignal.ANY);
        }
      });
      Eventually.until("listening again", Duration.ofSeconds(10), otherSignals::listening);
      catalogue.publishAsPlatform(withSynonym(current, "node" + UUID.randomUUID().toString().replaceAll("[^a-f]", "")));
      Eventually.until("the next change is heard", Duration.ofSeconds(10), () -> {
        synchronized (received) {
          return received.contains("catalogue");
        }
      });
    } finally {
      otherSignals.stop();
      catalogue.publishAsPlatform(current);
    }
  }

}
