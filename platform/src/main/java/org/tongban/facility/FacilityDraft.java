package org.tongban.facility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A facility as entered by staff or read from an import row. Values stay as written so that every problem can be
 * reported against its field.
 *
 * @param region    township (9-digit prefix) or village code, 12 digits
 * @param lon       longitude in {@code crs}; null with {@code lat} when not known
 * @param crs       {@code WGS84} or {@code GCJ02} (converted to WGS-84 when stored)
 * @param hours     {@link WeeklyHours} written form
 * @param feeYuan   price in yuan for {@link FeeRule#LOW_FEE} and {@link FeeRule#CHARGED}
 * @param since     the day the status began (the opening day for {@link FacilityStatus#OPEN})
 * @param catchment region codes whose residents may apply (就近入园); empty: the facility's township
 */
public record FacilityDraft(String type, String name, String region, @Nullable Double lon, @Nullable Double lat,
                            @Nullable String crs, @Nullable String hours, FeeRule fee, @Nullable BigDecimal feeYuan,
                            FacilityStatus status, LocalDate since, Map<String, String> attributes,
                            List<String> catchment) {

  public FacilityDraft {
    attributes = Map.copyOf(attributes);
    catchment = List.copyOf(catchment);
  }
}
