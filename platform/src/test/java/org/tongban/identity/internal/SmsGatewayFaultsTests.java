package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * #18.2, a slow or failing SMS platform: the province's gateway is a real HTTP server on loopback here, answering as
 * the test tells it. A refusal (HTTP 500) and a platform slower than the timeout both give the resident a clear answer
 * and keep no code that was never sent, so she may ask again at once; when the platform answers, the code goes out
 * as one JSON message with the bearer token.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class SmsGatewayFaultsTests {

  enum Mode { ANSWER, REFUSE, HANG }

  private static final AtomicReference<Mode> MODE = new AtomicReference<>(Mode.ANSWER);
  private static final ConcurrentLinkedQueue<String> RECEIVED = new ConcurrentLinkedQueue<>();
  private static final java.util.concurrent.CountDownLatch DONE = new java.util.concurrent.CountDownLatch(1);
  private static final HttpServer GATEWAY = gateway();

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityKeys keys;

  @DynamicPropertySource
  static void smsPlatform(DynamicPropertyRegistry registry) {
    registry.add("tongban.identity.sms.url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/sms");
    registry.add("tongban.identity.sms.token", () -> "sms-test-token");
    registry.add("tongban.identity.sms.timeout", () -> "PT1S");
  }

  @AfterAll
  static void stop() {
    DONE.countDown();
    GATEWAY.stop(0);
  }

  @Test
  void aFailingOrSlowPlatformIsAClearAnswerAndKeepsNoCode() throws Exception {
    String phone = "136" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));

    MODE.set(Mode.REFUSE);
    assertThat(askForCode(phone)).contains("短信平台暂时没有响应");
    assertThat(codesFor(phone)).isZero();

    // Slower than the timeout: the answer comes at the timeout (the platform would say 200 after 30 s).
    MODE.set(Mode.HANG);
    assertThat(askForCode(phone)).contains("短信平台暂时没有响应");
    assertThat(codesFor(phone)).isZero();

    // Nothing was kept, so the minute between codes has not started: the next try goes out at once.
    MODE.set(Mode.ANSWER);
    RECEIVED.clear();
    assertThat(askForCode(phone)).doesNotContain("短信平台暂时没有响应").doesNotContain("请 1 分钟后再获取");
    assertThat(codesFor(phone)).isOne();
    assertThat(RECEIVED).singleElement().satisfies(message -> assertThat(message)
        .startsWith("Bearer sms-test-token\n").contains("\"phone\":\"" + phone + "\"").containsPattern("验证码 \\d{6}"));
  }

  private String askForCode(String phone) throws Exception {
    return mvc.perform(post("/register").with(csrf()).param("step", "send-code").param("phone", phone))
        .andReturn().getResponse().getContentAsString();
  }

  private long codesFor(String phone) {
    // Codes are kept under the phone's keyed index, never the number.
    return jdbc.sql("select count(*) from identity.sms_code where purpose = 'register' and phone_index = ?")
        .param(keys.index("phone", phone)).query(Long.class).single();
  }

  private static HttpServer gateway() {
    try {
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/sms", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (MODE.get()) {
          case REFUSE -> exchange.sendResponseHeaders(500, -1);
          case HANG -> {
            try {
              // Silent until the test ends (at most 30 s), then a success the platform must no longer wait for.
              DONE.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
          }
          case ANSWER -> {
            RECEIVED.add(exchange.getRequestHeaders().getFirst("Authorization") + "\n" + body);
            exchange.sendResponseHeaders(200, -1);
          }
        }
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
