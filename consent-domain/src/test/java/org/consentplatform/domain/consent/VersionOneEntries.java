package org.consentplatform.domain.consent;

import org.consentplatform.domain.tenant.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Entries as the code before pseudonyms wrote them (canonical form version 1, hashing the
 * address), for the tests of the migration that rewrites them; a test fixture, shared with the
 * adapters' contract tests: new entries can only be version 2.
 */
public final class VersionOneEntries {

    private VersionOneEntries() {
    }

    /** A record's chain of alternating opt-ins and opt-outs, captured a second apart from {@code from}. */
    public static List<ConsentChange> chain(TenantId tenant, RecordKey key, String idPrefix, int length, Instant from) {
        var chain = new ArrayList<ConsentChange>();
        String previous = ConsentChange.GENESIS;
        RecordState state = null;
        for (int seq = 1; seq <= length; seq++) {
            Instant captured = from.plusSeconds(seq);
            var after = new RecordState(seq % 2 == 1 ? ConsentState.OPTED_IN : ConsentState.OPTED_OUT, captured, Source.API,
                    new Evidence("v1", "form-7", "203.0.113.9", "Mozilla/5.0"));
            var unhashed = new ConsentChange(idPrefix + seq, tenant, key, null, seq, ChangeOutcome.APPLIED, null, after.state(),
                    state, after, captured, captured, Source.API, new Actor("crm"), after.evidence(), "corr-" + seq, previous, null);
            ConsentChange entry = new ConsentChange(unhashed.id(), tenant, key, null, seq, ChangeOutcome.APPLIED, null,
                    after.state(), state, after, captured, captured, Source.API, new Actor("crm"), after.evidence(),
                    unhashed.correlationId(), previous, ConsentChange.sha256(unhashed.canonicalForm()));
            chain.add(entry);
            previous = entry.hash();
            state = after;
        }
        return List.copyOf(chain);
    }
}
