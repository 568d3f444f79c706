package org.tongban.casework.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseId;
import org.tongban.catalogue.ItemSpec;

/**
 * The outbox of case processes. Filing a case writes its row (status 预审, waiting on the receiving office, as every
 * template's first step has it) and queues its process here, in the filing's own short transaction; the Flowable
 * process is started a moment later by {@link ProcessStarter}, many at once, or at once by whoever acts on the case
 * first ({@link #processOf}). Both take the case row's lock and start only while the row has no process: no case
 * without its process, none started twice, and the status a resident sees is the row's from the first moment.
 */
@Component
public class ProcessStarts {

  /** 会签 / 或签 review seats. */
  private static final List<String> REVIEW_SEATS = List.of("业务科室", "法规科室");

  private final JdbcClient jdbc;
  private final CaseFiles files;
  private final Workflows workflows;

  ProcessStarts(JdbcClient jdbc, CaseFiles files, Workflows workflows) {
    this.jdbc = jdbc;
    this.files = files;
    this.workflows = workflows;
  }

  /** Queues the process of a case just filed, in the filing's transaction. */
  public void queue(CaseId id) {
    jdbc.sql("insert into casework.process_start (case_id) values (?)").param(id.value()).update();
  }

  /** The case's process; started now if the starter has not got to it yet. The caller holds the case row's lock. */
  public String processOf(CaseId id) {
    String process = files.processOf(id);
    if (process != null) return process;
    var c = files.find(id).orElseThrow();
    unqueue(new UUID[] {id.value()});
    return start(List.of(c)).get(c.id().toString());
  }

  /** Ends the case's process, or takes it off the queue if it has not started. The caller holds the row's lock. */
  public void end(CaseId id, String reason) {
    String process = files.processOf(id);
    if (process != null) {
      workflows.end(process, reason);
    } else {
      unqueue(new UUID[] {id.value()});
    }
  }

  /**
   * Starts the processes of up to {@code max} queued cases, oldest first, in the caller's transaction; cases another
   * node or an action holds are left to them. Answers how many it took and the cases whose first step is not the one
   * their row shows (none while every template begins with 预审), for the caller to bring in step.
   */
  public Batch startWaiting(int max) {
    var ids = jdbc.sql("select p.case_id from casework.process_start p join casework.case_file c on c.id = p.case_id"
            + " order by p.queued_at limit ? for update of c skip locked")
        .param(max).query(UUID.class).list();
    if (ids.isEmpty()) return new Batch(0, List.of());
    var locked = ids.toArray(UUID[]::new);
    var cases = files.withoutProcess(locked);
    // Every line taken goes; one whose case has its process already (none expected) is only removed.
    unqueue(locked);
    if (cases.isEmpty()) return new Batch(ids.size(), List.of());
    var started = start(cases);
    var first = workflows.firstStepKeys(List.copyOf(started.values()));
    var astray = new ArrayList<CaseId>();
    for (var c : cases) {
      if (!String.valueOf(c.waitingStep()).equals(first.get(started.get(c.id().toString())))) astray.add(c.id());
    }
    return new Batch(ids.size(), astray);
  }

  /** What {@link #startWaiting} did. */
  public record Batch(int taken, List<CaseId> astray) {}

  /** Starts the cases' processes (one Flowable command) and records them; the process id by case id. */
  private Map<String, String> start(List<CaseFile> cases) {
    var started = workflows.start(cases.stream().map(c -> new Workflows.Start(template(c), c.id().toString(),
        variables(c))).toList());
    var ids = cases.stream().map(c -> c.id().value()).toArray(UUID[]::new);
    files.startedProcesses(ids, cases.stream().map(c -> started.get(c.id().toString())).toArray(String[]::new));
    return started;
  }

  private void unqueue(UUID[] ids) {
    jdbc.sql("delete from casework.process_start where case_id = any(?)").param(ids).update();
  }

  /** What the template's steps are assigned by; only the variables a template uses. */
  private static Map<String, Object> variables(CaseFile c) {
    var variables = new HashMap<String, Object>();
    variables.put("receivedOffice", c.receivedBy().toString());
    variables.put("competentOffice", c.competentOffice().toString());
    variables.put("applicantGroup", CaseProgress.applicantGroup(c.applicant()));
    var workflow = ItemSpec.Workflow.valueOf(c.workflow());
    if (workflow == ItemSpec.Workflow.MULTI_LEVEL) {
      variables.put("townshipOffice", c.townshipOffice() == null ? "" : c.townshipOffice().toString());
    }
    if (workflow == ItemSpec.Workflow.COUNTERSIGN || workflow == ItemSpec.Workflow.ANY_SIGN) {
      variables.put("reviewSeats", REVIEW_SEATS);
    }
    return variables;
  }

  private static String template(CaseFile c) {
    return switch (ItemSpec.Workflow.valueOf(c.workflow())) {
      case IMMEDIATE -> "immediate";
      case PROMISED -> "promised";
      case MULTI_LEVEL -> "multi-level";
      case JOINT -> "joint";
      case COUNTERSIGN -> "countersign";
      case ANY_SIGN -> "any-sign";
    };
  }
}
