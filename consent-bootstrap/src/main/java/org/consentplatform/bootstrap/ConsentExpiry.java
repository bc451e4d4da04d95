package org.consentplatform.bootstrap;

import org.consentplatform.application.port.in.ExpireConsents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Writes down expired opt-ins every {@code consent.expiry.interval} (§10), one instance at a
 * time. Decisions never wait for it: they count an opt-in past its lifetime as absent at once.
 */
@Component
class ConsentExpiry extends PeriodicJob {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentExpiry.class);

    private final ExpireConsents expiry;

    ConsentExpiry(ExpireConsents expiry, @Value("${consent.expiry.interval:PT1H}") Duration interval) {
        super("consent-expiry", interval);
        this.expiry = expiry;
    }

    @Override
    void run() {
        int written = expiry.expireDue();
        if (written > 0) {
            LOG.info("Wrote {} EXPIRY change(s) for opt-ins past their lifetime", written);
        }
    }
}
