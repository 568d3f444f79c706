package org.tongban.insurance.internal.web;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
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
import org.tongban.insurance.BankFiles;
import org.tongban.insurance.PaymentRuns;

/**
 * 按时足额发放 over HTTP for the agency: the month's payment run (or its resumption), the bank file, the bank's return
 * file, and the payments failed or held. Each within the officer's jurisdiction; a file is settled by whoever exported it.
 */
@RestController
@RequestMapping("/api/insurance")
class PaymentApi {

  private final PaymentRuns runs;
  private final BankFiles files;

  PaymentApi(PaymentRuns runs, BankFiles files) {
    this.runs = runs;
    this.files = files;
  }

  record MonthRequest(@Nullable YearMonth month) {}

  @PostMapping("/payment-runs")
  @ResponseStatus(HttpStatus.CREATED)
  PaymentRuns.Run run(@RequestBody MonthRequest request) {
    return runs.run(request.month());
  }

  /** The bank file of the month's unsent payments (layout in docs/bank-file.md). */
  @PostMapping("/bank-files")
  @ResponseStatus(HttpStatus.CREATED)
  BankFiles.Exported export(@RequestBody MonthRequest request) {
    return files.export(request.month());
  }

  record ReturnRequest(@Nullable String content) {}

  @PostMapping("/bank-files/{id}/return")
  BankFiles.Returned settle(@PathVariable UUID id, @RequestBody ReturnRequest request) {
    return files.settle(id, request.content());
  }

  @GetMapping("/payment-problems")
  List<BankFiles.Problem> problems(@RequestParam(defaultValue = "200") int limit) {
    return files.problems(limit);
  }
}
