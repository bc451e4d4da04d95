package org.consentplatform.domain.enforcement;

import org.consentplatform.domain.consent.TestSeals;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentLifetime;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Rejection;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consentplatform.domain.enforcement.Fixtures.EMAIL;

/** §10: an opt-in older than its purpose's lifetime is evaluated as absent, and the decision says so. */
class ExpiryTest {

    static final Instant CAPTURED = Instant.parse("2025-01-31T10:00:00Z");
    static final ConsentLifetime ONE_MONTH = new ConsentLifetime(Period.ofMonths(1), true);

    private static ComplianceProfile profile(EnforcementModel model) {
        return ComplianceProfile.create(Fixtures.TENANT, Fixtures.PROFILE, new ProfileDefinition("Retail", null, List.of(
                Purpose.define(Fixtures.COMMERCIAL, null, PurposeType.COMMERCIAL, null, Map.of(Channel.EMAIL, model),
                        List.of(new Topic(Fixtures.TOPIC, null)), false, null, ONE_MONTH)), null));
    }

    private static Decision decide(EnforcementModel model, RecordKey key, Instant now) {
        RecordStates states = RecordStates.at(now, Map.of(key, new RecordState(ConsentState.OPTED_IN, CAPTURED, Source.API, null)));
        ComplianceProfile profile = profile(model);
        return EnforcementPolicy.decide(MessageIntent.resolve(profile, Fixtures.COMMERCIAL, key.topicId(), EMAIL, null),
                Fixtures.NO_FLAGS, states);
    }

