package org.tongban.health.internal;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * HAPI's instance validator, with its core validators kept for reuse. HAPI builds a new core
 * {@link InstanceValidator} for every resource, and each construction reads the OID registry (a 1.5 MB CSV) again —
 * 42 % of a validation's CPU in a profile. The core validator clears its per-resource state at the start of each
 * validation (the fetch cache, the resource tracker, the tracked messages), so one can serve many resources, one at a
 * time: idle ones wait in a queue, and each is dropped after {@link #USES} validations so what it keeps across
 * resources (canonical lookups, narrative maps) stays small. JSON without declared profiles only, which is what the
 * clinics send; anything else (XML, {@code meta.profile}) takes HAPI's own path. Set up like HAPI's own wrapper does
 * (ValidatorWrapper 8.8), and the same messages kept: FhirValidationReuseTests compares the two on valid and invalid
 * resources interleaved.
 */
final class ReusedInstanceValidator extends FhirInstanceValidator {

  static final int USES = 1_000;

  private record Pooled(InstanceValidator validator, int[] uses) {}

  private final ConcurrentLinkedQueue<Pooled> idle = new ConcurrentLinkedQueue<>();
  /** How many core validators were built (the reuse shows as far fewer than validations). */
  final java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();

  ReusedInstanceValidator(IValidationSupport support) {
    super(support);
  }

  @Override
  protected List<ValidationMessage> validate(IValidationContext<?> context) {
    String body = context.getResourceAsString();
    if (context.getResourceAsStringEncoding() != EncodingEnum.JSON || !context.getOptions().getProfiles().isEmpty()
        || body.contains("\"profile\"")) {
      return super.validate(context);
    }
    var pooled = idle.poll();
    if (pooled == null) pooled = new Pooled(build(), new int[1]);
    var messages = new ArrayList<ValidationMessage>();
    try {
      pooled.validator().validate(context.getOptions().getAppContext(), messages,
          new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Manager.FhirFormat.JSON, List.of());
    } catch (RuntimeException e) {
      pooled = null; // a validator that threw half-way is not reused
      throw e;
    } finally {
      if (pooled != null && ++pooled.uses()[0] < USES) idle.offer(pooled);
    }
    return messages.stream().filter(ReusedInstanceValidator::kept).toList();
  }

  /** The messages HAPI's wrapper drops: a binding without a source, the mime-types value set it does not have. */
  private static boolean kept(ValidationMessage m) {
    String id = m.getMessageId();
    if (id == null) return true;
    return !id.equals("Terminology_TX_Binding_NoSource")
        && !(id.equals("Terminology_TX_ValueSet_NotFound") && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"));
  }

  private InstanceValidator build() {
    built.incrementAndGet();
    var context = provideWorkerContext();
    var host = Objects.requireNonNullElseGet(getHostApplicationServices(), NullEvaluationContext::new);
    var v = new InstanceValidator(context, host, new XVerExtensionManagerOld(context), new ValidatorSession(),
        new ValidatorSettings());
    v.setAssumeValidRestReferences(isAssumeValidRestReferences());
    v.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
    v.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
    v.setResourceIdRule(org.hl7.fhir.r5.utils.validation.constants.IdStatus.OPTIONAL);
    v.setNoTerminologyChecks(isNoTerminologyChecks());
    v.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
    v.setUnknownCodeSystemsCauseErrors(true);
    v.getExtensionDomains().addAll(getExtensionDomains());
    v.setFetcher(getValidatorResourceFetcher());
    v.setPolicyAdvisor(getValidatorPolicyAdvisor());
    v.setNoExtensibleWarnings(isNoExtensibleWarnings());
    v.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
    v.setAllowExamples(isAllowExamples());
    v.setAllowXsiLocation(true);
    return v;
  }
}
