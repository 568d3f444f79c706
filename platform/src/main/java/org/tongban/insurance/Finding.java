package org.tongban.insurance;

/** One rule of a decision: whether it is met, the article, and what the record shows (in words a clerk can read). */
public record Finding(String code, boolean met, String basis, String found) {}
