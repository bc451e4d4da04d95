package org.consentplatform.application.port.out;

import java.time.Duration;
import java.util.List;

/**
 * Time-limited leases shared by every instance of the service, so that one of them at a time
 * runs a given background job. A holder that stops renewing loses the lease when it expires.
 */
public interface Leases {

    /** Takes the lease, or renews it when already held by {@code holder}. @return whether holder holds it now */
    boolean acquire(String lease, String holder, Duration ttl);

    void release(String lease, String holder);

    /** Who holds the leases, not expired, whose names start with the prefix. */
    List<String> holders(String prefix);
}
