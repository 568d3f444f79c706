package org.tongban.indicator;

import java.time.YearMonth;
import org.tongban.shared.RegionCode;

/**
 * A change of a fact in a region (the lowest level it is known at, usually a township or village) in a month:
 * {@code delta} is added. Stock facts (places, facilities open) change in the month the change takes effect; flow
 * facts (visits made) are counted in the month they happen. Codes begin with the recording module's name.
 */
public record FactChange(String fact, RegionCode region, YearMonth month, long delta) {}
