package org.consentplatform.domain.profile;

import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.EnforcementModel;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.RecordState;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.enforcement.NoticeChangeImpact;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeTest {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");
    private static final NoticeVersion V1 = new NoticeVersion("1", JAN, false, Map.of("en", "News by email."));
    private static final NoticeVersion V2 = new NoticeVersion("2", JUN, true, Map.of("en", "News and partner offers by email."));
    private static final ContactPoint ANN = new ContactPoint(Channel.EMAIL, "ann@example.com");

    @Test
    void anOptInUnderAnOlderVersionCountsAsAbsentOnceAMaterialOneIsInEffectWhereConsentIsRequiredAgain() {
        ComplianceProfile profile = profile(NoticePolicy.RECONSENT_REQUIRED, V1, V2);
        RecordKey key = key(profile, null);

        assertThat(profile.noticeSupersedes(key, optIn(JAN.plusSeconds(60), "news-wording@1"), DEC)).isTrue();
        assertThat(profile.noticeSupersedes(key, optIn(JAN.plusSeconds(60), "news-wording@1"), JUN.minusSeconds(1)))
                .as("not yet in effect").isFalse();
        assertThat(profile.noticeSupersedes(key, optIn(JAN.plusSeconds(60), "news-wording@2"), DEC)).as("agreed to the new one").isFalse();
        assertThat(profile.noticeSupersedes(key, optIn(JAN.plusSeconds(60), null), DEC)).as("none named, given before it").isTrue();
        assertThat(profile.noticeSupersedes(key, optIn(JUN.plusSeconds(60), null), DEC)).as("none named, given after it").isFalse();
        assertThat(profile.noticeSupersedes(key, new RecordState(ConsentState.OPTED_OUT, JAN, Source.API, Evidence.NONE), DEC))
                .as("an opt-out stays an opt-out").isFalse();
    }

    @Test
    void grandfatheredOptInsAndNonMaterialVersionsSupersedeNothing() {
        assertThat(profile(NoticePolicy.GRANDFATHERED, V1, V2).noticeSupersedes(key(profile(NoticePolicy.GRANDFATHERED, V1, V2), null),
                optIn(JAN.plusSeconds(60), "news-wording@1"), DEC)).isFalse();
        NoticeVersion minor = new NoticeVersion("2", JUN, false, Map.of("en", "News, by email."));
        ComplianceProfile profile = profile(NoticePolicy.RECONSENT_REQUIRED, V1, minor);
        assertThat(profile.noticeSupersedes(key(profile, null), optIn(JAN.plusSeconds(60), "news-wording@1"), DEC)).isFalse();
    }

    @Test
    void aTopicsOpInIsWordedByItsTopicsNoticeElseByItsPurposes() {
        ComplianceProfile profile = profile(NoticePolicy.RECONSENT_REQUIRED, V1, V2);
        assertThat(profile.noticeFor(key(profile, "shoes"))).map(Notice::id).contains(new TechnicalId("news-wording"));
    }

    @Test
    void aCaptureMayNameOnlyAVersionOfItsOwnNoticeAndTheHashFollowsTheText() {
        ComplianceProfile profile = profile(NoticePolicy.RECONSENT_REQUIRED, V1, V2);
        assertThat(profile.requireNoticeVersion(key(profile, null), new TechnicalId("news-wording"), "2")).isEqualTo(V2);
        assertThatThrownBy(() -> profile.requireNoticeVersion(key(profile, null), new TechnicalId("news-wording"), "9"))
                .isInstanceOfSatisfying(DomainRejection.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("notice-unknown"));
        assertThatThrownBy(() -> profile.requireNoticeVersion(key(profile, null), new TechnicalId("other"), "1"))
                .isInstanceOf(DomainRejection.RuleViolation.class);
        assertThat(V1.hash()).hasSize(64).isNotEqualTo(V2.hash())
                .isEqualTo(new NoticeVersion("1b", DEC, true, Map.of("en", "News by email.")).hash());
    }

    @Test
    void aRevisionKeepsEveryPublishedVersionAsItWas() {
        ComplianceProfile profile = profile(NoticePolicy.RECONSENT_REQUIRED, V1);
        NoticeVersion reworded = new NoticeVersion("1", JAN, false, Map.of("en", "Something else."));
        assertThatThrownBy(() -> profile.revise(revision(profile, reworded), profile.version()))
                .isInstanceOfSatisfying(DomainRejection.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("notice-version-kept"));
        assertThat(profile.revise(revision(profile, V1, V2), profile.version()).notices().getFirst().versions())
                .containsExactly(V1, V2);
        assertThatThrownBy(() -> new Notice(new TechnicalId("n"), new TechnicalId("news"), null, List.of(V2, V1)))
                .as("oldest first").isInstanceOf(DomainRejection.InvalidInput.class);
    }

    @Test
    void theDryRunCountsTheContactPointsAMaterialVersionWouldStop() {
        ComplianceProfile profile = profile(NoticePolicy.RECONSENT_REQUIRED, V1);
        var impact = NoticeChangeImpact.of(profile, new TechnicalId("news-wording"), V2, JAN.plusSeconds(3600));
        impact.count(key(profile, null), optIn(JAN.plusSeconds(60), "news-wording@1"));
        impact.count(key(profile, "shoes"), optIn(JAN.plusSeconds(60), null));
        ContactPoint bob = new ContactPoint(Channel.EMAIL, "bob@example.com");
        impact.count(new RecordKey(profile.id(), bob, new TechnicalId("news"), null),
                new RecordState(ConsentState.OPTED_OUT, JAN, Source.API, Evidence.NONE));

        assertThat(impact.at()).isEqualTo(JUN);
        assertThat(impact.evaluated()).isEqualTo(3);
        assertThat(impact.optInsStopped()).isEqualTo(2);
        assertThat(impact.contactPointsStopped()).as("ann once, for two records").isEqualTo(1);
        assertThat(impact.sample()).extracting(RecordKey::contactPoint).containsExactly(ANN);
    }

    private static RecordState optIn(Instant at, String notice) {
        return new RecordState(ConsentState.OPTED_IN, at, Source.FORM, Evidence.NONE.withNotice(notice, notice == null ? null : "0".repeat(64)));
    }

    private static RecordKey key(ComplianceProfile profile, String topic) {
        return new RecordKey(profile.id(), ANN, new TechnicalId("news"), topic == null ? null : new TechnicalId(topic));
    }

    private static ComplianceProfile profile(NoticePolicy policy, NoticeVersion... versions) {
        return ComplianceProfile.create(new TenantId("acme"), new TechnicalId("retail"), definition(policy, versions));
    }

    /** The whole profile again (a revision names every purpose), with the notice's versions as given. */
    private static ProfileDefinition revision(ComplianceProfile profile, NoticeVersion... versions) {
        return new ProfileDefinition(profile.name(), null, profile.purposes(), null, null, null, null,
                List.of(new Notice(new TechnicalId("news-wording"), new TechnicalId("news"), null, List.of(versions))), null);
    }

    private static ProfileDefinition definition(NoticePolicy policy, NoticeVersion... versions) {
        return new ProfileDefinition("Retail", null, List.of(Purpose.define(new TechnicalId("news"), "News", PurposeType.COMMERCIAL,
                LegalBasis.CONSENT, Map.of(Channel.EMAIL, EnforcementModel.RESTRICTIVE),
                List.of(new Topic(new TechnicalId("shoes"), "Shoes")), false)), null, null, null, null,
                List.of(new Notice(new TechnicalId("news-wording"), new TechnicalId("news"), null, List.of(versions))), policy);
    }
}
