package org.consentplatform.domain.inbound;

import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundEventTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final ComplianceProfile RETAIL = profile("retail");
    private static final ComplianceProfile BANK = profile("bank");

    @Test
    void anUnsubscribeFromOnePurposeOrTopicOptsOutOfThatAlone() {
        var topic = event(InboundEvent.Kind.UNSUBSCRIBE, "retail", "news", "shoes");

        assertThat(topic.optOuts(List.of(RETAIL, BANK))).singleElement().satisfies(capture -> {
            assertThat(capture.key().value()).isEqualTo("retail|EMAIL|ann@example.com|news|shoes");
            assertThat(capture.state()).isEqualTo(ConsentState.OPTED_OUT);
            assertThat(capture.source()).isEqualTo(Source.INBOUND_EVENT);
            assertThat(capture.capturedAt()).isEqualTo(AT);
            assertThat(capture.actor().id()).isEqualTo("provider:mailer");
            assertThat(capture.correlationId()).isEqualTo("inbound-event:evt-1");
        });
    }

    @Test
    void withoutAPurposeEveryCommercialPurposeIsWithdrawnInTheNamedProfileOrInAll() {
        assertThat(keys(event(InboundEvent.Kind.UNSUBSCRIBE, "bank", null, null).optOuts(List.of(RETAIL, BANK))))
                .containsExactly("bank|EMAIL|ann@example.com|news|", "bank|EMAIL|ann@example.com|offers|");
        assertThat(keys(event(InboundEvent.Kind.SPAM_COMPLAINT, null, null, null).optOuts(List.of(RETAIL, BANK))))
                .containsExactly("retail|EMAIL|ann@example.com|news|", "retail|EMAIL|ann@example.com|offers|",
                        "bank|EMAIL|ann@example.com|news|", "bank|EMAIL|ann@example.com|offers|");
        assertThat(keys(event(InboundEvent.Kind.HARD_BOUNCE, null, null, null).optOuts(List.of(RETAIL))))
                .as("transactional and tracking purposes are left alone")
                .containsExactly("retail|EMAIL|ann@example.com|news|", "retail|EMAIL|ann@example.com|offers|");
    }

    @Test
    void whatCanNeverBeAppliedIsRejected() {
        assertThatThrownBy(() -> event(InboundEvent.Kind.HARD_BOUNCE, "retail", "news", null))
                .isInstanceOf(DomainRejection.InvalidInput.class);
        assertThatThrownBy(() -> event(InboundEvent.Kind.UNSUBSCRIBE, null, "news", null))
                .isInstanceOf(DomainRejection.InvalidInput.class);
        assertThatThrownBy(() -> event(InboundEvent.Kind.UNSUBSCRIBE, "retail", "unknown", null).optOuts(List.of(RETAIL)))
                .isInstanceOf(DomainRejection.NotFound.class);
        assertThatThrownBy(() -> event(InboundEvent.Kind.UNSUBSCRIBE, "retail", "news", "hats").optOuts(List.of(RETAIL)))
                .isInstanceOf(DomainRejection.NotFound.class);
        assertThatThrownBy(() -> event(InboundEvent.Kind.UNSUBSCRIBE, "travel", null, null).optOuts(List.of(RETAIL)))
                .isInstanceOf(DomainRejection.NotFound.class);
    }

    private static List<String> keys(List<ConsentCapture> captures) {
        return captures.stream().map(c -> c.key().value()).toList();
    }

    private static InboundEvent event(InboundEvent.Kind kind, String profile, String purpose, String topic) {
        return new InboundEvent("evt-1", ACME, kind, ANN, id(profile), id(purpose), id(topic), AT, "mailer");
    }

    private static TechnicalId id(String value) {
        return value == null ? null : new TechnicalId(value);
    }

    private static ComplianceProfile profile(String id) {
        Purpose news = Purpose.define(new TechnicalId("news"), "News", PurposeType.COMMERCIAL, null, null,
                List.of(new Topic(new TechnicalId("shoes"), "Shoes")), false);
        Purpose offers = Purpose.define(new TechnicalId("offers"), "Offers", PurposeType.COMMERCIAL, null, null, null, false);
        return ComplianceProfile.create(ACME, new TechnicalId(id), new ProfileDefinition(id, null, List.of(news, offers), null));
    }
}
