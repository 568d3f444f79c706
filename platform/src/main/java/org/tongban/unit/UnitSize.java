package org.tongban.unit;

/** 企业规模 as in 统计上大中小微型企业划分办法（2017）. */
public enum UnitSize { LARGE, MEDIUM, SMALL, MICRO }
