package org.tongban.organisation;

/** A line department, identified by a stable code such as {@code hrss} (人社). */
public record Department(String code, String nameZh, String nameEn) {}
