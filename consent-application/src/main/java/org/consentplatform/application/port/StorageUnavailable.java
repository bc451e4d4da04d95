package org.consentplatform.application.port;

/**
 * The store cannot be reached or cannot accept writes right now (no primary, timed out, socket
 * closed). Thrown by storage adapters instead of their driver's exceptions, so callers answer
 * "retry shortly" without knowing which store is behind the ports. Nothing was written, or the
 * write is safe to repeat (every write is idempotent or conditional on a sequence number).
 */
public final class StorageUnavailable extends RuntimeException {

    public StorageUnavailable(Throwable cause) {
        super("storage is unavailable: " + cause.getMessage(), cause);
    }
}
