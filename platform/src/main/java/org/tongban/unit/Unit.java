package org.tongban.unit;

import java.util.UUID;
import org.tongban.person.PersonId;
import org.tongban.shared.CreditCode;
import org.tongban.shared.RegionCode;

/** A registered unit. {@code generated} marks demo data that belongs to nobody. */
public record Unit(UUID id, CreditCode creditCode, String name, UnitKind kind, Industry industry, UnitSize size,
                   RegionCode region, PersonId legalRepresentative, boolean generated, int version) {}
