package org.consentplatform.adapter.in.rest.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consentplatform.domain.consent.ChainVerification;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.Source;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the audit trail: pages of changes, a record as of an instant, chain verifications. */
final class HistoryJson {

    private HistoryJson() {
    }

    /** Names one record; topicId left out for the purpose itself. */
    public record RecordHistoryQuery(String profileId, String channel, String address, String purposeId, String topicId) {
    }

    public record ContactPointHistoryQuery(String channel, String address) {
    }

    @Schema(description = "Filters on the tenant's history, all optional: recorded in [from, to), one contact point "
            + "(channel and address together), profile, purpose, source, actor (the token's subject), client (the OAuth "
            + "client the subject acted through), outcome (REJECTED lists the attempts a rule refused).")
    public record HistoryFilter(Instant from, Instant to, String channel, String address, String profileId, String purposeId,
                                Source source, String actor, String client, ChangeOutcome outcome) {
    }

    public record HistoryPage(List<ConsentJson.Change> items, String nextCursor) {
    }

    @Schema(description = "The record as the platform held it at the instant: the newest entry recorded at or before it. "
            + "state is null when the record had no entry yet (or stayed absent).")
    public record AsOf(Instant at, ConsentJson.RecordState state, Long seq, String changeId) {
    }

    @Schema(description = "A record's hash chain checked: intact, or the first entry whose content, order or presence changed.")
    public record Verification(String profileId, String channel, String address, String purposeId, String topicId,
                               boolean intact, long checked, Long seq, String changeId, ChainVerification.Breach breach) {
    }

    @Schema(description = "Every record's chain checked, then each chain's end against the latest tenant checkpoint "
            + "(null before the first one): an entry cut off the end of a chain, or a whole record removed, is a breach.")
    public record TenantVerification(boolean intact, long records, long entries, List<Verification> breaches,
                                     Checkpoint checkpoint, List<Migration> migrations) {
    }

    @Schema(description = "A one-off rewrite of the tenant's chains (contact-point-pseudonyms: addresses replaced by pseudonyms "
            + "and ciphertexts in what the chain hashes). headsBefore is the headsDigest of checkpoint checkpointBefore as "
            + "published on consent.checkpoints.v1, headsAfter that of the checkpoint after it; every rewritten entry keeps its "
            + "former hash. intact is false when the attestation's hash does not cover its content.")
    public record Migration(String name, Instant completedAt, long checkpointBefore, long records, long entries,
                            String headsBefore, String headsAfter, String hash, boolean intact) {
    }

    @Schema(description = "A tenant checkpoint: the hash to compare with the one published on consent.checkpoints.v1, "
            + "outside the database; intact is false when its stored heads are not the ones it sealed.")
    public record Checkpoint(long number, Instant takenAt, long streams, String hash, boolean intact) {
    }
}
