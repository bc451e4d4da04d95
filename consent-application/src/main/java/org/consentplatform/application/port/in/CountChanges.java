package org.consentplatform.application.port.in;

/** The background side of reports (§12): bring the report counters up to the change log. */
public interface CountChanges {

    /**
     * Counts every change not counted yet, while this instance holds the reports lease.
     *
     * @return the number of changes counted
     */
    int countNew();
}
