package org.consentplatform.domain.consent;

import org.consentplatform.domain.shared.InvalidInputs;

/**
 * Who made a change: the API caller's subject, an import job, or "recipient".
 *
 * @param client the OAuth client the subject acted through, when the token names one other than the
 *               subject: a service account's subject is an opaque id, its client is what an auditor reads
 */
public record Actor(String id, String client) {

    public static final Actor RECIPIENT = new Actor("recipient");

    public Actor {
        id = InvalidInputs.requiredText("actor", id, 256);
        client = InvalidInputs.optionalText("actor.client", client, 256);
        if (id.equals(client)) {
            client = null;
        }
    }

    public Actor(String id) {
        this(id, null);
    }
}
