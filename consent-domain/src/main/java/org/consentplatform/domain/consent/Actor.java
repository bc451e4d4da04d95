package org.consentplatform.domain.consent;

import org.consentplatform.domain.shared.InvalidInputs;

/** Who made a change: the API caller's subject, an import job, or "recipient". */
public record Actor(String id) {

    public static final Actor RECIPIENT = new Actor("recipient");

    public Actor {
        id = InvalidInputs.requiredText("actor", id, 256);
    }
}
