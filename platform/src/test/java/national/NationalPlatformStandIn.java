package national;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for a national platform (全国统一社会保险公共服务平台) speaking {@code docs/national-exchange.md}: a
 * separate Spring application on loopback. It takes changes with its bearer token, refuses those whose record key it
 * was told to refuse, can be made unavailable for a number of requests, de-duplicates by the change's id, and serves
 * the changes it has for a province after a cursor. Used by the national link's test only.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(NationalPlatformStandIn.Api.class)
public class NationalPlatformStandIn {

  /** What it received, in the order it accepted them (the change's "id" and the whole change). */
  public static final List<Map<String, Object>> accepted = new CopyOnWriteArrayList<>();
  public static final Set<String> seen = ConcurrentHashMap.newKeySet();
  public static final Set<String> refuseKeys = ConcurrentHashMap.newKeySet();
  public static final AtomicInteger unavailableFor = new AtomicInteger();
  /** What it sends down, in order; the cursor is the index. */
  public static final List<Map<String, Object>> down = new CopyOnWriteArrayList<>();
  static volatile String token;

  public static ConfigurableApplicationContext start(int port, String bearer) {
    token = bearer;
    return new SpringApplicationBuilder(NationalPlatformStandIn.class).run(testapps.WithoutDatabase.argument(),
        "--server.port=" + port, "--spring.application.name=national-platform", "--spring.main.banner-mode=off");
  }

  @Bean
  SecurityFilterChain open(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).csrf(c -> c.disable());
    return http.build();
  }

  @RestController
  static class Api {

    @PostMapping("/v1/changes")
    ResponseEntity<Map<String, Object>> take(@RequestHeader(value = "Authorization", required = false) String auth,
                                             @RequestBody Map<String, Object> body) {
      if (!("Bearer " + token).equals(auth)) return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
      if (unavailableFor.getAndDecrement() > 0) return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
      var acceptedSeqs = new ArrayList<Object>();
      var rejected = new ArrayList<Map<String, Object>>();
      for (var change : (List<Map<String, Object>>) body.get("changes")) {
        if (refuseKeys.contains((String) change.get("key"))) {
          rejected.add(Map.of("seq", change.get("seq"), "code", "person-unknown",
              "message", "全国参保人员库中查无此人"));
          continue;
        }
        if (seen.add((String) change.get("id"))) accepted.add(change);
        acceptedSeqs.add(change.get("seq"));
      }
      return ResponseEntity.ok(Map.of("accepted", acceptedSeqs, "rejected", rejected));
    }

    @GetMapping("/v1/changes")
    ResponseEntity<Map<String, Object>> give(@RequestHeader(value = "Authorization", required = false) String auth,
                                             @RequestParam("for") String province,
                                             @RequestParam(required = false) String after) {
      if (!("Bearer " + token).equals(auth)) return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
      int from = after == null ? 0 : Integer.parseInt(after);
      var page = down.stream().skip(from).filter(c -> ((String) c.get("region")).startsWith(province)).toList();
      return ResponseEntity.ok(Map.of("changes", page, "next", String.valueOf(down.size())));
    }
  }
}
