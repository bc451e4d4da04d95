package org.consentplatform.adapter.in.rest;

/**
 * Recognises a storage outage by name, so the REST adapter needs no dependency on the
 * persistence adapter's driver and still answers 503 rather than 500.
 */
final class MongoUnavailable {

    private MongoUnavailable() {
    }

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("com.mongodb.MongoTimeoutException") || name.equals("com.mongodb.MongoSocketException")
                    || name.startsWith("com.mongodb.MongoSocket") || name.equals("com.mongodb.MongoNotPrimaryException")) {
                return true;
            }
        }
        return false;
    }
}
