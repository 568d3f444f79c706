package org.tongban.exchange.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.exchange.ApiKeys;
import org.tongban.exchange.OpenData;

/** 开放数据目录: the open datasets (public, rate-limited) and the API keys of heavy users (administrators). */
@RestController
class OpenDatasetApi {

  private final OpenData open;
  private final ApiKeys keys;

  OpenDatasetApi(OpenData open, ApiKeys keys) {
    this.open = open;
    this.keys = keys;
  }

  @GetMapping("/api/open/datasets")
  List<OpenData.Dataset> catalogue() {
    return open.catalogue();
  }

  @GetMapping("/api/open/datasets/{code}")
  OpenData.Dataset dataset(@PathVariable String code) {
    return open.dataset(code);
  }

  @GetMapping("/api/open/datasets/{code}/data")
  List<Map<String, Object>> json(@PathVariable String code, @RequestParam Map<String, String> parameters) {
    return open.rows(code, parameters);
  }

  @GetMapping("/api/open/datasets/{code}/data.csv")
  void csv(@PathVariable String code, @RequestParam Map<String, String> parameters, HttpServletResponse response)
      throws IOException {
    var dataset = open.dataset(code);
    var rows = open.rows(code, parameters);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + dataset.descriptor().code() + ".csv\"");
    var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    try (var csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
      var header = new java.util.ArrayList<String>();
      dataset.descriptor().columns().forEach(c -> header.add(c.name()));
      header.add("suppressed");
      csv.printRecord(header);
      for (var row : rows) csv.printRecord(header.stream().map(row::get).toList());
    }
  }

  record NewKey(@Nullable String name, @Nullable String contact, @Nullable Integer perMinute) {}

  @PostMapping("/api/open-keys")
  @ResponseStatus(HttpStatus.CREATED)
  ApiKeys.Issued issue(@RequestBody NewKey k) {
    return keys.issue(k.name(), k.contact(), k.perMinute());
  }

  @GetMapping("/api/open-keys")
  List<ApiKeys.Key> keys() {
    return keys.list();
  }

  @PostMapping("/api/open-keys/{id}/revocation")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable UUID id) {
    keys.revoke(id);
  }
}
