package org.tongban.casework.internal;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseId;
import org.tongban.casework.CaseStatus;
import org.tongban.casework.CaseStatusChanged;
import org.tongban.casework.CaseStep;
import org.tongban.organisation.OfficeId;
import org.tongban.person.PersonId;

/**
 * Keeps a case's row in step with its process: after a step completes, reads the open Flowable steps and writes the
 * status ({@link CaseStep}'s) and whose turn it is, and announces a change of status. The caller holds the row lock.
 */
@Component
public class CaseProgress {

  private final CaseFiles files;
  private final Workflows workflows;
  private final ProcessStarts starts;
  private final ApplicationEventPublisher events;

  CaseProgress(CaseFiles files, Workflows workflows, ProcessStarts starts, ApplicationEventPublisher events) {
    this.files = files;
    this.starts = starts;
    this.workflows = workflows;
    this.events = events;
  }

  /** The Flowable candidate group of a case's applicant (their supplement steps wait on it). */
  public static String applicantGroup(PersonId person) {
    return "person:" + person;
  }

  public CaseFile sync(CaseId id) {
    var steps = workflows.open(starts.processOf(id));
    var current = files.find(id).orElseThrow();
    CaseStatus status;
    OfficeId waitingOn = null;
    String waitingStep = null;
    if (steps.isEmpty()) {
      status = current.decision() == null && current.finishedAt() != null ? CaseStatus.NOT_ACCEPTED : CaseStatus.DELIVERED;
    } else {
      var step = steps.getFirst();
      status = CaseStep.of(step.key()).orElseThrow(() -> new IllegalStateException("Unknown step " + step.key()))
          .status();
      waitingStep = step.key();
      waitingOn = step.group() != null && !step.group().startsWith("person:") ? OfficeId.of(step.group()) : null;
    }
    var previous = files.moved(id, status, waitingOn, waitingStep);
    var after = files.find(id).orElseThrow();
    if (previous != status || after.version() == 1) {
      files.timelineStatus(id, status);
      announce(after);
    }
    return after;
  }

  /** Tells whoever listens (the applicant's notices) that the case's status changed. */
  public void announce(CaseFile c) {
    events.publishEvent(new CaseStatusChanged(c.id(), c.number(), c.applicant(), c.itemName(), c.status(),
        Instant.now()));
  }
}
