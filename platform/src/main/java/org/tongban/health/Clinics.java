package org.tongban.health;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;

/**
 * Clinics that keep residents' records through the FHIR API. An administrator registers an OIDC client of the platform
 * (client credentials, with the {@code system/*.write} and {@code system/*.read} scopes) as a clinic of a kind at a
 * region of the administrator's jurisdiction and the health department; the clinic then writes and reads the records
 * of its county's residents.
 */
@Service
@Transactional(readOnly = true)
public class Clinics {

  public static final String DEPARTMENT = "health";
  public static final String WRITE = "system/*.write";
  public static final String READ = "system/*.read";

  private final JdbcClient jdbc;
  private final RegisteredClientRepository clients;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;

  Clinics(JdbcClient jdbc, RegisteredClientRepository clients, RegionDirectory regions, Jurisdiction jurisdiction,
          Callers callers, AuditTrail audit) {
    this.jdbc = jdbc;
    this.clients = clients;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  @Transactional
  public Clinic register(@Nullable String clientId, @Nullable String name, @Nullable ClinicKind kind,
                         @Nullable String region) {
    if (!callers.current().has("ADMIN")) throw new HealthRefusals.NotFound("clinic");
    var client = clientId == null ? null : clients.findByClientId(clientId);
    if (client == null || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)
        || !client.getScopes().contains(WRITE) || !client.getScopes().contains(READ)) {
      throw new HealthRefusals.Invalid("clientId");
    }
    if (name == null || name.isBlank() || name.length() > 100) throw new HealthRefusals.Invalid("name");
    if (kind == null) throw new HealthRefusals.Invalid("kind");
    RegionCode at;
    try {
      at = RegionCode.of(region == null ? "" : region);
    } catch (RegionCode.InvalidRegionCode e) {
      throw new HealthRefusals.Invalid("region");
    }
    if (!regions.exists(at)) throw new HealthRefusals.Invalid("region");
    jurisdiction.require(at, DEPARTMENT, Purpose.CAPTURE, "clinic");
    int n = jdbc.sql("insert into health.clinic (client_id, name, kind, region_code, registered_by) values (?, ?, ?, ?, ?)"
            + " on conflict do nothing")
        .params(clientId, name.strip(), kind.name(), at.value(), callers.current().name()).update();
    if (n != 1) throw new HealthRefusals.Invalid("duplicate");
    audit.record("health.clinic-registered", "client", clientId, at, Map.of("kind", kind.name(), "name", name.strip()));
    return find(clientId).orElseThrow();
  }

  /** The clinic an OIDC client is registered as, if any. */
  public Optional<Clinic> find(String clientId) {
    return jdbc.sql("select client_id, name, kind, region_code, generated from health.clinic where client_id = ?")
        .param(clientId)
        .query((rs, i) -> new Clinic(rs.getString(1), rs.getString(2), ClinicKind.valueOf(rs.getString(3)),
            RegionCode.of(rs.getString(4)), rs.getBoolean(5)))
        .optional();
  }

  /** The clinics of the staff member's jurisdiction (health department), by region and name. */
  public List<Clinic> list() {
    var filter = jurisdiction.filter(Purpose.VIEW, DEPARTMENT);
    if (filter.isEmpty()) return List.of();
    return jdbc.sql("select client_id, name, kind, region_code, generated from health.clinic where region_code like any(?)"
            + " order by region_code, name limit 500")
        .param(filter.patterns())
        .query((rs, i) -> new Clinic(rs.getString(1), rs.getString(2), ClinicKind.valueOf(rs.getString(3)),
            RegionCode.of(rs.getString(4)), rs.getBoolean(5)))
        .list();
  }
}
