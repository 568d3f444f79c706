package org.tongban.facility.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.booking.BookableResource;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.facility.Facility;
import org.tongban.facility.FacilityDraft;
import org.tongban.facility.FacilityId;
import org.tongban.facility.FacilityQuery;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.FacilityStatus;
import org.tongban.facility.FacilityTransfers;
import org.tongban.facility.FeeRule;
import org.tongban.facility.ImportMode;
import org.tongban.facility.ImportReport;
import org.tongban.facility.Placement;
import org.tongban.facility.Placements;
import org.tongban.facility.TableFormat;
import org.tongban.facility.spi.FacilityType;
import org.tongban.identity.ResidentAccounts;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;
import tools.jackson.databind.JsonNode;

/** Facilities over JSON: anyone finds them; staff register, change, import and export; residents apply for places. */
@RestController
@RequestMapping("/api")
@Tag(name = "facilities", description = "设施：查找、登记、导入导出、名额申请 / Facilities: find, register, import, export, places")
class FacilityApi {

  /** Largest import body: 200,000 rows of Excel are about 12 MB. */
  static final long IMPORT_LIMIT = 64L * 1024 * 1024;

  private final FacilityRegistry registry;
  private final FacilityTransfers transfers;
  private final Placements placements;
  private final ResidentAccounts accounts;
  private final org.tongban.booking.BookableResources bookings;

  FacilityApi(FacilityRegistry registry, FacilityTransfers transfers, Placements placements, ResidentAccounts accounts,
              org.tongban.booking.BookableResources bookings) {
    this.registry = registry;
    this.transfers = transfers;
    this.placements = placements;
    this.accounts = accounts;
    this.bookings = bookings;
  }

  @GetMapping("/facilities/types")
  @Operation(summary = "Facility types with their attributes (public)")
  List<FacilityType> types() {
    return registry.types();
  }

  @GetMapping("/facilities")
  @Operation(summary = "Find open facilities (public); with lon/lat (WGS-84) nearest first within radiusKm")
  ResultPage<Facility> search(@RequestParam(required = false) @Nullable String type,
                              @RequestParam(required = false) @Nullable RegionCode within,
                              @RequestParam(required = false) @Nullable String text,
                              @RequestParam(defaultValue = "false") boolean free,
                              @RequestParam(required = false) @Nullable Double lon,
                              @RequestParam(required = false) @Nullable Double lat,
                              @RequestParam(defaultValue = "10") double radiusKm,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return registry.search(new FacilityQuery(type, within, text, free, point(lon, lat), radiusKm, null), page, size);
  }

  @GetMapping("/facilities/{id}")
  @Operation(summary = "One facility (public)")
  Facility view(@PathVariable UUID id) {
    return registry.view(new FacilityId(id));
  }

  @GetMapping("/facilities/{id}/resources")
  @Operation(summary = "The bookable resources of a facility (public)")
  List<BookableResource> resources(@PathVariable UUID id) {
    registry.view(new FacilityId(id));
    return bookings.resourcesOf(id);
  }

  record FacilityRequest(@NotBlank @Size(max = 60) String type, @NotNull @Size(max = 100) String name,
                         @NotNull @Size(max = 12) String region, @Nullable Double lon, @Nullable Double lat,
                         @Nullable @Size(max = 10) String crs, @Nullable @Size(max = 300) String hours,
                         @NotNull FeeRule fee, @Nullable BigDecimal feeYuan, @NotNull FacilityStatus status,
                         @NotNull LocalDate since, @Nullable @Size(max = 40) Map<String, @Nullable Object> attributes,
                         @Nullable @Size(max = 200) List<String> catchment) {

    FacilityDraft draft() {
      var text = new LinkedHashMap<String, String>();
      if (attributes != null) attributes.forEach((k, v) -> {
        if (v != null) text.put(k, v instanceof Boolean b ? (b ? "是" : "否") : String.valueOf(v));
      });
      return new FacilityDraft(type, name, region, lon, lat, crs, hours, fee, feeYuan, status, since, text,
          catchment == null ? List.of() : catchment);
    }
  }

  @PostMapping("/facilities")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register a facility in the caller's jurisdiction; every problem is listed at once")
  Facility register(@Valid @RequestBody FacilityRequest r) {
    return registry.register(r.draft());
  }

  @PutMapping("/facilities/{id}")
  @Operation(summary = "Change a facility; version is the one read (409 when someone changed it meanwhile)")
  Facility change(@PathVariable UUID id, @RequestParam int version, @Valid @RequestBody FacilityRequest r) {
    return registry.change(new FacilityId(id), r.draft(), version);
  }

