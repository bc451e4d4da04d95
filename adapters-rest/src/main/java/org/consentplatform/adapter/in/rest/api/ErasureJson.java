package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of erasure requests (GDPR Art. 17). */
final class ErasureJson {

    private ErasureJson() {
    }

    @Schema(description = "Whom to erase, one way: a contact id (every contact point of that contact) or contact points; "
            + "and the ground, as the data protection officer writes it.",
            example = "{\"contactPoints\": [{\"channel\": \"EMAIL\", \"address\": \"ann@example.com\"}], "
                    + "\"legalReference\": \"GDPR Art. 17(1)(b)\", \"reference\": \"DSR-2026-0042\"}")
    public record ErasureRequest(String contactId, List<ContactJson.ContactPoint> contactPoints,
                                 @Schema(example = "GDPR Art. 17(1)(b)") String legalReference,
                                 @Schema(description = "the officer's own reference of the request, such as a ticket", example = "DSR-2026-0042")
                                 String reference) {
    }

    @Schema(description = "A contact point an erasure suppressed, by its keyed hash: the platform no longer holds its address.")
    public record ErasedContactPoint(String channel, String pseudonym) {
    }

    @Schema(description = "What an erasure destroyed besides each contact point's data key.")
    public record Destroyed(int records, long contacts, long confirmationRequests, long idempotentAnswers, long mailQuotas,
                            long importErrorLines, Instant completedAt) {
    }

    @Schema(description = "A suppression lifted by an opt-in the person gave again.")
    public record Lift(ErasedContactPoint contactPoint, Instant at, String changeId, String source) {
    }

    @Schema(description = "An erasure request as the platform keeps it: who asked, when, on which ground, what was destroyed; "
            + "never what was erased.")
    public record ErasureRecord(String id, Instant requestedAt, String requestedBy, String requestedByClient, String legalReference,
                                String reference, @Schema(allowableValues = {"IN_PROGRESS", "DONE"}) String state,
                                @Schema(description = "whether downstream systems were told (consent.erasures.v1); if the broker "
                                        + "was away, they are as soon as it is back") boolean announced,
                                List<ErasedContactPoint> contactPoints, Destroyed destroyed, List<Lift> lifts) {
    }

    public record ErasureList(List<ErasureRecord> items) {
    }
}
