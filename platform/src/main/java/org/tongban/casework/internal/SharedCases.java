package org.tongban.casework.internal;

import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.PERSONAL;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.BOOLEAN;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.DATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.DATE_TIME;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongban.casework.CaseStatusChanged;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Field;
import org.tongban.exchange.spi.SharedRecord;
import org.tongban.exchange.spi.SharedResource;
import org.tongban.person.Residents;

/**
 * 办件状态 as a shared resource: every status a case reaches (submission included), for the region the applicant lives
 * in — so a township or village station, and the applicant's county, hear of a case decided elsewhere (数据回流).
 * Conditional: the government-services office approves who receives it.
 */
@Component
class SharedCases implements SharedResource<CaseStatusChanged> {

  static final ResourceDescriptor DESCRIPTOR = new ResourceDescriptor("casework.case-status", "办件状态", "Case status",
      "government-services", ResourceDescriptor.Sharing.CONDITIONAL, "实时 (real time)", List.of(
          new Field("number", STRING, AGGREGATE, "办件编号", "Case number"),
          new Field("item", STRING, AGGREGATE, "事项编码", "Service item code"),
          new Field("itemName", STRING, AGGREGATE, "事项名称", "Service item"),
          new Field("department", STRING, AGGREGATE, "主管部门", "Competent department"),
          new Field("status", STRING, AGGREGATE, "办件状态", "Status"),
          new Field("statusZh", STRING, AGGREGATE, "办件状态（中文）", "Status in Chinese"),
          new Field("channel", STRING, AGGREGATE, "受理渠道", "Channel"),
          new Field("competentRegion", STRING, AGGREGATE, "办理地区划代码", "Region of the deciding office"),
          new Field("receivedRegion", STRING, AGGREGATE, "受理地区划代码", "Region of the receiving office"),
          new Field("submittedAt", DATE_TIME, AGGREGATE, "申请时间", "Submitted at"),
          new Field("decidedAt", DATE_TIME, AGGREGATE, "办结时间", "Decided at"),
          new Field("dueDate", DATE, AGGREGATE, "承诺办结日期", "Due date"),
          new Field("generated", BOOLEAN, AGGREGATE, "是否为生成（演示）数据", "Generated (demo) data"),
          new Field("applicant", STRING, PERSONAL, "申请人（人口库标识）", "Applicant (registry id)"),
          new Field("applicantName", STRING, PERSONAL, "申请人姓名", "Applicant's name")));

  private final CaseFiles files;
  private final Residents residents;

  SharedCases(CaseFiles files, Residents residents) {
    this.files = files;
    this.residents = residents;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Class<CaseStatusChanged> event() {
    return CaseStatusChanged.class;
  }

  @Override
  public Optional<SharedRecord> record(CaseStatusChanged event) {
    return files.find(event.id()).map(c -> {
      var region = residents.find(c.applicant()).map(r -> r.residenceRegion()).orElse(c.competentRegion());
      var f = new LinkedHashMap<String, Object>();
      f.put("number", c.number());
      f.put("item", c.item());
      f.put("itemName", c.itemName());
      f.put("department", c.department());
      f.put("status", event.status().name());
      f.put("statusZh", event.status().zh());
      f.put("channel", c.channel().name());
      f.put("competentRegion", c.competentRegion().value());
      f.put("receivedRegion", c.receivedRegion().value());
      f.put("submittedAt", c.submittedAt().toString());
      if (c.decidedAt() != null) f.put("decidedAt", c.decidedAt().toString());
      if (c.dueDate() != null) f.put("dueDate", c.dueDate().toString());
      f.put("generated", c.generated());
      f.put("applicant", c.applicant().value().toString());
      f.put("applicantName", c.applicantName());
      return new SharedRecord(c.id().toString(), region, f);
    });
  }
}
