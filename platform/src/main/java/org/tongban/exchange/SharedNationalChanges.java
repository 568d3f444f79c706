package org.tongban.exchange;

import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.PERSONAL;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.DATE_TIME;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Field;
import org.tongban.exchange.spi.SharedRecord;
import org.tongban.exchange.spi.SharedResource;
import tools.jackson.databind.json.JsonMapper;

/** 部级下发数据: what the national platform sent down, shared on like the province's own changes. */
@Component
class SharedNationalChanges implements SharedResource<NationalChangeReceived> {

  static final ResourceDescriptor DESCRIPTOR = new ResourceDescriptor("national.changes", "部级下发数据",
      "Changes from the national platform", "government-services", ResourceDescriptor.Sharing.CONDITIONAL,
      "实时 (real time)", List.of(
          new Field("nationalId", STRING, AGGREGATE, "部级数据标识", "National id"),
          new Field("resource", STRING, AGGREGATE, "部级数据类别", "National resource"),
          new Field("occurredAt", DATE_TIME, AGGREGATE, "发生时间", "Occurred at"),
          new Field("content", STRING, PERSONAL, "数据内容（JSON）", "Content (JSON)")));

  private final JsonMapper json;

  SharedNationalChanges(JsonMapper json) {
    this.json = json;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Class<NationalChangeReceived> event() {
    return NationalChangeReceived.class;
  }

  @Override
  public Optional<SharedRecord> record(NationalChangeReceived event) {
    var f = new LinkedHashMap<String, Object>();
    f.put("nationalId", event.id());
    f.put("resource", event.resource());
    f.put("occurredAt", event.occurredAt().toString());
    f.put("content", json.writeValueAsString(event.fields()));
    return Optional.of(new SharedRecord(event.resource() + ":" + event.key(), event.region(), f));
  }
}
