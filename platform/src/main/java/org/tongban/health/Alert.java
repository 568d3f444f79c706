package org.tongban.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An early-warning alert: the disease, the township and the day, the method that raised it with its threshold, the
 * statistic and the baseline it compared with; where it stands (open, verified, closed with a conclusion) and at which
 * level it waits (the county's CDC first, the city's and the province's when the county's deadline passed).
 */
public record Alert(UUID id, String disease, String diseaseZh, String diseaseEn, String township, LocalDate day,
                   String method, double statistic, double threshold, double observed, List<Double> baseline,
                   String status, String level, Instant verifyBy, @Nullable String note, @Nullable String conclusion,
                   boolean generated) {}
