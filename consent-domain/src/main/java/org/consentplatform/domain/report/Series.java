package org.consentplatform.domain.report;

import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

/**
 * What one line of a report counts: the records of one purpose (or one of its topics) of a
 * profile on one channel, whatever their contact point.
 *
 * @param topicId null for the purpose's own records
 */
public record Series(TenantId tenant, TechnicalId profileId, TechnicalId purposeId, TechnicalId topicId, Channel channel) {

    public Series {
        InvalidInputs.requireNonNull("tenant", tenant);
        InvalidInputs.requireNonNull("profileId", profileId);
        InvalidInputs.requireNonNull("purposeId", purposeId);
        InvalidInputs.requireNonNull("channel", channel);
    }

    public static Series of(TenantId tenant, RecordKey key) {
        return new Series(tenant, key.profileId(), key.purposeId(), key.topicId(), key.contactPoint().channel());
    }

    /** Stable text form: {@code tenant|profile|purpose|topic|channel}. No part can contain '|'. */
    public String value() {
        return tenant.value() + "|" + profileId + "|" + purposeId + "|" + (topicId == null ? "" : topicId.value()) + "|" + channel;
    }
}
