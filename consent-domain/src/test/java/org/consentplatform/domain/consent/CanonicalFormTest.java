package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.SealedAddress;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored hashes must keep verifying: an entry written before a field was added to the canonical
 * form hashes exactly as it did then (the expected hash was computed by the code that wrote such
 * entries), and an entry of version 2 verifies whether or not its address can still be read.
 */
class CanonicalFormTest {

    private static final RecordKey KEY = RecordKey.ofPurpose(new TechnicalId("retail"),
            new ContactPoint(Channel.EMAIL, "ann@example.com"), new TechnicalId("commercial"));

    @Test
    void anEntryOfVersionOneWithoutTheNewerFieldsHashesAsItAlwaysDid() {
        ConsentChange change = versionOne("4360a648a35c59875f8592457256069e68d065d6db1bf879343726e14110dff7");

        assertThat(change.contentIntact()).isTrue();
        assertThat(versionOne("4360a648a35c59875f8592457256069e68d065d6db1bf879343726e14110dff8").contentIntact()).isFalse();
    }

    @Test
    void versionTwoHashesThePseudonymAndCiphertextNeverTheAddress() {
        ConsentChange change = captureBy(new Actor("crm"));

        assertThat(change.canonicalForm()).startsWith("consent-change/v2").doesNotContain("ann@example.com")
                .contains(TestSeals.of(KEY).pseudonym()).contains(TestSeals.of(KEY).ciphertext());
        var withheld = new ConsentChange(change.id(), change.tenant(), KEY.withheld(change.sealed().pseudonym()), change.sealed(),
                change.seq(), change.outcome(), null, change.requestedState(), change.before(), change.after(), change.capturedAt(),
                change.recordedAt(), change.source(), change.actor(), change.evidence(), change.correlationId(),
                change.previousHash(), change.hash());
        assertThat(withheld.contentIntact()).as("read back without its address (erased), the entry still verifies").isTrue();
        var otherCiphertext = new ConsentChange(change.id(), change.tenant(), KEY,
                new SealedAddress(change.sealed().pseudonym(), "another-ciphertext"), change.seq(), change.outcome(), null,
                change.requestedState(), change.before(), change.after(), change.capturedAt(), change.recordedAt(), change.source(),
                change.actor(), change.evidence(), change.correlationId(), change.previousHash(), change.hash());
        assertThat(otherCiphertext.contentIntact()).as("the ciphertext is hashed content").isFalse();
    }

    @Test
    void aVersionOneEntryResealedKeepsItsContentAndVerifiesInVersionTwo() {
        ConsentChange old = versionOne("4360a648a35c59875f8592457256069e68d065d6db1bf879343726e14110dff7");

        ConsentChange resealed = old.resealed(TestSeals.of(KEY), ConsentChange.GENESIS);

        assertThat(resealed.contentIntact()).isTrue();
        assertThat(resealed.hash()).isNotEqualTo(old.hash());
        assertThat(resealed.after()).isEqualTo(old.after());
        assertThat(resealed.id()).isEqualTo(old.id());
    }

    @Test
    void aNewEntryCannotBeChainedWithoutItsSealedContactPoint() {
        var capture = new ConsentCapture(KEY, ConsentState.OPTED_IN, Instant.parse("2026-11-01T00:00:00Z"), Source.API,
                new Actor("crm"), Evidence.NONE, "corr-1");

        assertThatThrownBy(() -> ConsentRecord.absent(new TenantId("acme"), KEY, null)
                .capture(capture, false, "c1", Instant.parse("2026-11-23T10:00:00Z"))).isInstanceOf(IllegalStateException.class);
    }

    /** An entry as the code before pseudonyms wrote it (no seal), with the hash that code stored. */
    private static ConsentChange versionOne(String storedHash) {
        var evidence = new Evidence("v1", "form-7", "203.0.113.9", "Mozilla/5.0");
        Instant captured = Instant.parse("2026-11-01T00:00:00Z");
        return new ConsentChange("c1", new TenantId("acme"), KEY, null, 1, ChangeOutcome.APPLIED, null, ConsentState.OPTED_IN,
                null, new RecordState(ConsentState.OPTED_IN, captured, Source.API, evidence), captured,
                Instant.parse("2026-11-23T10:00:00Z"), Source.API, new Actor("crm"), evidence, "corr-1", ConsentChange.GENESIS,
                storedHash);
    }

    @Test
    void theClientAnActorUsedIsPartOfTheHashedContent() {
        ConsentChange viaCrm = captureBy(new Actor("f1a6c0de", "crm-sync"));
        ConsentChange viaOther = captureBy(new Actor("f1a6c0de", "other-app"));

        assertThat(viaCrm.hash()).isNotEqualTo(viaOther.hash()).isNotEqualTo(captureBy(new Actor("f1a6c0de")).hash());
        assertThat(new Actor("crm", "crm").client()).as("a client that is the subject adds nothing").isNull();
    }

    @Test
    void anOperatorsReasonIsPartOfTheHashedContentOnlyWhenGiven() {
        ConsentChange withReason = capture(new Actor("ada"), Evidence.because("asked by letter of 2 December"));
        ConsentChange otherReason = capture(new Actor("ada"), Evidence.because("asked on the phone"));
        ConsentChange noReason = capture(new Actor("ada"), new Evidence(null, null, null, null, null));

        assertThat(withReason.hash()).isNotEqualTo(otherReason.hash()).isNotEqualTo(noReason.hash());
        assertThat(noReason.hash()).isEqualTo(capture(new Actor("ada"), Evidence.NONE).hash());
    }

    private static ConsentChange captureBy(Actor actor) {
        return capture(actor, Evidence.NONE);
    }

    private static ConsentChange capture(Actor actor, Evidence evidence) {
        var capture = new ConsentCapture(KEY, ConsentState.OPTED_IN, Instant.parse("2026-11-01T00:00:00Z"), Source.API,
                actor, evidence, "corr-1");
        return ConsentRecord.absent(new TenantId("acme"), KEY, TestSeals.of(KEY)).capture(capture, false, "c1", Instant.parse("2026-11-23T10:00:00Z"));
    }
}
