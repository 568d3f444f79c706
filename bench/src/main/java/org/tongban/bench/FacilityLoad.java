package org.tongban.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.booking.BookableResources;
import org.tongban.booking.NewResource;
import org.tongban.booking.OpeningHours;
import org.tongban.facility.FacilityQuery;
import org.tongban.facility.FacilityTransfers;
import org.tongban.facility.GeneratedFacilities;
import org.tongban.facility.ImportMode;
import org.tongban.facility.TableFormat;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.identity.internal.StaffUser;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.RegionCode;

/**
 * Prepares and runs the facility benchmarks (bench/facilities.sh), against the PostgreSQL server in
 * {@code SPRING_DATASOURCE_URL}:
 * <ul>
 *   <li>{@code prepare <scale> <residents> <password> <dir>}: generated facilities (scale 5.5 ≈ 200,000), resident
 *   accounts for the virtual users, one hot bookable slot and 10,000 spread slots, the search queries, and an
 *   export of every facility to {@code dir/facilities.xlsx} (timed);</li>
 *   <li>{@code import <file>}: imports that file again, streamed, and reports time and peak heap.</li>
 * </ul>
 */
public final class FacilityLoad {

  private FacilityLoad() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "prepare" -> prepare(Double.parseDouble(args[1]), Integer.parseInt(args[2]), args[3], Path.of(args[4]));
      case "import" -> importFile(Path.of(args[1]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static void signInAsEverywhereClerk() {
    var clerk = new StaffUser("bench-setup", "{noop}unused", true, List.of(new SimpleGrantedAuthority("ROLE_STAFF")),
        Set.of(new Scope(null, Scope.ANY_DEPARTMENT, Purpose.CAPTURE)), null, "bench-setup");
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(clerk, null, clerk.getAuthorities()));
  }

  static void prepare(double scale, int residentAccounts, String password, Path dir) throws Exception {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      signInAsEverywhereClerk();
      var jdbc = context.getBean(JdbcClient.class);
      long existing = jdbc.sql("select count(*) from facility.facility").query(Long.class).single();
      if (existing < 100_000) {
        long t0 = System.nanoTime();
        long n = context.getBean(GeneratedFacilities.class).generate(scale, 2020);
        jdbc.sql("analyze facility.facility").update();
        System.out.printf("RESULT generated %d facilities (scale %.1f) in %.1f s%n", n, scale, (System.nanoTime() - t0) / 1e9);
      }
      long facilities = jdbc.sql("select count(*) from facility.facility").query(Long.class).single();
      // Virtual residents of 和平区 with accounts.
      var residents = context.getBean(Residents.class);
      var secrets = context.getBean(ResidentSecrets.class);
      String hash = context.getBean(PasswordEncoder.class).encode(password);
      String village = jdbc.sql("select code from region.region where code like '210102%' and level = 5 order by code limit 1")
          .query(String.class).single();
      var users = new ArrayList<String>(List.of("user"));
      for (int i = 0; i < residentAccounts; i++) {
        String phone = String.format("1391%07d", i);
        if (!secrets.hasAccount(new PhoneNumber(phone))) {
          var id = IdNumber.complete("210102" + String.format("1980%02d%02d", 1 + i % 12, 1 + i % 28) + String.format("%03d", i % 1000));
          int k = i;
          var person = residents.lookup(id).orElseGet(() -> residents.register(new NewResident("预约压测居民" + k + "（生成）",
              id.value(), null, village, village)));
          jdbc.sql("update person.person set generated = true where id = ?").param(person.id().value()).update();
          secrets.openAccount(new PhoneNumber(phone), person.name(), id, person.id().value(), hash, null);
        }
        users.add(phone);
      }
      Files.write(dir.resolve("users.csv"), users);
      // One hot slot (200 places, the day after tomorrow) and 100 resources × 100 slots = 10,000 spread slots.
      var bookings = context.getBean(BookableResources.class);
      var heping = RegionCode.of("210102");
      var day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
      var all = EnumSet.allOf(DayOfWeek.class);
      var hot = bookings.open(new NewResource("压测热门时段（生成）", "venue.court", heping, "sports", null, 200, 0, 1, 0));
      bookings.openSlots(hot.id(), day, 1, new OpeningHours(all, LocalTime.of(10, 0), LocalTime.of(11, 0), 60, LocalTime.of(11, 0)));
      Files.writeString(dir.resolve("hot-slot.txt"), bookings.slots(hot.id(), day).getFirst().id().toString());
      var spread = new ArrayList<String>(List.of("slot"));
      for (int r = 0; r < 100; r++) {
        var court = bookings.open(new NewResource("压测场地" + r + "（生成）", "venue.court", heping, "sports", null, 20, 0,
            1, 0));
        bookings.openSlots(court.id(), day, 10, new OpeningHours(all, LocalTime.of(8, 0), LocalTime.of(18, 0), 60,
            LocalTime.of(18, 0)));
        for (int d = 0; d < 10; d++) bookings.slots(court.id(), day.plusDays(d)).forEach(s -> spread.add(s.id().toString()));
      }
      Files.write(dir.resolve("slots.csv"), spread);
      // Search queries: a county and a type, sometimes free places only, sometimes "near" a real facility.
      var queries = new ArrayList<String>(List.of("within,type,free,lon,lat"));
      jdbc.sql("select substr(region_code, 1, 6), type, lon, lat from facility.facility tablesample system (1)"
              + " where lon is not null limit 2000")
          .query((rs, i) -> rs.getString(1) + "," + rs.getString(2) + "," + (i % 2 == 0) + "," + rs.getDouble(3) + ","
              + rs.getDouble(4))
          .list().forEach(queries::add);
      Files.write(dir.resolve("search.csv"), queries);
      // The export of everything, as a department would send it round for checking.
      long t0 = System.nanoTime();
      try (OutputStream out = Files.newOutputStream(dir.resolve("facilities.xlsx"))) {
        context.getBean(FacilityTransfers.class).export(new FacilityQuery(null, null, null, false, null, 0, null),
            TableFormat.XLSX, out);
      }
      System.out.printf("RESULT exported %d facilities to .xlsx (%.1f MB) in %.1f s%n", facilities,
          Files.size(dir.resolve("facilities.xlsx")) / 1e6, (System.nanoTime() - t0) / 1e9);
      System.out.printf("RESULT prepared: %d facilities, %d resident virtual users, 1 hot slot, %d spread slots%n",
          facilities, residentAccounts, spread.size() - 1);
    }
  }

  static void importFile(Path file) {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      signInAsEverywhereClerk();
      System.gc();
      long baseline = heapUsed();
      var pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      long t0 = System.nanoTime();
      var report = context.getBean(FacilityTransfers.class).importFile(file, TableFormat.XLSX, ImportMode.ALL_OR_NOTHING);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      System.out.printf("RESULT imported %d of %d rows (%d problems, committed %s) in %.1f s = %.0f rows/s;"
              + " heap %d MiB before, peak %d MiB during (-Xmx %d MiB)%n", report.imported(), report.rows(),
          report.problemCount(), report.committed(), seconds, report.rows() / seconds, baseline >> 20, peak >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
