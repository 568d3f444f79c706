package org.tongban.identity;

import java.util.Optional;

/**
 * SMART App Launch (HL7 SMART on FHIR, v1 scopes) on this platform's OpenID Connect provider: the scopes a resident's
 * health app may be granted, and the launch context the provider hands it. A token granted {@link #PATIENT_READ} for a
 * resident carries the {@link #PATIENT_CLAIM} claim, her registry id; the token response carries it as the
 * {@code patient} parameter the app reads. The FHIR server ({@code health}) lets such a token read that patient only.
 */
public interface SmartLaunch {

  /** Standalone launch asking for a patient in context (the signed-in resident herself). */
  String LAUNCH_PATIENT = "launch/patient";
  /** Read every resource type of the patient in context. */
  String PATIENT_READ = "patient/*.read";
  /** The ID token names the FHIR resource of the signed-in person ({@code fhirUser}). */
  String FHIR_USER = "fhirUser";
  /** Access-token claim and token-response parameter: the patient in context. */
  String PATIENT_CLAIM = "patient";
  /** The FHIR server's base path under the platform's public address (the {@code aud} an app must ask for). */
  String FHIR_PATH = "/fhir";

  /** The name a registered client (an app, a clinic's system) was registered under, for residents to read. */
  Optional<String> clientName(String clientId);
}
