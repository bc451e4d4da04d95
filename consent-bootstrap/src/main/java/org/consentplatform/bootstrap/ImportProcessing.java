package org.consentplatform.bootstrap;

import org.consentplatform.application.port.in.ProcessImports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Runs loads on a thread of their own, so a job of millions of rows never holds up the outbox
 * relay or the checkpoints: it looks for unfinished jobs (queued, or left running by an
 * instance that died) every {@code consent.imports.poll-interval}. A job interrupted mid-batch
 * resumes from its last stored batch.
 */
@Component
class ImportProcessing extends PeriodicJob {

    private final ProcessImports imports;

    ImportProcessing(ProcessImports imports, @Value("${consent.imports.poll-interval:PT1S}") Duration interval) {
        super("imports", interval);
        this.imports = imports;
    }

    @Override
    void run() {
        imports.processPending();
    }
}
