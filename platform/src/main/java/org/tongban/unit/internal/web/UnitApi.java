package org.tongban.unit.internal.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.ResultPage;
import org.tongban.unit.Agent;
import org.tongban.unit.AgentScope;
import org.tongban.unit.NewUnit;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.Units;

/** Units over HTTP: the public check of a credit code; registration and look-up for staff; agents for the unit. */
@RestController
@RequestMapping("/api")
class UnitApi {

  private final Units units;
  private final UnitAgents agents;
  private final RegionDirectory regions;
  private final MessageSource messages;

  UnitApi(Units units, UnitAgents agents, RegionDirectory regions, MessageSource messages) {
    this.units = units;
    this.agents = agents;
    this.regions = regions;
    this.messages = messages;
  }

  record CheckResponse(String code, boolean valid, @Nullable String reason, @Nullable String message,
                       @Nullable String region, @Nullable String regionName, boolean regionChecked) {}

  /** Whether a 统一社会信用代码 is valid, and if not which rule it breaks (public; nothing is looked up but divisions). */
  @GetMapping("/credit-codes/{code}")
  CheckResponse check(@PathVariable String code) {
    var c = units.check(code.length() > 40 ? code.substring(0, 40) : code);
    String message = c.reason() == null ? null : messages.getMessage("problem.unit.invalid-credit-code." + c.reason(),
        new Object[] {c.region() == null ? "" : c.region().value().substring(0, 6)}, LocaleContextHolder.getLocale());
    String name = c.region() != null && c.regionChecked() && c.valid() ? regions.fullName(c.region()) : null;
    return new CheckResponse(c.code(), c.valid(), c.reason(), message, c.region() == null ? null : c.region().value(),
        name, c.regionChecked());
  }

  record UnitResponse(String id, String creditCode, String name, String kind, String industry, String size,
                      String region, boolean generated) {
    static UnitResponse of(Unit u) {
      return new UnitResponse(u.id().toString(), u.creditCode().value(), u.name(), u.kind().name(), u.industry().code(),
          u.size().name(), u.region().value(), u.generated());
    }
  }

  @PostMapping("/units")
  @ResponseStatus(HttpStatus.CREATED)
  UnitResponse register(@RequestBody NewUnit input) {
    return UnitResponse.of(units.register(input));
  }

  @GetMapping("/units")
  ResultPage<UnitResponse> search(@RequestParam(required = false) @Nullable String q,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return units.search(q, page, size).map(UnitResponse::of);
  }

  @GetMapping("/units/{id}")
  UnitResponse one(@PathVariable UUID id) {
    return UnitResponse.of(units.view(id));
  }

  record AgentResponse(String id, String name, String idNumber, Set<AgentScope> scopes, LocalDate validUntil,
                       boolean active) {
    static AgentResponse of(Agent a) {
      return new AgentResponse(a.id().toString(), a.personName(), a.idNumberMasked(), a.scopes(), a.validUntil(),
          a.active());
    }
  }

  @GetMapping("/units/{id}/agents")
  List<AgentResponse> agents(@PathVariable UUID id) {
    return agents.agents(id).stream().map(AgentResponse::of).toList();
  }

  record GrantRequest(@NotBlank @Size(max = 18) String idNumber, @NotEmpty Set<AgentScope> scopes,
                      @NotNull LocalDate validUntil) {}

  /** The legal representative authorises an agent (经办人). */
  @PostMapping("/units/{id}/agents")
  @ResponseStatus(HttpStatus.CREATED)
  AgentResponse grant(@PathVariable UUID id, @Valid @RequestBody GrantRequest request) {
    return AgentResponse.of(agents.grant(id, request.idNumber(), request.scopes(), request.validUntil()));
  }

  @PostMapping("/units/{id}/agents/{agent}/revoke")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable UUID id, @PathVariable UUID agent) {
    agents.revoke(id, agent);
  }
}
