package org.tongban.health.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The FHIR API's refusals, each an OperationOutcome whose diagnostics say it in Chinese and then English (a clinic's
 * clerk reads the first, a vendor's developer the second).
 */
final class FhirProblems {

  private FhirProblems() {}

  static String both(String zh, String en) {
    return zh + " / " + en;
  }

  static AuthenticationException unauthenticated() {
    return new AuthenticationException(both("需要本平台签发的访问令牌", "An access token issued by this platform is needed"));
  }

  static ForbiddenOperationException scope(String scope) {
    return new ForbiddenOperationException(both("访问令牌缺少权限范围 " + scope, "The access token lacks the scope " + scope));
  }

  static ForbiddenOperationException noPatientInContext() {
    return new ForbiddenOperationException(both("令牌没有患者上下文：该居民账号尚未关联居民身份",
        "The token has no patient in context: the resident's account is not linked to a registered person"));
  }

  static ForbiddenOperationException notAClinic() {
    return new ForbiddenOperationException(both("该系统未登记为医疗卫生机构，不能读写健康档案",
        "This system is not registered as a clinic and cannot read or write health records"));
  }

  static ForbiddenOperationException otherCounty(String county) {
    return new ForbiddenOperationException(both("患者不是本机构所在县（区，" + county + "）的居民，不能为其建档或查阅",
        "The patient is not a resident of the clinic's county (" + county + "): the clinic cannot write or read the record"));
  }

  static ResourceNotFoundException notFound(String what) {
    return new ResourceNotFoundException(both("未找到 " + what, what + " was not found"));
  }

  static UnprocessableEntityException unknownPatient(String reference) {
    return invalid(both("引用的患者不存在：" + reference + "（应为人口库中的 Patient/{id}，可先按身份证号查找）",
        "The patient referred to does not exist: " + reference + " (expected Patient/{id} of the registry; search"
            + " Patient by identifier first)"));
  }

  static UnprocessableEntityException future(String day) {
    return invalid(both("日期不能晚于今天：" + day, "The date cannot be after today: " + day));
  }

  static InvalidRequestException badRequest(String zh, String en) {
    return new InvalidRequestException(both(zh, en));
  }

  static ResourceVersionConflictException conflict(int current) {
    return new ResourceVersionConflictException(both("资源已被他人修改，当前版本为 " + current + "，请重新读取后再保存",
        "The resource was changed meanwhile (now version " + current + "): read it again before saving"));
  }

  static UnprocessableEntityException invalid(String diagnostics) {
    var outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.PROCESSING)
        .setDiagnostics(diagnostics);
    return new UnprocessableEntityException(FhirContext.forR4Cached(), outcome);
  }
}
