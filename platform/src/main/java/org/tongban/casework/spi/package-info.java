/**
 * Where domain modules offer records the government holds, so that a case fetches them instead of asking the applicant
 * (免提交): each {@link org.tongban.casework.spi.HeldRecordSource} answers for the {@code heldAs} codes it owns.
 */
@NullMarked
@NamedInterface("spi")
package org.tongban.casework.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
