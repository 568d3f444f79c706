package org.tongban.health.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read a clinic makes most — a patient's resources of one type, perhaps of one code
 * ({@code GET /fhir/Observation?patient=Patient/…[&code=…]}) — answered from the stored JSON without HAPI parsing
 * and re-encoding every resource (70 % of such a read's CPU in a profile): the searchset Bundle is put together around
 * the stored resources, which HAPI itself encoded when they were written. The same checks and the same access-log
 * entry as the provider's search ({@link ClinicalProvider#find}); the same Bundle (StoredSearchTests compares the
 * two). Anything else — a date range, {@code _summary}, {@code _elements}, XML, pretty printing, a caller the provider
 * would refuse — goes on to HAPI's own handling.
 */
@Component
@Interceptor
class StoredSearch {

  private final ResourceStore store;
  private final FhirCaller callers;
  private final AccessLog log;
  private final HealthSettings settings;
  private final JsonMapper json;

  StoredSearch(ResourceStore store, FhirCaller callers, AccessLog log, HealthSettings settings, JsonMapper json) {
    this.store = store;
    this.callers = callers;
    this.log = log;
    this.settings = settings;
    this.json = json;
  }

  /** Returns false when it answered the request itself (HAPI then stops), true to let HAPI handle it. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean search(RequestDetails request, HttpServletResponse response) throws IOException {
    if (request.getRequestType() != RequestTypeEnum.GET || request.getId() != null || request.getOperation() != null) {
      return true;
    }
    var clinical = ClinicalKind.ALL.stream().filter(k -> k.name().equals(request.getResourceName())).findFirst();
    if (clinical.isEmpty()) return true; // Patient, metadata …: HAPI's
    var kind = clinical.get();
    var params = request.getParameters();
    for (String name : params.keySet()) {
      if (!name.equals("patient") && !name.equals(kind.codeParam())) return true;
    }
    String patientParam = single(params.get("patient"));
    String codeParam = single(params.get(kind.codeParam()));
    if (patientParam == null || (params.containsKey(kind.codeParam()) && codeParam == null) || !wantsJson(request)) {
      return true;
    }
    UUID person = patient(patientParam);
    if (person == null) return true; // the provider says what is wrong with it
    FhirCaller.Reader reader;
    try {
      reader = callers.reader();
    } catch (BaseServerResponseException refused) {
      return true; // the provider refuses it in its own words
    }
    List<ResourceStore.Stored> found = List.of();
    if (callers.mayRead(reader, person)) {
      found = store.search(kind.name(), person, null, null, codeParam == null ? null : token(codeParam),
          settings.pageSize());
      log.record(List.of(person), AccessLog.Action.SEARCH, kind.name() + "?patient=" + person, reader.actor());
    }
    write(request, response, kind.name(), found);
    return false;
  }

  private void write(RequestDetails request, HttpServletResponse response, String type,
                     List<ResourceStore.Stored> found) throws IOException {
    String base = request.getFhirServerBase();
    var out = new StringBuilder(256 + found.size() * 1024);
    out.append("{\"resourceType\":\"Bundle\",\"id\":\"").append(UUID.randomUUID())
        .append("\",\"meta\":{\"lastUpdated\":\"").append(Instant.now()).append("\"},\"type\":\"searchset\",")
        .append("\"total\":").append(found.size()).append(",\"link\":[{\"relation\":\"self\",\"url\":")
        .append(json.writeValueAsString(request.getCompleteUrl())).append("}]");
    if (!found.isEmpty()) {
      out.append(",\"entry\":[");
      for (int i = 0; i < found.size(); i++) {
        var s = found.get(i);
        if (i > 0) out.append(',');
        out.append("{\"fullUrl\":").append(json.writeValueAsString(base + "/" + type + "/" + s.id()))
            .append(",\"resource\":").append(s.json()).append("}");
      }
      out.append(']');
    }
    out.append('}');
    byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType("application/fhir+json;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static boolean wantsJson(RequestDetails request) {
    String accept = request.getHeader("Accept");
    return accept == null || accept.isBlank() || accept.contains("json") || accept.trim().equals("*/*");
  }

  private static @Nullable String single(String @Nullable [] values) {
    return values == null || values.length != 1 || values[0].isBlank() || values[0].contains(",") ? null : values[0];
  }

  private static @Nullable UUID patient(String reference) {
    try {
      return UUID.fromString(reference.startsWith("Patient/") ? reference.substring("Patient/".length()) : reference);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A token as FHIR writes it: {@code system|code}, {@code |code} (no system) or {@code code} (any system). */
  private static String token(String value) {
    int bar = value.indexOf('|');
    if (bar < 0) return ClinicalKind.token(null, value);
    return ClinicalKind.token(value.substring(0, bar), value.substring(bar + 1));
  }
}
