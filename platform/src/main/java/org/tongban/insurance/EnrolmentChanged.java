package org.tongban.insurance;

import java.util.UUID;

/**
 * An enrolment (参保登记) began or ended; published inside that change's transaction (the exchange shares it as
 * {@code insurance.enrolments}, the 参保信息 a county's or the ministry's system keeps in step with).
 */
public record EnrolmentChanged(UUID enrolment) {}
