package org.tongban.bench;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.ECKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange end to end (bench/exchange.sh), beside a platform that runs in its own process on the PostgreSQL server
 * in {@code SPRING_DATASOURCE_URL}:
 * <ul>
 *   <li>{@code setup <file>}: a department system (client credentials, scope exchange) registered as a subscriber of
 *   county 210106 with an active subscription to case status; its id, secret and subscription written to the file;</li>
 *   <li>{@code produce <per-second> <seconds>}: committed changes of case status at that rate — outbox rows written by
 *   plain JDBC transactions of 25 rows, as the modules' transactions write them (generated: the fields say so);</li>
 *   <li>{@code subscribe <base-url> <file> <seconds>}: the subscriber: token, pull after its cursor, verify every
 *   signature with the published key, de-duplicate by idempotency key, acknowledge; rides out the platform's death and
 *   restart; reports what it received and the latency from commit to its hands;</li>
 *   <li>{@code check <file> <received-file>}: rows committed against keys received: lost and duplicates;</li>
 *   <li>{@code kafka <bootstrap> <per-second> <seconds>}: the anchor: a bare Kafka producer and consumer of payloads of
 *   the same size at the same rate, with the same latency measure.</li>
 * </ul>
 */
public final class ExchangeLoad {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FIELDS = "{\"number\":\"210100-20261202-%08d\",\"item\":\"hrss.ss-card-application\","
      + "\"itemName\":\"社会保障卡申领\",\"department\":\"hrss\",\"status\":\"PRE_REVIEW\",\"statusZh\":\"预审中\","
      + "\"channel\":\"WEB\",\"competentRegion\":\"210100000000\",\"receivedRegion\":\"210100000000\","
      + "\"submittedAt\":\"%s\",\"generated\":true,\"applicant\":\"%s\",\"applicantName\":\"压测（生成）\"}";

