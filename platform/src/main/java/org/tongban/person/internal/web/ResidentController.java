package org.tongban.person.internal.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.person.NewResident;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.ResidentChange;
import org.tongban.person.ResidentQuery;
import org.tongban.person.Residents;
import org.tongban.person.Relative;
import org.tongban.person.Relatives;
import org.tongban.shared.Relation;
import org.tongban.shared.ResultPage;

/** The resident registry for staff. Every answer carries ID numbers and phones masked. */
@RestController
@RequestMapping("/api/residents")
class ResidentController {

  private final Residents residents;
  private final Relatives relatives;

  ResidentController(Residents residents, Relatives relatives) {
    this.residents = residents;
    this.relatives = relatives;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ResidentResponse register(@Valid @RequestBody NewResident input) {
    return ResidentResponse.of(residents.register(input));
  }

  @GetMapping
  ResultPage<ResidentResponse> search(@RequestParam(required = false) @Nullable String name,
                                      @RequestParam(required = false) @Nullable String idNumber,
                                      @RequestParam(required = false) @Nullable String region,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
    return residents.search(new ResidentQuery(name, idNumber, region), page, size).map(ResidentResponse::of);
  }

  @GetMapping("/{id}")
  ResidentResponse one(@PathVariable PersonId id) {
    return ResidentResponse.of(residents.view(id));
  }

  @PatchMapping("/{id}")
  ResidentResponse change(@PathVariable PersonId id, @Valid @RequestBody ResidentChange change) {
    return ResidentResponse.of(residents.change(id, change));
  }

  /** The full ID number, for holders of person:unmask, with a reason; audited. */
  @PostMapping("/{id}/id-number")
  RevealResponse reveal(@PathVariable PersonId id, @Valid @RequestBody RevealRequest request) {
    return new RevealResponse(residents.revealIdNumber(id, request.reason()));
  }

  /** The resident's children, parents and spouse as the registry records them (masked). */
  @GetMapping("/{id}/relatives")
  java.util.List<RelativeResponse> relatives(@PathVariable PersonId id) {
    return relatives.view(id).stream().map(RelativeResponse::of).toList();
  }

  /** Records a relation from the household registry (户口簿), both ways; audited. */
  @PostMapping("/{id}/relatives")
  @ResponseStatus(HttpStatus.CREATED)
  RelativeResponse recordRelative(@PathVariable PersonId id, @Valid @RequestBody RelativeRequest request) {
    return RelativeResponse.of(relatives.record(id, request.idNumber(), request.relation()));
  }

  record RelativeRequest(@NotBlank @Size(max = 18) String idNumber, @jakarta.validation.constraints.NotNull Relation relation) {}

  record RelativeResponse(String id, String name, String idNumber, String birthDate, String relation, boolean generated) {
    static RelativeResponse of(Relative r) {
      return new RelativeResponse(r.person().id().toString(), r.person().name(), r.person().idNumberMasked(),
          r.person().birthDate().toString(), r.relation().name(), r.person().generated());
    }
  }

  record RevealRequest(@NotBlank @Size(min = 4, max = 200) String reason) {}

  record RevealResponse(String idNumber) {}

  record ResidentResponse(String id, String name, String idNumber, String birthDate, String sex,
                          @Nullable String phone, String householdRegion, String residenceRegion, boolean generated,
                          int version) {
    static ResidentResponse of(Resident r) {
      return new ResidentResponse(r.id().toString(), r.name(), r.idNumberMasked(), r.birthDate().toString(),
          r.sex().name(), r.phoneMasked(), r.householdRegion().value(), r.residenceRegion().value(), r.generated(),
          r.version());
    }
  }
}
