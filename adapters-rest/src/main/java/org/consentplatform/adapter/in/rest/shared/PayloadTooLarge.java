package org.consentplatform.adapter.in.rest.shared;

import java.io.IOException;

/** Raised by the size-limited request body once it passes the limit. */
final class PayloadTooLarge extends IOException {

    PayloadTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
    }

    static boolean causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLarge) {
                return true;
            }
        }
        return false;
    }
}
