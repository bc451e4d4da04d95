package org.consentplatform.domain.consent;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored hashes must keep verifying: an entry written before a field was added to the canonical
 * form hashes exactly as it did then. The expected hash was computed by the code that wrote such entries.
 */
class CanonicalFormTest {

    private static final RecordKey KEY = RecordKey.ofPurpose(new TechnicalId("retail"),
            new ContactPoint(Channel.EMAIL, "ann@example.com"), new TechnicalId("commercial"));

    @Test
    void anEntryWithoutTheNewerFieldsHashesAsItAlwaysDid() {
        var capture = new ConsentCapture(KEY, ConsentState.OPTED_IN, Instant.parse("2026-11-01T00:00:00Z"), Source.API,
                new Actor("crm"), new Evidence("v1", "form-7", "203.0.113.9", "Mozilla/5.0"), "corr-1");

        ConsentChange change = ConsentRecord.absent(new TenantId("acme"), KEY)
                .capture(capture, false, "c1", Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(change.hash()).isEqualTo("4360a648a35c59875f8592457256069e68d065d6db1bf879343726e14110dff7");
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
        ConsentChange withReason = capture(new Actor("ada"), Evidence.operatorReason("asked by letter of 2 December"));
        ConsentChange otherReason = capture(new Actor("ada"), Evidence.operatorReason("asked on the phone"));
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
        return ConsentRecord.absent(new TenantId("acme"), KEY).capture(capture, false, "c1", Instant.parse("2026-11-23T10:00:00Z"));
    }
}
