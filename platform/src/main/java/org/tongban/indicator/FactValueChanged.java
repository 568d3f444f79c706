package org.tongban.indicator;

import java.time.YearMonth;
import org.tongban.shared.RegionCode;

/**
 * A fact's value for a county, city or the province moved when the applier folded changes in; published inside the
 * fold's transaction. {@code monthValue}: the net change recorded for the month; {@code stock}: the total up to and
 * including the month (what a stock indicator reads at that month's end). Townships and villages are not announced:
 * their counts are small enough to pick out a household.
 */
public record FactValueChanged(String fact, RegionCode region, YearMonth month, long monthValue, long stock) {}
