package org.consentplatform.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This process among the service's instances, as leases name their holder. */
record InstanceId(String value) {

    static InstanceId of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new InstanceId(configured.strip());
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return new InstanceId(host + "/" + UUID.randomUUID().toString().substring(0, 8));
    }
}
