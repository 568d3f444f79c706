package org.tongban.region;

import org.tongban.shared.RegionCode;

/**
 * Resident population of a region in a year: for a county as recorded, for a city or province the sum of
 * its counties. Age groups are in completed years at the reference date.
 */
public record Population(RegionCode region, int year, long total, long male, long female, long urban,
                         long rural, long age0to4, long age60plus, long age65plus, String source) {}
