package org.tongban;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.internal.StaffUser;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;

/** Signed-in staff for tests: {@code clerkOf("210102")} can capture, view and search in 和平区. */
public final class StaffFixtures {

  private StaffFixtures() {}

  public static StaffUser clerkOf(String regionPrefix, String... extraAuthorities) {
    var region = RegionCode.of(regionPrefix);
    return staff("clerk-" + regionPrefix, Set.of(new Scope(region, Scope.ANY_DEPARTMENT, Purpose.CAPTURE),
        new Scope(region, Scope.ANY_DEPARTMENT, Purpose.SEARCH)), extraAuthorities);
  }

  public static StaffUser officerOf(String regionPrefix, String department) {
    var region = RegionCode.of(regionPrefix);
    return staff("officer-" + department + "-" + regionPrefix, Set.of(new Scope(region, department, Purpose.CAPTURE),
        new Scope(region, department, Purpose.SEARCH)));
  }

  public static StaffUser staff(String username, Set<Scope> scopes, String... extraAuthorities) {
    // Signed in a moment ago with a password and an authenticator code, as staff must be.
    var authorities = new ArrayList<GrantedAuthority>(List.of(new SimpleGrantedAuthority("ROLE_STAFF"),
        new SimpleGrantedAuthority("ROLE_CLERK"),
        FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(Instant.now()).build(),
        FactorGrantedAuthority.withAuthority("FACTOR_TOTP").issuedAt(Instant.now()).build()));
    for (String a : extraAuthorities) authorities.add(new SimpleGrantedAuthority(a));
    return new StaffUser(username, "{noop}unused", true, authorities, scopes, null, username);
  }

  /** The same staff member before their second sign-in step: password only. */
  public static StaffUser passwordOnly(StaffUser user) {
    var authorities = user.getAuthorities().stream().filter(a -> !a.getAuthority().equals("FACTOR_TOTP")).toList();
    return new StaffUser(user.getUsername(), "{noop}unused", true, authorities, user.scopes(), user.officeId(),
        user.displayName());
  }

  /** Staff of {@code office} with capture and search scopes over its region and department, and {@code roles}. */
  public static StaffUser at(org.tongban.organisation.Office office, String... roles) {
    var scopes = Set.of(new Scope(office.region(), office.department(), Purpose.CAPTURE),
        new Scope(office.region(), office.department(), Purpose.SEARCH));
    var authorities = new ArrayList<GrantedAuthority>(List.of(new SimpleGrantedAuthority("ROLE_STAFF"),
        FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(Instant.now()).build(),
        FactorGrantedAuthority.withAuthority("FACTOR_TOTP").issuedAt(Instant.now()).build()));
    for (String r : roles) authorities.add(new SimpleGrantedAuthority("ROLE_" + r));
    String name = "staff-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    return new StaffUser(name, "{noop}unused", true, authorities, scopes, office.id().toString(), name);
  }

  /** Runs {@code work} signed in as {@code user} (staff or resident), then signs out again. */
  public static <T> T as(org.springframework.security.core.userdetails.UserDetails user, Supplier<T> work) {
    var previous = SecurityContextHolder.getContext();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  /** A valid, random ID number from a county (six digits), unlikely to collide across test runs. */
  /** Every number handed out in this JVM: tests share one database, where an ID number is unique. */
  private static final java.util.Set<String> ISSUED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public static IdNumber randomIdNumber(String county) {
    var r = ThreadLocalRandom.current();
    while (true) {
      String birth = String.format("%04d%02d%02d", 1930 + r.nextInt(90), 1 + r.nextInt(12), 1 + r.nextInt(28));
      var id = IdNumber.complete(county + birth + String.format("%03d", r.nextInt(1000)));
      if (ISSUED.add(id.value())) return id;
    }
  }

  /** A number of someone born on {@code yyyymmdd} in {@code county}, never handed out before in this JVM. */
  public static IdNumber idNumberBorn(String county, String yyyymmdd) {
    var r = ThreadLocalRandom.current();
    while (true) {
      var id = IdNumber.complete(county + yyyymmdd + String.format("%03d", r.nextInt(1000)));
      if (ISSUED.add(id.value())) return id;
    }
  }

  /** A number of a man ({@code female} false) or a woman born on {@code yyyymmdd}: the 17th digit is odd for men. */
  public static IdNumber idNumberBorn(String county, String yyyymmdd, boolean female) {
    var r = ThreadLocalRandom.current();
    while (true) {
      int sequence = r.nextInt(500) * 2 + (female ? 0 : 1);
      var id = IdNumber.complete(county + yyyymmdd + String.format("%03d", sequence));
      if (ISSUED.add(id.value())) return id;
    }
  }
}
