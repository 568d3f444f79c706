package org.tongban.catalogue.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.catalogue.ItemSpec;
import org.tongban.catalogue.ItemVersion;
import org.tongban.catalogue.LifeEvent;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;

/** The service catalogue over JSON: public reading and search; publishing for province-level officers. */
@RestController
@RequestMapping("/api/catalogue")
@Tag(name = "catalogue", description = "政务服务事项 / Service items and life events")
class CatalogueApi {

  private final ServiceCatalogue catalogue;

  CatalogueApi(ServiceCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/items")
  @Operation(summary = "Search items in Chinese (name, synonym, material, department), offered at a region")
  ResultPage<ItemVersion> search(@RequestParam(required = false) @Nullable String q,
                                 @RequestParam(required = false) @Nullable RegionCode region,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return catalogue.search(q, region, page, size);
  }

  @GetMapping("/items/{code}")
  ItemVersion current(@PathVariable String code) {
    return catalogue.currentOrRefuse(code);
  }

  @GetMapping("/items/{code}/versions")
  List<ItemVersion> versions(@PathVariable String code) {
    catalogue.currentOrRefuse(code);
    return catalogue.history(code);
  }

  @GetMapping("/items/{code}/versions/{version}")
  ItemVersion version(@PathVariable String code, @PathVariable int version) {
    return catalogue.version(code, version);
  }

  @PostMapping("/items")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Publish an item (a new version when it changed); every consistency problem is listed at once")
  ItemVersion publish(@RequestBody ItemSpec spec) {
    return catalogue.publish(spec);
  }

  @GetMapping("/life-events")
  List<LifeEvent> lifeEvents() {
    return catalogue.lifeEvents();
  }

  @GetMapping("/life-events/{code}")
  ServiceCatalogue.CombinedForm lifeEvent(@PathVariable String code) {
    return catalogue.combinedForm(catalogue.lifeEvent(code));
  }
}
