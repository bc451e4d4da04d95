package org.consentplatform.application.port.in;

/** The background side of loads: run queued jobs, and resume those whose instance died. */
public interface ProcessImports {

    /** Runs every unfinished job this instance can take the lease of. @return the number of jobs it ran */
    int processPending();
}
