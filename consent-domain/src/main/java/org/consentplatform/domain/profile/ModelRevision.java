package org.consentplatform.domain.profile;

import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.shared.TechnicalId;

import java.util.ArrayList;
import java.util.List;

/**
 * A purpose's model on a channel that a revision of its profile changes: what a dry run must be
 * shown for before the revision is saved. A new purpose, or a purpose's first model on a
 * channel, changes nothing that records already decide, and is not one.
 */
public record ModelRevision(TechnicalId purposeId, Channel channel, EnforcementModel from, EnforcementModel to) {

    /** The models {@code revised} changes on purposes {@code profile} already has, in the revised order. */
    public static List<ModelRevision> between(ComplianceProfile profile, ProfileDefinition revised) {
        var revisions = new ArrayList<ModelRevision>();
        for (Purpose purpose : revised.purposes() == null ? List.<Purpose>of() : revised.purposes()) {
            profile.purpose(purpose.id()).ifPresent(current -> purpose.models().forEach((channel, to) -> current.modelFor(channel)
                    .filter(from -> from != to)
                    .ifPresent(from -> revisions.add(new ModelRevision(purpose.id(), channel, from, to)))));
        }
        return List.copyOf(revisions);
    }
}
