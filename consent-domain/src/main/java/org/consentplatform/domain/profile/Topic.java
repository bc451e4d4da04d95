package org.consentplatform.domain.profile;

import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;

/** A finer subject under one purpose (a newsletter, a product line); replaces legacy subscription lists. */
public record Topic(TechnicalId id, String name) {

    public Topic {
        InvalidInputs.requireNonNull("topic.id", id);
        name = InvalidInputs.optionalText("topic.name", name, 200);
    }
}
