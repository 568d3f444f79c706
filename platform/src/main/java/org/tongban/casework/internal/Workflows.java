package org.tongban.casework.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The casework module's only door into Flowable: start a case's process, find the step waiting on an
 * office, complete it with an outcome, hand a step to another office, and end a process early (撤回).
 * Process templates live in {@code classpath:processes/case-*.bpmn20.xml}.
 */
@Component
public class Workflows {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final ManagementService management;

  Workflows(RuntimeService runtime, TaskService tasks, RepositoryService repository, ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.repository = repository;
    this.management = management;
  }

  /** A process to start: the template, the case id as business key, the variables its steps are assigned by. */
  public record Start(String template, String caseId, Map<String, Object> variables) {}

  /**
   * Starts the processes in one Flowable command, so that their rows go to the database in one flush (one multi-row
   * insert per table) rather than one flush per process; answers the process instance id by case id. Runs in the
   * caller's transaction.
   */
  public Map<String, String> start(List<Start> starts) {
    return management.executeCommand((Command<Map<String, String>>) context -> {
      var definitions = new HashMap<String, String>();
      var started = new LinkedHashMap<String, String>();
      for (Start s : starts) {
        String definition = definitions.computeIfAbsent(s.template(), t -> repository.createProcessDefinitionQuery()
            .processDefinitionKey("case-" + t).latestVersion().singleResult().getId());
        started.put(s.caseId(), runtime.createProcessInstanceBuilder().processDefinitionId(definition)
            .businessKey(s.caseId()).variables(s.variables()).start().getId());
      }
      return started;
    });
  }

  /** The first open step of each process, by process instance id (one query). */
  public Map<String, String> firstStepKeys(List<String> processInstances) {
    var first = new HashMap<String, String>();
    if (processInstances.isEmpty()) return first;
    for (Task t : tasks.createTaskQuery().processInstanceIdIn(processInstances).orderByTaskCreateTime().asc().list()) {
      first.putIfAbsent(t.getProcessInstanceId(), t.getTaskDefinitionKey());
    }
    return first;
  }

  /** A step open now: its key (preReview, accept …) and the office (or applicant group) it waits on. */
  public record Step(String taskId, String key, String name, @Nullable String group) {}

  public List<Step> open(String processInstance) {
    return tasks.createTaskQuery().processInstanceId(processInstance).orderByTaskCreateTime().asc().list().stream()
        .map(t -> new Step(t.getId(), t.getTaskDefinitionKey(), t.getName(), group(t))).toList();
  }

  /** The first open step waiting on {@code group}, if any. */
  public Optional<Step> waitingOn(String processInstance, String group) {
    return open(processInstance).stream().filter(s -> group.equals(s.group())).findFirst();
  }

  public void complete(Step step, String outcome) {
    tasks.complete(step.taskId(), Map.of("outcome", outcome));
  }

  /**
   * 转办: the open steps waiting on {@code from} go to {@code to}, and so do the competent office's later steps (the
   * process variable the templates assign them by).
   */
  public void reassign(String processInstance, String from, String to) {
    runtime.setVariable(processInstance, "competentOffice", to);
    for (Step s : open(processInstance)) {
      if (from.equals(s.group())) {
        tasks.deleteCandidateGroup(s.taskId(), from);
        tasks.addCandidateGroup(s.taskId(), to);
      }
    }
  }

  public void end(String processInstance, String reason) {
    runtime.deleteProcessInstance(processInstance, reason);
  }

  private @Nullable String group(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).findFirst().orElse(null);
  }
}
