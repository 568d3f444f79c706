package org.tongban.insurance.internal.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.insurance.Declarations;
import org.tongban.insurance.Enrolment;
import org.tongban.insurance.Enrolments;
import org.tongban.insurance.InsuranceRefusals;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;

/**
 * A unit's social insurance over HTTP, for the people acting for it (the unit chosen in 我的单位, with the apply scope):
 * its insured employees, 增员 and 减员 by ID number, the monthly wage declaration, and paying a month. Nothing here
 * takes an id: every request is about the acting unit's own staff.
 */
@RestController
@RequestMapping("/api/insurance/unit")
class UnitInsuranceApi {

  private final Enrolments enrolments;
  private final Declarations declarations;
  private final Residents residents;

  UnitInsuranceApi(Enrolments enrolments, Declarations declarations, Residents residents) {
    this.enrolments = enrolments;
    this.declarations = declarations;
    this.residents = residents;
  }

  @GetMapping("/enrolments")
  List<Enrolment> employees() {
    return enrolments.ofActingUnit(true);
  }

  record EnrolRequest(@Nullable String idNumber, @Nullable Set<String> insurances, @Nullable YearMonth from) {}

  /** 增员: an employee enrolled in the chosen employees' insurances from a month. */
  @PostMapping("/enrolments")
  @ResponseStatus(HttpStatus.CREATED)
  List<Enrolment> enrol(@RequestBody EnrolRequest request) {
    return enrolments.enrolEmployee(request.idNumber(), MyInsuranceApi.parse(request.insurances()), request.from());
  }

  record SeparationRequest(@Nullable String idNumber, @Nullable YearMonth lastMonth,
                           Enrolments.@Nullable EndReason reason) {}

  /** 减员: the employee's insurances with the unit end after a month, with why. */
  @PostMapping("/separations")
  List<Enrolment> separate(@RequestBody SeparationRequest request) {
    var person = lookup(request.idNumber());
    return enrolments.endEmployment(person.value(), request.lastMonth(), request.reason());
  }

  record DeclarationRequest(@Nullable YearMonth month, @Nullable List<Declarations.Line> lines) {}

  @PostMapping("/declarations")
  @ResponseStatus(HttpStatus.CREATED)
  Declarations.Declared declare(@RequestBody DeclarationRequest request) {
    return declarations.declare(request.month(), request.lines() == null ? List.of() : request.lines());
  }

  record PaymentRequest(@Nullable YearMonth month) {}

  @PostMapping("/payments")
  @ResponseStatus(HttpStatus.CREATED)
  Declarations.Paid pay(@RequestBody PaymentRequest request) {
    return declarations.pay(request.month());
  }

  /** The person with the ID number; "not enrolled" for unknown numbers too, so a unit learns nothing of strangers. */
  private PersonId lookup(@Nullable String idNumber) {
    try {
      return residents.lookup(new IdNumber(idNumber == null ? "" : idNumber.strip().toUpperCase()))
          .map(r -> r.id()).orElseThrow(() -> new InsuranceRefusals.NotEnrolled("employee"));
    } catch (IdNumber.InvalidIdNumber e) {
      throw new InsuranceRefusals.NotEnrolled("employee");
    }
  }
}
