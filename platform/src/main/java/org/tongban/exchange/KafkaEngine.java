package org.tongban.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange on Apache Kafka, for a province that runs several nodes: switched on by
 * {@code tongban.exchange.kafka.bootstrap-servers}. The dispatcher sends each outbox row to its resource's topic
 * ({@code tongban.exchange.<resource>}), keyed by the region code so one region's changes stay in one partition and in
 * order, with an idempotent producer and every acknowledgement awaited before the rows count as dispatched. Every
 * node consumes the topics in one group and turns each poll into messages in one database transaction; offsets are
 * committed after it. A row sent twice (the node died between the broker's acknowledgement and its own commit) makes
 * one message: {@link Messages} skips what a subscription already has. A failing database is retried each second
 * without losing the poll.
 */
@Component
@ConditionalOnProperty(name = "tongban.exchange.kafka.bootstrap-servers")
class KafkaEngine implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KafkaEngine.class);
  static final String PREFIX = "tongban.exchange.";

  private final String servers;
  private final int partitions;
  private final short replication;
  private final ResourceCatalogue catalogue;
  private final Messages messages;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private DefaultKafkaProducerFactory<String, String> producers;
  private KafkaTemplate<String, String> template;
  private ConcurrentMessageListenerContainer<String, String> container;
  private volatile boolean running;

  KafkaEngine(ExchangeSettings settings, ResourceCatalogue catalogue, Messages messages,
              TransactionTemplate transactions, JsonMapper json) {
    this.servers = java.util.Objects.requireNonNull(settings.kafka().bootstrapServers());
    this.partitions = settings.kafka().partitions();
    this.replication = settings.kafka().replication();
    this.catalogue = catalogue;
    this.messages = messages;
    this.transactions = transactions;
    this.json = json;
  }

  static String topic(String resource) {
    return PREFIX + resource;
  }

  /** Sends the rows to their topics and waits until the broker has every one; throws when it does not. */
  void send(List<Messages.Change> rows) {
    var sent = new ArrayList<CompletableFuture<SendResult<String, String>>>();
    for (var row : rows) {
      var value = json.writeValueAsString(Map.of("id", row.id(), "resource", row.resource(), "key", row.key(),
          "region", row.region(), "fields", row.fields(), "occurredAt", row.occurredAt().toString()));
      sent.add(template.send(topic(row.resource()), row.region(), value));
    }
    template.flush();
    try {
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not take the exchange's changes; they stay in the outbox", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void consume(List<ConsumerRecord<String, String>> records) {
    var changes = new ArrayList<Messages.Change>();
    for (var r : records) {
      var node = json.readTree(r.value());
      changes.add(new Messages.Change(node.get("id").asLong(), node.get("resource").asString(),
          node.get("key").asString(), node.get("region").asString(), node.get("fields").asString(),
          Instant.parse(node.get("occurredAt").asString())));
    }
    transactions.executeWithoutResult(s -> messages.make(changes));
  }

  @Override
  public void start() {
    var topics = catalogue.resources().stream().map(d -> topic(d.code())).toList();
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      for (String t : topics) {
        try {
          admin.createTopics(List.of(new NewTopic(t, partitions, replication))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) throw new IllegalStateException("Topic " + t, e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + servers + " did not answer", e);
    }
    producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    template = new KafkaTemplate<>(producers);
    var consumers = new DefaultKafkaConsumerFactory<String, String>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, "tongban-exchange",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    var properties = new ContainerProperties(topics.toArray(String[]::new));
    properties.setMessageListener((BatchMessageListener<String, String>) this::consume);
    properties.setAckMode(ContainerProperties.AckMode.BATCH);
    container = new ConcurrentMessageListenerContainer<>(consumers, properties);
    container.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(Duration.ofSeconds(1).toMillis(),
        FixedBackOff.UNLIMITED_ATTEMPTS)));
    container.setBeanName("tongban-exchange");
    container.start();
    running = true;
    log.info("Exchange on Kafka at {}: {} topics of {} partitions", servers, topics.size(), partitions);
  }

  @Override
  public void stop() {
    running = false;
    if (container != null) container.stop();
    if (producers != null) producers.destroy();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
