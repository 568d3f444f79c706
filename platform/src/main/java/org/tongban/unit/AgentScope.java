package org.tongban.unit;

/** What an agent (经办人) may do for a unit: file its applications, recruit for it, or only look. */
public enum AgentScope { APPLY, RECRUIT, VIEW }
