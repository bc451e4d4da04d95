package org.consentplatform.bootstrap;

import org.consentplatform.application.port.in.ProcessImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs loads on a thread of their own, so a job of millions of rows never holds up the outbox
 * relay or the checkpoints: it looks for unfinished jobs (queued, or left running by an
 * instance that died) every {@code consent.imports.poll-interval}.
 */
@Component
class ImportProcessing implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ImportProcessing.class);

    private final ProcessImports imports;
    private final Duration interval;
    private ScheduledExecutorService worker;

    ImportProcessing(ProcessImports imports, @Value("${consent.imports.poll-interval:PT1S}") Duration interval) {
        this.imports = imports;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("imports").daemon().factory());
        worker.scheduleWithFixedDelay(this::runPending, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runPending() {
        try {
            imports.processPending();
        } catch (RuntimeException e) {
            LOG.warn("Import run failed; unfinished jobs are resumed at the next poll: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.shutdownNow(); // a job interrupted mid-batch resumes from its last stored batch
            worker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }
}
