package org.tongban.facility;

/** Whether one bad row stops the whole import (the default) or only itself. */
public enum ImportMode { ALL_OR_NOTHING, VALID_ROWS }