  private ExchangeLoad() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "setup" -> setup(Path.of(args[1]));
      case "produce" -> produce(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "subscribe" -> subscribe(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Path.of(args[4]),
          Path.of(args[5]));
      case "check" -> check(Path.of(args[1]), Path.of(args[2]));
      case "kafka" -> kafka(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(System.getenv("SPRING_DATASOURCE_URL"), System.getenv("SPRING_DATASOURCE_USERNAME"),
        System.getenv("SPRING_DATASOURCE_PASSWORD"));
  }

  static void setup(Path file) throws Exception {
    String client = "bench-system-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = UUID.randomUUID().toString();
    try (var c = connect()) {
      var jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
      new JdbcRegisteredClientRepository(jdbc).save(RegisteredClient.withId(UUID.randomUUID().toString())
          .clientId(client).clientName(client).clientSecret("{sha256}" + java.util.HexFormat.of().formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("exchange").build());
      jdbc.update("insert into exchange.subscriber (client_id, name, department, region_prefix, max_sensitivity,"
          + " registered_by) values (?, '压测系统（生成）', 'government-services', '210106', 'MASKED', 'bench')", client);
      var id = UUID.randomUUID();
      jdbc.update("insert into exchange.subscription (id, client_id, resource, department, region_prefix, purpose,"
          + " sensitivity, status, decided_by, decided_at, from_outbox) values (?, ?, 'casework.case-status',"
          + " 'government-services', '210106', '压测：办件回流', 'MASKED', 'ACTIVE', 'bench', now(),"
          + " (select coalesce(max(id), 0) from exchange.outbox))", id, client);
      Files.writeString(file, client + "\n" + secret + "\n" + id + "\n");
    }
    System.out.println("RESULT setup: subscriber " + client);
  }

  static void produce(int perSecond, int seconds) throws Exception {
    int batch = 25;
    long periodNanos = 1_000_000_000L * batch / perSecond;
    long written = 0;
    try (var c = connect()) {
      c.setAutoCommit(false);
      var insert = c.prepareStatement("insert into exchange.outbox (resource, record_key, region_code, fields,"
          + " occurred_at) values ('casework.case-status', ?, '210106001017', ?::jsonb, clock_timestamp())");
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      long next = start;
      while (System.nanoTime() < end) {
        for (int i = 0; i < batch; i++) {
          var key = UUID.randomUUID().toString();
          insert.setString(1, key);
          insert.setString(2, FIELDS.formatted(written + i, Instant.now(), key));
          insert.addBatch();
        }
        insert.executeBatch();
        c.commit();
        written += batch;
        next += periodNanos;
        long sleep = next - System.nanoTime();
        if (sleep > 0) Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
      double s = (System.nanoTime() - start) / 1e9;
      System.out.printf("RESULT produce: %d changes committed in %.1f s (%.0f/s)%n", written, s, written / s);
    }
  }

  /** Runs until {@code done} exists (the producer finished) and nothing came for 10 s, or {@code seconds} passed. */
  static void subscribe(String base, Path file, int seconds, Path received, Path done) throws Exception {
    var lines = Files.readAllLines(file);
    String client = lines.get(0);
    String secret = lines.get(1);
    String subscription = lines.get(2);
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String token = null;
    JWKSet keys = null;
    long cursor = 0;
    var seen = new HashSet<String>();
    long duplicates = 0;
    long invalid = 0;
    var latencies = new ArrayList<Long>();
    long outages = 0;
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long idleSince = -1;
    try (var out = Files.newBufferedWriter(received)) {
      while (System.nanoTime() < end) {
        try {
          if (token == null) token = token(http, base, client, secret);
          if (keys == null) keys = JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/jwks")).build(),
              HttpResponse.BodyHandlers.ofString()).body());
          var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/exchange/client/subscriptions/"
                  + subscription + "/messages?limit=500&after=" + cursor)).header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 401) {
            token = null;
            continue;
          }
          if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode());
          JsonNode page = JSON.readTree(response.body());
          long now = System.currentTimeMillis();
          int n = 0;
          for (var m : page.get("messages")) {
            var jws = JWSObject.parse(m.get("jws").asString());
            var key = keys.getKeyByKeyId(jws.getHeader().getKeyID());
            if (!(key instanceof ECKey ec) || !jws.verify(new ECDSAVerifier(ec))) {
              invalid++;
              continue;
            }
            var claims = jws.getPayload().toJSONObject();
            String idem = (String) claims.get("idempotency_key");
            if (!seen.add(idem)) {
              duplicates++;
            } else {
              out.write(idem.substring(idem.indexOf(':') + 1));
              out.newLine();
              latencies.add(now - Instant.parse((String) claims.get("occurred_at")).toEpochMilli());
            }
            cursor = m.get("seq").asLong();
            n++;
          }
          if (n > 0) {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/exchange/client/subscriptions/" + subscription
                    + "/acknowledgements")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"upTo\":" + cursor + "}")).build(),
                HttpResponse.BodyHandlers.discarding());
            idleSince = -1;
          } else {
            if (idleSince < 0) idleSince = System.nanoTime();
            if (Files.exists(done) && System.nanoTime() - idleSince > 10_000_000_000L) break;
            Thread.sleep(20);
          }
        } catch (java.io.IOException | IllegalStateException e) {
          outages++;
          Thread.sleep(200);
        }
      }
    }
    long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("RESULT subscribe: %d unique received (%d duplicates dropped, %d bad signatures, %d failed requests"
            + " while the platform was away); commit to subscriber p50 %d ms, p99 %d ms, max %d ms%n", seen.size(),
        duplicates, invalid, outages, pct(l, 50), pct(l, 99), l.length == 0 ? 0 : l[l.length - 1]);
  }

  static void check(Path file, Path received) throws Exception {
    var got = new HashSet<Long>();
    for (String line : Files.readAllLines(received)) if (!line.isBlank()) got.add(Long.parseLong(line.strip()));
    var subscription = UUID.fromString(Files.readAllLines(file).get(2));
    try (var c = connect(); var s = c.prepareStatement("select o.id from exchange.outbox o, exchange.subscription sub"
        + " where sub.id = ? and o.id > sub.from_outbox and o.region_code like '210106%'")) {
      s.setObject(1, subscription);
      var rs = s.executeQuery();
      long committed = 0;
      long lost = 0;
      while (rs.next()) {
        committed++;
        if (!got.contains(rs.getLong(1))) lost++;
      }
      System.out.printf("RESULT check: %d committed, %d received, %d lost, %d received that were never committed%n",
          committed, got.size(), lost, got.size() - (committed - lost));
    }
  }

  static void kafka(String bootstrap, int perSecond, int seconds) throws Exception {
    String topic = "bench-anchor-" + UUID.randomUUID().toString().substring(0, 8);
    var p = new Properties();
    p.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    var cp = new Properties();
    cp.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, topic,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    // A payload of the size of a signed message (about 1.4 KB of JWS).
    byte[] pad = new byte[1000];
    Arrays.fill(pad, (byte) 'x');
    String filler = Base64.getEncoder().encodeToString(pad);
    var latencies = new ArrayList<Long>();
    long expected = (long) perSecond * seconds;
    var consumerDone = new java.util.concurrent.CountDownLatch(1);
    var consumer = Thread.ofPlatform().start(() -> {
      try (var consumerClient = new KafkaConsumer<String, String>(cp)) {
        consumerClient.subscribe(List.of(topic));
        long got = 0;
        long until = System.nanoTime() + (seconds + 60) * 1_000_000_000L;
        while (got < expected && System.nanoTime() < until) {
          for (var r : consumerClient.poll(Duration.ofMillis(100))) {
            latencies.add(System.currentTimeMillis() - Long.parseLong(r.value().substring(0, r.value().indexOf(' '))));
            got++;
          }
        }
      }
      consumerDone.countDown();
    });
    try (var producer = new KafkaProducer<String, String>(p)) {
      long start = System.nanoTime();
      long periodNanos = 1_000_000_000L / perSecond * 25;
      long next = start;
      for (long i = 0; i < expected; i += 25) {
        for (int k = 0; k < 25; k++) {
          producer.send(new ProducerRecord<>(topic, "210106001017", System.currentTimeMillis() + " " + filler));
        }
        next += periodNanos;
        long sleep = next - System.nanoTime();
        if (sleep > 0) Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
      producer.flush();
    }
    consumerDone.await();
    consumer.join();
    long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("RESULT kafka anchor: %d of %d consumed; produce to consume p50 %d ms, p99 %d ms, max %d ms%n",
        l.length, expected, pct(l, 50), pct(l, 99), l.length == 0 ? 0 : l[l.length - 1]);
  }

  private static String token(HttpClient http, String base, String client, String secret) throws Exception {
    var basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    var response = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=exchange")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) throw new IllegalStateException("token: HTTP " + response.statusCode());
    return JSON.readTree(response.body()).get("access_token").asString();
  }

  private static long pct(long[] sorted, int p) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
