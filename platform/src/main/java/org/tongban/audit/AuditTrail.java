package org.tongban.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;

/**
 * Records what matters, in the caller's transaction: the entry commits or rolls back with the change it
 * describes, and joins the hash chain a moment after the commit (at once when the trail is read). The actor
 * and client address are taken from the current request and security context.
 */
public interface AuditTrail {

  /**
   * Appends an entry.
   *
   * @param action dotted verb such as {@code person.unmasked}
   * @param targetType kind of record ({@code person}, {@code office}), or null
   * @param targetId the record's id, never a personal identifier in clear
   * @param region the record's region, so that audit reads can be scoped
   * @param detail small facts (reason, old and new status); values must already be masked
   */
  void record(String action, @Nullable String targetType, @Nullable String targetId, @Nullable RegionCode region,
              Map<String, String> detail);

  /** Appends an entry for a named actor (sign-in events happen before a user is in the context). */
  void recordAs(String actor, String action, @Nullable String ip, Map<String, String> detail);

  /** Moves committed entries onto the hash chain now (it happens every 200 ms anyway); returns how many. */
  int flush();

  ResultPage<AuditEntry> search(AuditQuery query, int page, int size);

  /** Walks the whole chain from the retention anchor; reads every entry once, streaming. */
  AuditVerification verify();

  /** Writes a signed checkpoint of the chain's head outside the database (also done every minute). */
  void checkpoint();

  /** Deletes entries older than the retention period, leaving an anchor; returns how many were removed. */
  int purgeExpired();
}
