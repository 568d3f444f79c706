package org.tongban.insurance;

import java.util.UUID;

/**
 * A pension transfer to a province outside the platform was approved and its 参保缴费凭证 made; published inside the
 * decision's transaction (the exchange shares it as {@code insurance.transfer-statements}, for the national platform
 * and the receiving province).
 */
public record TransferredOut(UUID caseId) {}
