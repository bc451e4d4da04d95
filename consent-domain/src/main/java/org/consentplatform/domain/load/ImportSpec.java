package org.consentplatform.domain.load;

import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;

import java.time.Instant;
import java.util.Map;

/**
 * What a load is asked to do, given with the file.
 *
 * @param profileId  the profile legacy rows are loaded into (consent rows name their own)
 * @param lists      for legacy rows: each subscription list's topic
 * @param capturedAt for legacy rows without a {@code capturedAt} cell: when the legacy system last held them
 */
public record ImportSpec(ImportShape shape, Format format, TechnicalId profileId, Map<String, ListTopic> lists,
                         Instant capturedAt) {

    /** How the file is written. */
    public enum Format {
        /** RFC 4180, UTF-8 with or without BOM, a header line naming the columns. */
        CSV,
        /** One JSON object per line. */
        NDJSON
    }

    /** The topic a subscription list's members opt in to. */
    public record ListTopic(TechnicalId purposeId, TechnicalId topicId) {
        public ListTopic {
            InvalidInputs.requireNonNull("lists.purposeId", purposeId);
            InvalidInputs.requireNonNull("lists.topicId", topicId);
        }
    }

    public ImportSpec {
        InvalidInputs.requireNonNull("shape", shape);
        InvalidInputs.requireNonNull("format", format);
        lists = lists == null ? Map.of() : Map.copyOf(lists);
        if (shape == ImportShape.LEGACY_CONTACTS) {
            InvalidInputs.requireNonNull("profileId", profileId);
        }
    }

    /**
     * Checks the mapping against the profile legacy rows go to.
     *
     * @throws DomainRejection.NotFound when a list maps to a purpose or topic the profile lacks
     */
    public void checkAgainst(ComplianceProfile profile) {
        lists.forEach((list, topic) -> {
            Purpose purpose = profile.requirePurpose(topic.purposeId());
            if (purpose.topic(topic.topicId()).isEmpty()) {
                throw new DomainRejection.NotFound("list '" + list + "' maps to topic '" + topic.topicId()
                        + "', which purpose '" + purpose.id() + "' does not define");
            }
        });
    }
}