    @Test
    void anOptInCountsUntilTheLastInstantOfItsCalendarLifetime() {
        RecordKey key = RecordKey.ofPurpose(Fixtures.PROFILE, EMAIL, Fixtures.COMMERCIAL);

        // one month after 31 January is 28 February in 2025
        assertThat(decide(EnforcementModel.RESTRICTIVE, key, Instant.parse("2025-02-28T09:59:59Z")).send()).isTrue();
        Decision expired = decide(EnforcementModel.RESTRICTIVE, key, Instant.parse("2025-02-28T10:00:00Z"));
        assertThat(expired.send()).isFalse();
        assertThat(expired.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.CONSENT_EXPIRED);
            assertThat(r.explanation()).contains("expired");
        });
    }

    @Test
    void anExpiredOptInIsAbsentForTheModelSoNonRestrictiveStillSends() {
        RecordKey key = RecordKey.ofPurpose(Fixtures.PROFILE, EMAIL, Fixtures.COMMERCIAL);

        assertThat(decide(EnforcementModel.NON_RESTRICTIVE, key, Instant.parse("2025-06-01T00:00:00Z")).send()).isTrue();
    }

    @Test
    void aTopicOptInLivesAsLongAsItsPurposeSays() {
        RecordKey topic = new RecordKey(Fixtures.PROFILE, EMAIL, Fixtures.COMMERCIAL, Fixtures.TOPIC);

        assertThat(decide(EnforcementModel.RESTRICTIVE, topic, Instant.parse("2025-06-01T00:00:00Z")).reasons())
                .anyMatch(r -> r.code() == ReasonCode.CONSENT_EXPIRED && r.record().equals(topic));
    }

    @Test
    void aBareStateFunctionAppliesNoLifetime() {
        RecordKey key = RecordKey.ofPurpose(Fixtures.PROFILE, EMAIL, Fixtures.COMMERCIAL);
        ComplianceProfile profile = profile(EnforcementModel.RESTRICTIVE);

        assertThat(EnforcementPolicy.decide(MessageIntent.resolve(profile, Fixtures.COMMERCIAL, null, EMAIL, null), Fixtures.NO_FLAGS,
                k -> ConsentState.OPTED_IN).send()).isTrue();
    }

    @Test
    void theExpiryChangeEndsTheOptInAtItsExpiryAndOlderCapturesCannotBringItBack() {
        RecordKey key = RecordKey.ofPurpose(Fixtures.PROFILE, EMAIL, Fixtures.COMMERCIAL);
        var optIn = ConsentRecord.absent(Fixtures.TENANT, key, TestSeals.of(key)).capture(new ConsentCapture(key, ConsentState.OPTED_IN, CAPTURED,
                Source.API, new Actor("crm"), Evidence.NONE, null), false, "c-1", CAPTURED);
        ConsentRecord held = ConsentRecord.reconstitute(optIn);
        Instant now = Instant.parse("2025-06-01T00:00:00Z");

        assertThat(held.expire(ONE_MONTH, Instant.parse("2025-02-01T00:00:00Z"))).as("not due yet").isEmpty();
        ConsentChange expiry = held.expire(ONE_MONTH, now).orElseThrow();
        assertThat(expiry.source()).isEqualTo(Source.EXPIRY);
        assertThat(expiry.requestedState()).isNull();
        assertThat(expiry.after().expired()).isTrue();
        assertThat(expiry.after().capturedAt()).isEqualTo(Instant.parse("2025-02-28T10:00:00Z"));
        assertThat(expiry.contentIntact()).isTrue();
        assertThat(held.expire(ONE_MONTH, now.plusSeconds(60)).orElseThrow().id()).as("the same opt-in, the same id").isEqualTo(expiry.id());

        ConsentRecord expired = ConsentRecord.reconstitute(expiry);
        assertThat(expired.expire(ONE_MONTH, now)).isEmpty();
        var lateImport = new ConsentCapture(key, ConsentState.OPTED_IN, Instant.parse("2025-02-10T00:00:00Z"), Source.IMPORT,
                new Actor("import:1"), Evidence.NONE, null);
        assertThat(expired.capture(lateImport, false, "c-3", now).outcome()).isEqualTo(ChangeOutcome.SUPERSEDED);
    }

    @Test
    void theExpiryCandidatesReachFarEnoughForMonthEnds() {
        Instant now = Instant.parse("2025-02-28T10:00:00Z"); // the instant an opt-in of 31 January expires

        assertThat(ONE_MONTH.expired(CAPTURED, now)).isTrue();
        assertThat(ONE_MONTH.capturedNoLaterThanForExpiry(now)).isAfterOrEqualTo(CAPTURED);
        assertThat(ConsentLifetime.UNLIMITED.capturedNoLaterThanForExpiry(now)).isNull();
    }

    @Test
    void engagementRenewsOnlyAValidOptInOfAPurposeThatAllowsIt() {
        var valid = new RecordState(ConsentState.OPTED_IN, CAPTURED, Source.API, null);

        assertThat(ONE_MONTH.renewalRefusal(valid, Instant.parse("2025-02-20T00:00:00Z"))).isEmpty();
        assertThat(ONE_MONTH.renewalRefusal(valid, Instant.parse("2025-03-01T00:00:00Z"))).get()
                .extracting(Rejection::rule).isEqualTo("nothing-to-renew");
        assertThat(ONE_MONTH.renewalRefusal(null, CAPTURED)).get().extracting(Rejection::rule).isEqualTo("nothing-to-renew");
        assertThat(new ConsentLifetime(Period.ofMonths(1), false).renewalRefusal(valid, CAPTURED)).get()
                .extracting(Rejection::rule).isEqualTo("renewal-on-engagement-off");
        assertThatThrownBy(() -> new ConsentLifetime(Period.ofYears(11), false)).isInstanceOf(DomainRejection.InvalidInput.class);
    }

    @Test
    void everyOptInCapturedByTheCountingCutOffHasExpiredEvenAtMonthEnds() {
        for (String now : List.of("2025-02-28T10:00:00Z", "2025-03-01T00:30:00Z", "2025-03-31T23:59:59Z", "2024-02-29T12:00:00Z")) {
            Instant moment = Instant.parse(now);
            Instant cutOff = ONE_MONTH.surelyExpiredIfCapturedBy(moment);
            for (int hours = 0; hours < 24 * 5; hours++) {
                Instant captured = cutOff.minus(java.time.Duration.ofHours(hours));
                assertThat(ONE_MONTH.expired(captured, moment)).as("captured %s, now %s", captured, now).isTrue();
            }
        }
        // a month from 31 January ends on 28 February, after the cut-off's 28 January: counted late, never early
        assertThat(ONE_MONTH.expired(CAPTURED, Instant.parse("2025-02-28T10:00:00Z"))).isTrue();
        assertThat(ONE_MONTH.surelyExpiredIfCapturedBy(Instant.parse("2025-02-28T10:00:00Z"))).isBefore(CAPTURED);
    }
}
