package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ReadHistory;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConsentHistory;
import org.consentplatform.application.port.Page;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

/** The audit trail of records and contact points. */
public final class HistoryService implements ReadHistory {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final ConsentHistory history;
    private final Lookups lookups;

    public HistoryService(ConsentHistory history, Tenants tenants, ComplianceProfiles profiles) {
        this.history = history;
        this.lookups = new Lookups(tenants, profiles);
    }

    @Override
    public Page<ConsentChange> ofRecord(TenantId tenant, RecordQuery record, String cursor, int limit) {
        ContactPoint contactPoint = lookups.settings(tenant).contactPoint(record.channel(), record.address());
        // the key is built from identifiers only: a purpose since removed from the profile keeps its history
        var key = new RecordKey(TechnicalId.parse("profileId", record.profileId()), contactPoint,
                TechnicalId.parse("purposeId", record.purposeId()),
                record.topicId() == null ? null : TechnicalId.parse("topicId", record.topicId()));
        return history.ofRecord(tenant, key, cursor, checked(limit));
    }

    @Override
    public Page<ConsentChange> ofContactPoint(TenantId tenant, String channel, String address, String cursor, int limit) {
        return history.ofContactPoint(tenant, lookups.settings(tenant).contactPoint(channel, address), cursor, checked(limit));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainRejection.InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
