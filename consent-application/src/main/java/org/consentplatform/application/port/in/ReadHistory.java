package org.consentplatform.application.port.in;

import org.consentplatform.application.port.Page;
import org.consentplatform.domain.consent.ChainMigration;
import org.consentplatform.domain.consent.ChainVerification;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.profile.LegalBasis;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.InvalidInputs;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The audit trail (auditor scope): history, past states and proof that nothing was altered. */
public interface ReadHistory {

    /** Identifies one record; topicId may be null. */
    record RecordQuery(TechnicalId profileId, RawContactPoint contactPoint, TechnicalId purposeId, TechnicalId topicId) {

        public RecordQuery {
            InvalidInputs.requireNonNull("profileId", profileId);
            InvalidInputs.requireNonNull("contactPoint", contactPoint);
            InvalidInputs.requireNonNull("purposeId", purposeId);
        }
    }

    Page<ConsentChange> ofRecord(TenantId tenant, RecordQuery record, String cursor, int limit);

    Page<ConsentChange> ofContactPoint(TenantId tenant, RawContactPoint contactPoint, String cursor, int limit);

    /**
     * A filter on the tenant's whole history; every part is optional. {@code to} is exclusive.
     */
    record HistoryFilter(Instant from, Instant to, RawContactPoint contactPoint, TechnicalId profileId, TechnicalId purposeId,
                         Source source, String actor, String client, ChangeOutcome outcome) {

        public HistoryFilter {
            if (from != null && to != null && !from.isBefore(to)) {
                throw DomainRejection.InvalidInput.of("to", "must be after from");
            }
            InvalidInputs.optionalText("actor", actor, 256);
            InvalidInputs.optionalText("client", client, 256);
        }
    }

    Page<ConsentChange> search(TenantId tenant, HistoryFilter filter, String cursor, int limit);

    /**
     * An entry of an export, with its purpose's legal basis and partner as the profile states
     * them now (null when the profile no longer has the purpose).
     */
    record ExportedChange(ConsentChange change, LegalBasis legalBasis, String partner) {
    }

    /** Every matching entry, oldest first, handed over one at a time without a size cap. */
    void export(TenantId tenant, HistoryFilter filter, Consumer<ExportedChange> sink);

    /**
     * The record as the platform held it at {@code instant}: the newest entry recorded at or
     * before it, replayed from the change log; null when the record had no entry yet.
     */
    ConsentChange asOf(TenantId tenant, RecordQuery record, Instant instant);

    ChainVerification verify(TenantId tenant, RecordQuery record);

    /**
     * Every record of the tenant checked, then the chain ends against the latest checkpoint;
     * the broken ones listed (at most {@code MAX_BREACHES}).
     *
     * @param checkpoint the latest checkpoint, null when none was taken yet
     * @param migrations the one-off rewrites of the chains (ADR 37), each with the checkpoints it links
     */
    record TenantVerification(boolean intact, long records, long entries, List<ChainVerification> breaches,
                              CheckpointCheck checkpoint, List<ChainMigration> migrations) {
        public static final int MAX_BREACHES = 100;
    }

    /**
     * The checkpoint the chains were checked against. Its hash can be compared with the one
     * published on the checkpoint topic, outside the database.
     *
     * @param intact whether its stored heads are the ones it sealed
     */
    record CheckpointCheck(long number, Instant takenAt, long streams, String hash, boolean intact) {
    }

    TenantVerification verifyTenant(TenantId tenant);
}
