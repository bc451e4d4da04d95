package org.consentplatform.domain.consent;

import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;

/**
 * What proves a change, where there is some. Every part is optional.
 *
 * @param wordingVersion the version of the wording the person saw
 * @param formId         the form the person used
 * @param clientAddress  the person's IP address
 * @param userAgent      the person's browser
 * @param guardian       the parent or guardian who gave consent for a minor (a name, an id in the caller's system)
 * @param reason         why an operator made the change (what the person asked for, on which call or letter), or
 *                       the legal ground of an erasure
 * @param notice         the notice version the person saw, {@code <notice id>@<version>} (§15)
 * @param noticeHash     the SHA-256 of that version's texts, so the words agreed to stay provable
 */
public record Evidence(String wordingVersion, String formId, String clientAddress, String userAgent, String guardian,
                       String reason, String notice, String noticeHash) {

    public static final Evidence NONE = new Evidence(null, null, null, null, null, null);

    public Evidence(String wordingVersion, String formId, String clientAddress, String userAgent, String guardian, String reason) {
        this(wordingVersion, formId, clientAddress, userAgent, guardian, reason, null, null);
    }

    public Evidence(String wordingVersion, String formId, String clientAddress, String userAgent) {
        this(wordingVersion, formId, clientAddress, userAgent, null, null);
    }

    public Evidence(String wordingVersion, String formId, String clientAddress, String userAgent, String guardian) {
        this(wordingVersion, formId, clientAddress, userAgent, guardian, null);
    }

    /** A reason and nothing else: what an operator records, the ground of an erasure. */
    public static Evidence because(String reason) {
        return new Evidence(null, null, null, null, null, reason);
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    public Evidence {
        wordingVersion = InvalidInputs.optionalText("evidence.wordingVersion", wordingVersion, 128);
        formId = InvalidInputs.optionalText("evidence.formId", formId, 256);
        clientAddress = InvalidInputs.optionalText("evidence.clientAddress", clientAddress, 64);
        userAgent = InvalidInputs.optionalText("evidence.userAgent", userAgent, 1024);
        guardian = InvalidInputs.optionalText("evidence.guardian", guardian, 256);
        if (guardian != null && guardian.isBlank()) {
            throw DomainRejection.InvalidInput.of("evidence.guardian", "must name the parent or guardian");
        }
        reason = InvalidInputs.optionalText("evidence.reason", reason, 1024);
        notice = InvalidInputs.optionalText("evidence.notice", notice, 200);
        noticeHash = InvalidInputs.optionalText("evidence.noticeHash", noticeHash, 64);
    }

    /** The same evidence, naming the notice version the person saw (§15). */
    public Evidence withNotice(String reference, String hash) {
        return new Evidence(wordingVersion, formId, clientAddress, userAgent, guardian, reason, reference, hash);
    }
}
