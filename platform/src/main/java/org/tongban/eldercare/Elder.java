package org.tongban.eldercare;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.person.PersonId;
import org.tongban.shared.RegionCode;

/**
 * An older person on the visit register, as community workers see them: the name and a masked ID number from the
 * registry, the village or community, and why they are visited. {@code lastVisit} is null when never visited.
 */
public record Elder(UUID id, PersonId person, String name, String idNumberMasked, int age, RegionCode region,
                    Set<ElderCategory> categories, LocalDate since, @Nullable LocalDate lastVisit) {}
