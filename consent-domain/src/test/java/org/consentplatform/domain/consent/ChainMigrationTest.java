package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainMigrationTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final RecordKey KEY = RecordKey.ofPurpose(new TechnicalId("retail"),
            new ContactPoint(Channel.EMAIL, "ann@example.com"), new TechnicalId("commercial"));
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void anIntactVersionOneChainIsRewrittenInVersionTwoWithTheSameContentAndLinks() {
        List<ConsentChange> old = versionOneChain(3);
        SealedAddress sealed = TestSeals.of(KEY);

        ChainMigration.Resealed resealed = ChainMigration.reseal(KEY, old, 3, old.getLast().hash(), sealed);

        assertThat(resealed.verification().intact()).isTrue();
        assertThat(resealed.entries()).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.sealed()).isEqualTo(sealed);
            assertThat(entry.canonicalForm()).startsWith("consent-change/v2").doesNotContain("ann@example.com");
        });
        assertThat(resealed.entries()).extracting(ConsentChange::id).containsExactly("c1", "c2", "c3");
        assertThat(resealed.entries()).extracting(ConsentChange::after).isEqualTo(old.stream().map(ConsentChange::after).toList());
        assertThat(ChainVerification.verify(KEY, resealed.entries(), 3, resealed.entries().getLast().hash()).intact()).isTrue();
    }

    @Test
    void aBrokenChainIsReportedAndNeverResealed() {
        List<ConsentChange> old = new ArrayList<>(versionOneChain(3));
        ConsentChange edited = old.get(1);
        old.set(1, new ConsentChange(edited.id(), edited.tenant(), edited.key(), null, edited.seq(), edited.outcome(), null,
                ConsentState.OPTED_IN, edited.before(), edited.after(), edited.capturedAt(), edited.recordedAt(), edited.source(),
                edited.actor(), edited.evidence(), edited.correlationId(), edited.previousHash(), edited.hash()));

        ChainMigration.Resealed resealed = ChainMigration.reseal(KEY, old, 3, old.getLast().hash(), TestSeals.of(KEY));

        assertThat(resealed.verification().intact()).isFalse();
        assertThat(resealed.verification().seq()).isEqualTo(2);
        assertThat(resealed.entries()).isEmpty();
    }

    @Test
    void theAttestationLinksTheHeadsACheckpointSealedBeforeToThoseAfterAndDetectsAnEdit() {
        List<ConsentChange> old = versionOneChain(2);
        var resealed = ChainMigration.reseal(KEY, old, 2, old.getLast().hash(), TestSeals.of(KEY)).entries();
        List<StreamHead> before = List.of(new StreamHead(KEY, 2, old.getLast().hash()));
        List<StreamHead> after = List.of(new StreamHead(KEY.withheld(TestSeals.of(KEY).pseudonym()), 2, resealed.getLast().hash()));

        ChainMigration attestation = ChainMigration.attest(TENANT, ChainMigration.PSEUDONYMS, AT, 4, 2,
                ChainMigration.headsDigest(before), before.size(), after);

        assertThat(attestation.headsBefore()).isEqualTo(TenantCheckpoint.seal(TENANT, null, before, AT).headsDigest());
        assertThat(attestation.headsAfter()).isEqualTo(TenantCheckpoint.seal(TENANT, null, after, AT).headsDigest());
        assertThat(attestation.intact()).isTrue();
        assertThat(new ChainMigration(TENANT, attestation.name(), AT, 4, 1, 1, attestation.headsBefore(), attestation.headsAfter(),
                attestation.hash()).intact()).isFalse();
        assertThatThrownBy(() -> ChainMigration.attest(TENANT, ChainMigration.PSEUDONYMS, AT, 4, 2,
                ChainMigration.headsDigest(before), before.size(), List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    private static List<ConsentChange> versionOneChain(int length) {
        return VersionOneEntries.chain(TENANT, KEY, "c", length, AT);
    }
}
