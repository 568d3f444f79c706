package org.tongban.casework.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  Workflows(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** Starts the template's process for a case; returns the process instance id. */
  public String start(String template, String caseId, Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey("case-" + template, caseId, variables).getId();
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
