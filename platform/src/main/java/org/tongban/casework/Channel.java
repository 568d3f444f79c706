package org.tongban.casework;

/** How an application reached the platform. */
public enum Channel { WEB, MOBILE, WINDOW, KIOSK, PHONE, VILLAGE_AGENT }
