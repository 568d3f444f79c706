package org.tongban.planning.internal;

import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.BOOLEAN;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.INTEGER;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Field;
import org.tongban.exchange.spi.SharedRecord;
import org.tongban.exchange.spi.SharedResource;
import org.tongban.facility.GeneratedFacilities;
import org.tongban.indicator.FactValueChanged;

/**
 * 规划监测基础数据: the facts the plan's indicators are computed from (places, facilities, people served …) for every
 * county, city and the province, as the applier folds changes in — for a city's own dashboard or the statistics
 * bureau. Aggregates only, unconditional; townships and villages are left out (small counts). Whether generated
 * facilities are stored (and so counted) is said on every record, as on the cockpit.
 */
@Component
class SharedFactValues implements SharedResource<FactValueChanged> {

  static final ResourceDescriptor DESCRIPTOR = new ResourceDescriptor("planning.fact-values", "规划监测基础数据（县级及以上）",
      "Plan monitoring facts (counties and above)", "government-services", ResourceDescriptor.Sharing.UNCONDITIONAL,
      "实时，按月汇总 (real time; by month)", List.of(
          new Field("fact", STRING, AGGREGATE, "数据项编码", "Fact code"),
          new Field("region", STRING, AGGREGATE, "区划代码", "Region"),
          new Field("month", STRING, AGGREGATE, "月份 (YYYY-MM)", "Month (YYYY-MM)"),
          new Field("monthValue", INTEGER, AGGREGATE, "当月净变化", "Net change in the month"),
          new Field("stock", INTEGER, AGGREGATE, "截至当月末累计", "Total at the month's end"),
          new Field("includesGeneratedData", BOOLEAN, AGGREGATE, "含生成（演示）数据", "Includes generated data")));

  private final GeneratedFacilities generated;

  SharedFactValues(GeneratedFacilities generated) {
    this.generated = generated;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Class<FactValueChanged> event() {
    return FactValueChanged.class;
  }

  @Override
  public Optional<SharedRecord> record(FactValueChanged event) {
    var f = new LinkedHashMap<String, Object>();
    f.put("fact", event.fact());
    f.put("region", event.region().value());
    f.put("month", event.month().toString());
    f.put("monthValue", event.monthValue());
    f.put("stock", event.stock());
    f.put("includesGeneratedData", generated.any());
    return Optional.of(new SharedRecord(event.fact() + "@" + event.region().value() + "@" + event.month(), event.region(), f));
  }
}
