package org.tongban.health.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Component;
import org.tongban.identity.SmartLaunch;
import org.tongban.shared.PlatformSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a SMART app finds our authorization server: {@code /fhir/.well-known/smart-configuration} (SMART App Launch
 * 2.x, "Conformance") and the OAuth URIs in the capability statement's security (the 1.0 way, still read by many
 * apps). Both name the platform's own OpenID Connect provider; the scopes are the SMART v1 ones we grant.
 */
@Component
@Interceptor
class SmartConfiguration {

  static final String PATH = "/fhir/.well-known/smart-configuration";

  private final PlatformSettings settings;
  private final JsonMapper json;

  SmartConfiguration(PlatformSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
  }

  Map<String, Object> document() {
    String base = settings.base();
    var doc = new LinkedHashMap<String, Object>();
    doc.put("issuer", base);
    doc.put("jwks_uri", base + "/oauth2/jwks");
    doc.put("authorization_endpoint", base + "/oauth2/authorize");
    doc.put("token_endpoint", base + "/oauth2/token");
    doc.put("revocation_endpoint", base + "/oauth2/revoke");
    doc.put("introspection_endpoint", base + "/oauth2/introspect");
    doc.put("userinfo_endpoint", base + "/userinfo");
    doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "none"));
    doc.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
    doc.put("response_types_supported", List.of("code"));
    doc.put("code_challenge_methods_supported", List.of("S256"));
    doc.put("scopes_supported", List.of("openid", SmartLaunch.FHIR_USER, SmartLaunch.LAUNCH_PATIENT,
        SmartLaunch.PATIENT_READ, org.tongban.health.Clinics.READ, org.tongban.health.Clinics.WRITE));
    doc.put("capabilities", List.of("launch-standalone", "client-public", "client-confidential-symmetric",
        "context-standalone-patient", "permission-patient", "permission-v1", "sso-openid-connect"));
    return doc;
  }

  /** The well-known document, served beside HAPI's servlet (an exact mapping wins over its {@code /fhir/*}). */
  HttpServlet servlet() {
    return new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "max-age=3600");
        json.writeValue(response.getOutputStream(), document());
      }
    };
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void security(IBaseConformance statement) {
    var security = ((CapabilityStatement) statement).getRestFirstRep().getSecurity();
    security.setCors(false).addService().addCoding()
        .setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service").setCode("SMART-on-FHIR");
    security.setDescription("OAuth 2.0 / OpenID Connect：医疗卫生机构用 system/*.read|write（客户端凭证），居民授权的应用用"
        + " SMART App Launch（patient/*.read）。Clinics use client credentials; residents' apps use SMART App Launch.");
    var uris = new Extension("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
    uris.addExtension("authorize", new UriType(settings.base() + "/oauth2/authorize"));
    uris.addExtension("token", new UriType(settings.base() + "/oauth2/token"));
    uris.addExtension("revoke", new UriType(settings.base() + "/oauth2/revoke"));
    security.addExtension(uris);
  }
}
