package org.tongban.eldercare;

import java.time.LocalDate;
import java.util.UUID;
import org.tongban.person.PersonId;
import org.tongban.shared.RegionCode;

/**
 * A community worker saw an older person at home and recorded it (居家社区探访). Other services may take the record as
 * proof the person was seen alive that day — the pension's 待遇资格认证 does.
 */
public record ElderVisited(UUID visit, PersonId person, RegionCode region, LocalDate visitedOn, String visitor) {}
