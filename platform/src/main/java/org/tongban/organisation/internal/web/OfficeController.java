package org.tongban.organisation.internal.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.organisation.Department;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeDraft;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;

/** Departments and offices for staff, within their jurisdiction. */
@RestController
@RequestMapping("/api")
class OfficeController {

  private final OrganisationDirectory organisation;

  OfficeController(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  @GetMapping("/departments")
  List<Department> departments() {
    return organisation.departments();
  }

  @GetMapping("/offices")
  ResultPage<Office> search(@RequestParam(required = false) @Nullable String region,
                            @RequestParam(required = false) @Nullable String department,
                            @RequestParam(required = false) @Nullable String q,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return organisation.search(region == null ? null : RegionCode.of(region), department, q, page, size);
  }

  @GetMapping("/offices/{id}")
  Office one(@PathVariable OfficeId id) {
    return organisation.view(id);
  }

  @PostMapping("/offices")
  @ResponseStatus(HttpStatus.CREATED)
  Office open(@Valid @RequestBody OfficeDraft draft) {
    return organisation.open(draft);
  }

  @PutMapping("/offices/{id}")
  Office update(@PathVariable OfficeId id, @Valid @RequestBody OfficeUpdate update) {
    return organisation.update(id, update.version(), update.name(), update.address(), update.phone());
  }

  record OfficeUpdate(@Min(0) int version, @NotBlank @Size(max = 100) String name,
                      @Nullable @Size(max = 200) String address, @Nullable @Size(max = 30) String phone) {}
}
