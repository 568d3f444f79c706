package org.tongban.employment;

/** A vacancy is open for applications, suspended by the labour bureau (with a reason), or closed by its unit. */
public enum VacancyStatus { OPEN, SUSPENDED, CLOSED }
