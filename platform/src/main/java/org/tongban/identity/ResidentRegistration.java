package org.tongban.identity;

/**
 * What a resident (or a window clerk for them, 帮办) enters to open an account: real-name factors and the SMS
 * code sent to the phone.
 */
public record ResidentRegistration(String name, String idNumber, String phone, String password, String smsCode) {}
