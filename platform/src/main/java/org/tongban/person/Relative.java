package org.tongban.person;

import org.tongban.shared.Relation;

/** A relative of a person as the registry records them: who, and how they stand to the person (their child …). */
public record Relative(Resident person, Relation relation) {}
