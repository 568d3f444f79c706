package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal's code and every HTTP status the platform answers with has its words in Chinese and in English: a
 * missing key showed the bare code (a 415 showed {@code problem.status.415}). Codes are read from the sources, where
 * every refusal names its own.
 */
class MessagesTests {

  private static final Pattern LITERAL = Pattern.compile("super\\(\"([a-z0-9.-]+)\",\\s*(\\d{3})");
  /** Codes built from a prefix and a reason: every reason the sources use. */
  private static final List<String> COMPOSED = List.of(
      "person.invalid-id-number.format", "person.invalid-id-number.check", "person.invalid-id-number.address",
      "person.invalid-id-number.birth-date",
      "identity.resident.already-registered", "identity.resident.not-verified", "identity.resident.sms-code",
      "identity.resident.name", "identity.resident.password",
      "identity.invalid-account.username", "identity.invalid-account.display-name", "identity.invalid-account.password",
      "identity.invalid-account.password-unchanged", "password-change-required", "second-factor-required", "forbidden",
      "unauthenticated",
      "identity.invalid-client.client-id", "identity.invalid-client.name", "identity.invalid-client.duplicate",
      "identity.invalid-client.redirect-uri", "identity.invalid-client.scope", "identity.invalid-client.grant");
  /** Statuses the web layer answers with besides the refusals' own (filters, framework errors). */
  private static final List<Integer> STATUSES = List.of(400, 401, 403, 404, 405, 406, 409, 411, 413, 415, 422, 429,
      500, 503);

  private static Properties messages(String name) throws IOException {
    var p = new Properties();
    try (var in = MessagesTests.class.getClassLoader().getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyRefusalAndStatusHasItsWordsInBothLanguages() throws IOException {
    var codes = new TreeSet<String>(COMPOSED);
    var statuses = new TreeSet<Integer>(STATUSES);
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
        var m = LITERAL.matcher(Files.readString(file));
        while (m.find()) {
          codes.add(m.group(1));
          statuses.add(Integer.parseInt(m.group(2)));
        }
      }
    }
    assertThat(codes).hasSizeGreaterThan(80);
    var missing = new ArrayList<String>();
    for (String bundle : List.of("messages.properties", "messages_en.properties")) {
      var p = messages(bundle);
      for (String code : codes) if (!p.containsKey("problem." + code)) missing.add(bundle + ": problem." + code);
      for (int status : statuses) {
        if (!p.containsKey("problem.status." + status)) missing.add(bundle + ": problem.status." + status);
      }
    }
    assertThat(missing).isEmpty();
  }
}
