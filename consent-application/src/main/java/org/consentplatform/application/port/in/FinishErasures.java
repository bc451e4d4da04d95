package org.consentplatform.application.port.in;

/** Finishes erasures an instance began but did not complete (it stopped in between). */
public interface FinishErasures {

    /** @return how many were finished */
    int finishInterrupted();
}