  @PostMapping("/facilities/{id}/release")
  @Operation(summary = "Free one place (someone left)")
  Facility release(@PathVariable UUID id) {
    return registry.release(new FacilityId(id));
  }

  @GetMapping("/facilities/managed")
  @Operation(summary = "Facilities of the caller's jurisdiction, any status")
  ResultPage<Facility> managed(@RequestParam(required = false) @Nullable String type,
                               @RequestParam(required = false) @Nullable RegionCode within,
                               @RequestParam(required = false) @Nullable String text,
                               @RequestParam(required = false) @Nullable FacilityStatus status,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return registry.manage(new FacilityQuery(type, within, text, false, null, 0, status), page, size);
  }

  @GetMapping("/facilities/{id}/waiting-list")
  @Operation(summary = "The waiting list of a facility, in the order places are offered")
  ResultPage<Placement> waitingList(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
    return placements.waitingList(new FacilityId(id), page, size);
  }

  @PostMapping(path = "/facilities/import", consumes = {"text/csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
  @Operation(summary = "Import facilities from the body (.xlsx or UTF-8 CSV, at most 64 MiB and 250,000 rows)",
      description = "mode=ALL_OR_NOTHING (default) saves nothing when any row is invalid; VALID_ROWS saves the valid ones.")
  ImportReport importFacilities(HttpServletRequest request,
                                @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode) throws IOException {
    var format = request.getContentType().startsWith("text/csv") ? TableFormat.CSV : TableFormat.XLSX;
    return importStream(transfers, request.getInputStream(), format, mode);
  }

  /** Copies an upload to a temporary file of our own naming (never a path from the request) and imports it. */
  static ImportReport importStream(FacilityTransfers transfers, InputStream in, TableFormat format, ImportMode mode)
      throws IOException {
    var file = Files.createTempFile("tongban-import-", "." + format.extension());
    try {
      long copied = Files.copy(new LimitedStream(in, IMPORT_LIMIT), file, StandardCopyOption.REPLACE_EXISTING);
      if (copied == 0) throw new EmptyImport();
      return transfers.importFile(file, format, mode);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @GetMapping("/facilities/export")
  @Operation(summary = "Export the facilities of the caller's jurisdiction (.xlsx or CSV), streamed")
  void export(@RequestParam(defaultValue = "XLSX") TableFormat format,
              @RequestParam(required = false) @Nullable String type,
              @RequestParam(required = false) @Nullable RegionCode within, HttpServletResponse response)
      throws IOException {
    response.setContentType(format == TableFormat.CSV ? "text/csv;charset=UTF-8" : format.contentType());
    response.setHeader("Content-Disposition", "attachment; filename=\"facilities." + format.extension() + "\"");
    transfers.export(new FacilityQuery(type, within, null, false, null, 0, null), format, response.getOutputStream());
  }

  record PlaceRequest(@NotBlank @Size(max = 80) String item, @NotNull JsonNode form,
                      @Nullable @Size(max = 10) Set<String> priorities) {}

  @PostMapping("/facilities/{id}/placements")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Apply for a place (托位, 入园, 养老床位, 居家上门服务); idempotent with Idempotency-Key")
  Placement apply(@PathVariable UUID id, @Valid @RequestBody PlaceRequest r,
                  @RequestHeader(name = "Idempotency-Key", required = false) @Nullable @Size(max = 100) String key) {
    var person = accounts.currentPerson().orElseThrow(Placements.NotAResident::new);
    return placements.apply(new FacilityId(id), new NewApplication(r.item(), person, Channel.WEB, RegionBasis.RESIDENCE,
        null, r.form(), key, null), r.priorities() == null ? Set.of() : r.priorities());
  }

  @GetMapping("/placements/mine")
  @Operation(summary = "The signed-in resident's place applications")
  List<Placement> mine() {
    return placements.mine();
  }

  private static @Nullable GeoPoint point(@Nullable Double lon, @Nullable Double lat) {
    if (lon == null || lat == null) return null;
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) throw new FacilityRegistry.InvalidQuery();
    return new GeoPoint(lon, lat);
  }

  static final class EmptyImport extends Refusal {
    EmptyImport() {
      super("facility.import-format", 400);
    }
  }

  /** Stops reading past {@code limit} bytes with "too large" (the body limit of imports). */
  static final class LimitedStream extends java.io.FilterInputStream {
    private long left;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) throw new TooLarge();
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0 && (left -= n) < 0) throw new TooLarge();
      return n;
    }
  }

  static final class TooLarge extends Refusal {
    TooLarge() {
      super("facility.import-too-large", 413, org.tongban.facility.FacilityTransfers.MAX_ROWS);
    }
  }
}
