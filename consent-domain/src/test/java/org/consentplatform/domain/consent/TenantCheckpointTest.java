package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantCheckpointTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final StreamHead ANN = head("ann@example.com", 3, "a");
    private static final StreamHead BOB = head("bob@example.com", 1, "b");

    @Test
    void checkpointsAreChainedAndSealTheirHeadsInAnyOrder() {
        TenantCheckpoint first = TenantCheckpoint.seal(ACME, null, List.of(ANN, BOB), AT);
        TenantCheckpoint second = TenantCheckpoint.seal(ACME, first, List.of(ANN), AT.plusSeconds(60));

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(ConsentChange.GENESIS);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(first.seals(List.of(BOB, ANN))).isTrue();
        assertThat(first.seals(List.of(ANN))).as("a head removed").isFalse();
        assertThat(first.seals(List.of(ANN, head("bob@example.com", 1, "forged")))).as("a head altered").isFalse();
        var forged = new TenantCheckpoint(ACME, 1, AT.plusSeconds(1), 2, first.headsDigest(), first.previousHash(), first.hash());
        assertThat(forged.seals(List.of(ANN, BOB))).as("the checkpoint itself altered").isFalse();
    }

    @Test
    void chainsThatStillHoldTheSealedHeadsPassAndEndsCutOffOrRewrittenAreNamed() {
        TenantCheckpoint checkpoint = TenantCheckpoint.seal(ACME, null, List.of(ANN, BOB), AT);
        var stored = Map.of(ANN.key().value() + "#3", "a", BOB.key().value() + "#1", "b");
        var breaches = new ArrayList<ChainVerification>();

        checkpoint.checkChains(List.of(ANN, BOB), (key, seq) -> stored.get(key.value() + "#" + seq), breaches::add);
        assertThat(breaches).isEmpty();

        var tampered = Map.of(BOB.key().value() + "#1", "rewritten");
        checkpoint.checkChains(List.of(ANN, BOB), (key, seq) -> tampered.get(key.value() + "#" + seq), breaches::add);
        assertThat(breaches).extracting(ChainVerification::key, ChainVerification::seq, ChainVerification::breach).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ANN.key(), 3L, ChainVerification.Breach.ENTRY_MISSING),
                org.assertj.core.groups.Tuple.tuple(BOB.key(), 1L, ChainVerification.Breach.LINK_BROKEN));
    }

    private static StreamHead head(String address, long seq, String hash) {
        return new StreamHead(RecordKey.ofPurpose(new TechnicalId("retail"), new ContactPoint(Channel.EMAIL, address),
                new TechnicalId("commercial")), seq, hash);
    }
}
