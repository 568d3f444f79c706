package org.tongban.insurance;

import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.BOOLEAN;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.INTEGER;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseId;
import org.tongban.casework.CaseQueries;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Field;
import org.tongban.exchange.spi.SharedRecord;
import org.tongban.exchange.spi.SharedResource;
import org.tongban.person.Residents;
import org.tongban.person.SharedPerson;
import tools.jackson.databind.json.JsonMapper;

/**
 * 参保缴费凭证 of a pension moved to a province outside the platform (国办发〔2009〕66号): the periods with their bases,
 * the account and the pooled fund that go with the person — for the national platform and, through it, the receiving
 * province's agency. Here, only the agency printed it. Conditional; the region is the deciding agency's.
 */
@Component
class SharedTransferStatements implements SharedResource<TransferredOut> {

  static final ResourceDescriptor DESCRIPTOR = new ResourceDescriptor("insurance.transfer-statements", "参保缴费凭证（跨省转出）",
      "Pension transfer statements (out of the province)", "hrss", ResourceDescriptor.Sharing.CONDITIONAL,
      "实时 (real time)", SharedPerson.withPerson(List.of(
          new Field("caseNumber", STRING, AGGREGATE, "转移办件编号", "Case number"),
          new Field("fromRegion", STRING, AGGREGATE, "转出地区划代码", "Region of the agency moving out"),
          new Field("toProvince", STRING, AGGREGATE, "转入省份代码", "Province moving to"),
          new Field("months", INTEGER, AGGREGATE, "缴费月数", "Months"),
          new Field("accountCents", INTEGER, AGGREGATE, "个人账户储存额（分）", "Individual account (fen)"),
          new Field("pooledCents", INTEGER, AGGREGATE, "统筹基金转移额（分）", "Pooled fund moved (fen)"),
          new Field("periods", STRING, AGGREGATE, "缴费期间及基数（JSON：from、to、baseCents）",
              "Periods and bases (JSON: from, to, baseCents)"),
          new Field("rule", STRING, AGGREGATE, "依据", "Rule"),
          new Field("generated", BOOLEAN, AGGREGATE, "是否为生成（演示）数据", "Generated (demo) data")), "", ""));

  private final Transfers transfers;
  private final CaseQueries cases;
  private final Residents residents;
  private final JsonMapper json;

  SharedTransferStatements(Transfers transfers, CaseQueries cases, Residents residents, JsonMapper json) {
    this.transfers = transfers;
    this.cases = cases;
    this.residents = residents;
    this.json = json;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Class<TransferredOut> event() {
    return TransferredOut.class;
  }

  @Override
  public Optional<SharedRecord> record(TransferredOut event) {
    return cases.find(new CaseId(event.caseId())).map(file -> {
      var statement = transfers.statementOf(event.caseId(), file.number());
      var person = residents.find(file.applicant());
      var f = new LinkedHashMap<String, Object>();
      f.put("caseNumber", statement.caseNumber());
      f.put("fromRegion", file.competentRegion().value());
      f.put("toProvince", statement.toProvince());
      f.put("months", statement.months());
      f.put("accountCents", statement.accountCents());
      f.put("pooledCents", statement.pooledCents());
      f.put("periods", json.writeValueAsString(statement.periods().stream()
          .map(p -> java.util.Map.of("from", p.from().toString(), "to", p.to().toString(), "baseCents", p.baseCents()))
          .toList()));
      f.put("rule", statement.basis());
      f.put("generated", file.generated() || person.map(r -> r.generated()).orElse(false));
      person.ifPresent(r -> SharedPerson.put(f, r));
      return new SharedRecord(event.caseId().toString(), file.competentRegion(), f);
    });
  }
}
