package org.consentplatform.application.port.out;

/** Whether the store answers right now, for the health endpoint and readiness. */
public interface StorageProbe {

    /**
     * @return the name of the database that answered
     * @throws org.consentplatform.application.port.StorageUnavailable when it does not answer
     */
    String ping();
}
