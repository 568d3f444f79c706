/**
 * 数据共享交换: the resource catalogue the modules declare, a transactional outbox of their changes, subscriptions of
 * department systems within a jurisdiction, and signed, sequence-numbered delivery with receipts kept as evidence.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "access", "audit", "organisation", "exchange::spi"})
package org.tongban.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
