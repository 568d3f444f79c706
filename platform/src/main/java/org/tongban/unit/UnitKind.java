package org.tongban.unit;

/** 单位类型: what kind of legal person (or 个体工商户) a unit is. */
public enum UnitKind { ENTERPRISE, INDIVIDUAL_BUSINESS, COOPERATIVE, INSTITUTION, SOCIAL_ORGANISATION, OTHER }
