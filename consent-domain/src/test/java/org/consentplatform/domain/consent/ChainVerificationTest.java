package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-record hash chain names exactly the first entry whose content, order or presence was changed. */
class ChainVerificationTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final RecordKey KEY = RecordKey.ofPurpose(new TechnicalId("retail"),
            new ContactPoint(Channel.EMAIL, "ann@example.com"), new TechnicalId("commercial"));

    private final List<ConsentChange> chain = chain(5);

    @Test
    void anUntouchedChainIsIntact() {
        var result = ChainVerification.verify(KEY, chain, 5, chain.getLast().hash());

        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
        assertThat(chain.get(0).previousHash()).isEqualTo(ConsentChange.GENESIS);
    }

    @Test
    void anEditedEntryIsNamed() {
        var edited = new ArrayList<>(chain);
        ConsentChange third = chain.get(2);
        edited.set(2, new ConsentChange(third.id(), third.tenant(), third.key(), third.sealed(), third.seq(), third.outcome(),
                null, ConsentState.OPTED_IN, third.before(), third.after(), third.capturedAt(), third.recordedAt(), third.source(),
                new Actor("someone-else"), third.evidence(), third.correlationId(), third.previousHash(), third.hash()));

        var result = ChainVerification.verify(KEY, edited, 5, chain.getLast().hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.breach()).isEqualTo(ChainVerification.Breach.CONTENT_CHANGED);
        assertThat(result.changeId()).isEqualTo(third.id());
        assertThat(result.seq()).isEqualTo(3);
    }

    @Test
    void anEntryReSealedAfterEditingBreaksTheLinkOfTheNext() {
        var edited = new ArrayList<>(chain);
        ConsentChange second = chain.get(1);
        edited.set(1, ConsentChange.chained(second.id(), second.tenant(), second.key(), second.sealed(), second.seq(), second.outcome(),
                null, ConsentState.OPTED_IN, second.before(), second.after(), second.capturedAt(), second.recordedAt(),
                second.source(), second.actor(), second.evidence(), second.correlationId(), second.previousHash()));

        var result = ChainVerification.verify(KEY, edited, 5, chain.getLast().hash());

        assertThat(result.breach()).isEqualTo(ChainVerification.Breach.LINK_BROKEN);
        assertThat(result.changeId()).isEqualTo(chain.get(2).id());
    }

    @Test
    void aDeletedEntryIsNamedByItsPosition() {
        var deleted = new ArrayList<>(chain);
        deleted.remove(3);

        var result = ChainVerification.verify(KEY, deleted, 5, chain.getLast().hash());

        assertThat(result.breach()).isEqualTo(ChainVerification.Breach.ENTRY_MISSING);
        assertThat(result.seq()).isEqualTo(4);
    }

    @Test
    void aDeletedLastEntryIsFoundThroughTheRecordsState() {
        var truncated = chain.subList(0, 4);

        var result = ChainVerification.verify(KEY, truncated, 5, chain.getLast().hash());

        assertThat(result.breach()).isEqualTo(ChainVerification.Breach.ENTRY_MISSING);
        assertThat(result.seq()).isEqualTo(5);
    }

    @Test
    void swappedEntriesAreNamedAtTheFirstSwappedPosition() {
        var swapped = new ArrayList<ConsentChange>();
        for (ConsentChange entry : chain) {
            // swap the positions of entries 2 and 3 by exchanging their seq numbers
            long seq = entry.seq() == 2 ? 3 : entry.seq() == 3 ? 2 : entry.seq();
            swapped.add(new ConsentChange(entry.id(), entry.tenant(), entry.key(), entry.sealed(), seq, entry.outcome(), null, entry.requestedState(),
                    entry.before(), entry.after(), entry.capturedAt(), entry.recordedAt(), entry.source(), entry.actor(),
                    entry.evidence(), entry.correlationId(), entry.previousHash(), entry.hash()));
        }
        swapped.sort((a, b) -> Long.compare(a.seq(), b.seq()));

        var result = ChainVerification.verify(KEY, swapped, 5, chain.getLast().hash());

        assertThat(result.intact()).isFalse();
        assertThat(result.seq()).isEqualTo(2);
        assertThat(result.changeId()).isEqualTo(chain.get(2).id());
    }

    private static List<ConsentChange> chain(int length) {
        var changes = new ArrayList<ConsentChange>();
        var record = ConsentRecord.absent(TENANT, KEY, TestSeals.of(KEY));
        for (int i = 1; i <= length; i++) {
            var capture = new ConsentCapture(KEY, i % 2 == 0 ? ConsentState.OPTED_OUT : ConsentState.OPTED_IN,
                    Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i), Source.API, new Actor("crm"),
                    new Evidence("v" + i, null, null, null), "corr-" + i);
            ConsentChange change = record.capture(capture, false, "c" + i, Instant.parse("2026-11-23T10:00:00Z").plusSeconds(i));
            changes.add(change);
            record = ConsentRecord.reconstitute(change);
        }
        return changes;
    }
}
