package org.consentplatform.application.service;

import org.consentplatform.application.port.in.CaptureConsent.Caller;
import org.consentplatform.application.port.in.CaptureConsent.CaptureCommand;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConfirmationRequests;
import org.consentplatform.application.port.out.Tenants;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.consent.Suppression;
import org.consentplatform.domain.contact.MinorFlag;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentServiceTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Caller CALLER = new Caller(new Actor("crm"), "corr-1");
    private static final TechnicalId RETAIL = new TechnicalId("retail");
    private static final TechnicalId COMMERCIAL = new TechnicalId("commercial");

    private final InMemoryRecords records = new InMemoryRecords();
    private final ComplianceProfile profile = ComplianceProfile.create(ACME, new TechnicalId("retail"),
            new ProfileDefinition("Retail", null, null, null));
    private final Tenants tenants = new Tenants() {
        @Override
        public Optional<TenantSettings> settings(TenantId tenant) {
            return Optional.empty();
        }

        @Override
        public void save(TenantId tenant, TenantSettings settings) {
        }
    };
    private final ComplianceProfiles profiles = new ComplianceProfiles() {
        @Override
        public Optional<ComplianceProfile> find(TenantId tenant, TechnicalId profileId) {
            return profileId.equals(profile.id()) ? Optional.of(profile) : Optional.empty();
        }

        @Override
        public List<ComplianceProfile> all(TenantId tenant) {
            return List.of(profile);
        }

        @Override
        public void add(ComplianceProfile p) {
        }

        @Override
        public void replace(ComplianceProfile revised) {
        }
    };
    /** No purpose of these tests requires double opt-in: nothing may be requested or mailed. */
    private final ConfirmationRequests noRequests = new ConfirmationRequests() {
        @Override
        public void add(ConfirmationRequest request) {
            throw new AssertionError("no confirmation expected");
        }

        @Override
        public Optional<ConfirmationRequest> find(String tokenHash) {
            return Optional.empty();
        }

        @Override
        public List<ConfirmationRequest> unconfirmedFor(String address, int limit) {
            return List.of();
        }

        @Override
        public List<ConfirmationRequest> of(TenantId tenant, ContactPoint contactPoint) {
            return List.of();
        }

        @Override
        public boolean markConfirmed(String tokenHash, Instant at) {
            return false;
        }
    };
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final NoContacts contacts = new NoContacts(records.minors);
    private final ConsentService service = new ConsentService(records, contacts, tenants, profiles,
            new DoubleOptInService(noRequests, mail -> {
                throw new AssertionError("no mail expected");
            }, null, (tenant, address) -> {
                throw new AssertionError("no mail expected");
            }, records, profiles, records.erasures, clock, () -> "http://localhost"), records.erasures, clock);

    @Test
    void aLostRaceForTheSequenceNumberIsRetriedOnTheReloadedRecord() {
        records.racesToLose = 3;

        ConsentChange change = service.capture(ACME, command("ann@example.com", "OPTED_IN"), CALLER);

        assertThat(change.seq()).isEqualTo(1);
        assertThat(records.log.get(change.key())).hasSize(1);
    }

    @Test
    void endlessContentionEndsInAConflictNotAnEndlessLoop() {
        records.racesToLose = Integer.MAX_VALUE;

        assertThatThrownBy(() -> service.capture(ACME, command("ann@example.com", "OPTED_IN"), CALLER))
                .isInstanceOf(DomainRejection.ConcurrentChange.class);
    }

    @Test
    void aBatchWithOneInvalidItemRecordsNothingAndNamesEveryBadItem() {
        var batch = List.of(command("ann@example.com", "OPTED_IN"), command("bob@", "OPTED_IN"),
                command("carl@example.com", "OPTED_OUT"), command("not an address", "OPTED_IN"));

        assertThatThrownBy(() -> service.captureAll(ACME, batch, CALLER))
                .isInstanceOfSatisfying(DomainRejection.InvalidInput.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("items[1].address", "items[3].address"));
        assertThat(records.log).isEmpty();
    }

    @Test
    void sourcesOfThePlatformsOwnFlowsCannotBeClaimed() {
        assertThatThrownBy(() -> new CaptureCommand(RETAIL, new RawContactPoint(Channel.EMAIL, "ann@example.com"), COMMERCIAL,
                null, ConsentState.OPTED_IN, Instant.parse("2026-11-01T00:00:00Z"), Source.DOUBLE_OPT_IN, null, null))
                .isInstanceOfSatisfying(DomainRejection.InvalidInput.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("source"));
    }

    @Test
    void anOperatorSaysWhyAndTheReasonIsRecordedAsEvidence() {
        for (Evidence noReason : new Evidence[]{null, Evidence.NONE, Evidence.because("  ")}) {
            assertThatThrownBy(() -> operatorCommand(noReason))
                    .isInstanceOfSatisfying(DomainRejection.InvalidInput.class,
                            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("evidence.reason"));
        }

        ConsentChange change = service.capture(ACME, operatorCommand(Evidence.because("asked on the phone, 2 December")),
                new Caller(new Actor("ada", "consent-console"), "corr-2"));

        assertThat(change.source()).isEqualTo(Source.OPERATOR);
        assertThat(change.evidence().reason()).isEqualTo("asked on the phone, 2 December");
        assertThat(change.actor()).isEqualTo(new Actor("ada", "consent-console"));
    }

    private static CaptureCommand operatorCommand(Evidence evidence) {
        return new CaptureCommand(RETAIL, new RawContactPoint(Channel.EMAIL, "ann@example.com"), COMMERCIAL, null,
                ConsentState.OPTED_OUT, Instant.parse("2026-11-01T00:00:00Z"), Source.OPERATOR, evidence, null);
    }

    @Test
    void theCallerAndCorrelationAreRecorded() {
        ConsentChange change = service.capture(ACME, command("  Ann@Example.COM ", "OPTED_OUT"), CALLER);

        assertThat(change.key().contactPoint().address()).isEqualTo("ann@example.com");
        assertThat(change.actor().id()).isEqualTo("crm");
        assertThat(change.correlationId()).isEqualTo("corr-1");
        assertThat(change.source()).isEqualTo(Source.API);
    }

    @Test
    void aMinorsOptInNeedsAGuardianAndTheirOptOutDoesNot() {
        var zoe = new ContactPoint(Channel.EMAIL, "zoe@example.com");
        contacts.saveMinorFlag(ACME, new MinorFlag(zoe, LocalDate.parse("2015-05-01")));

        assertThatThrownBy(() -> service.capture(ACME, command("zoe@example.com", "OPTED_IN"), CALLER))
                .isInstanceOf(DomainRejection.RuleViolation.class).hasMessageContaining("guardian");
        assertThat(records.log.values().stream().flatMap(List::stream)).singleElement().satisfies(rejected -> {
            assertThat(rejected.outcome()).isEqualTo(ChangeOutcome.REJECTED);
            assertThat(rejected.rejection().rule()).isEqualTo("guardian-required");
            assertThat(rejected.after()).isNull();
        });

        var withGuardian = new CaptureCommand(RETAIL, new RawContactPoint(Channel.EMAIL, "zoe@example.com"), COMMERCIAL, null, ConsentState.OPTED_IN,
                Instant.parse("2026-11-01T00:00:00Z"), null, new Evidence(null, "signup", null, null, "Marc Martin (father)"), null);
        assertThat(service.capture(ACME, withGuardian, CALLER).evidence().guardian()).isEqualTo("Marc Martin (father)");
        assertThat(service.capture(ACME, command("zoe@example.com", "OPTED_OUT"), CALLER).applied()).isTrue();
    }

    @Test
    void aBatchWithAMinorsOptInKeepsThatAttemptAndAppliesNothing() {
        contacts.saveMinorFlag(ACME, new MinorFlag(new ContactPoint(Channel.EMAIL, "zoe@example.com"), LocalDate.parse("2015-05-01")));

        assertThatThrownBy(() -> service.captureAll(ACME, List.of(command("ann@example.com", "OPTED_IN"),
                command("zoe@example.com", "OPTED_IN")), CALLER)).isInstanceOf(DomainRejection.RuleViolation.class);

        assertThat(records.log.values().stream().flatMap(List::stream)).singleElement().satisfies(rejected -> {
            assertThat(rejected.outcome()).isEqualTo(ChangeOutcome.REJECTED);
            assertThat(rejected.key().contactPoint().address()).isEqualTo("zoe@example.com");
        });
    }

    @Test
    void aMinorWhoReachedTheAgeOfDigitalConsentOptsInAlone() {
        contacts.saveMinorFlag(ACME, new MinorFlag(new ContactPoint(Channel.EMAIL, "leo@example.com"), LocalDate.parse("2008-01-01")));

        assertThat(service.capture(ACME, command("leo@example.com", "OPTED_IN"), CALLER).applied()).isTrue();
    }

    @Test
    void anErasedAddressTakesTheOptInOfThePersonWhichLiftsItsSuppression() {
        var eve = new ContactPoint(Channel.EMAIL, "eve@example.com");
        var suppression = new Suppression("e-1", Instant.parse("2026-10-01T00:00:00Z"), "GDPR Art. 17(1)(b)");
        records.erasures.suppressions.put(eve, suppression);

        ConsentChange change = service.capture(ACME, command("eve@example.com", "OPTED_IN"), CALLER);

        assertThat(change.applied()).isTrue();
        assertThat(records.erasures.readmitted).as("its address stored again, before the change").containsExactly(eve);
        assertThat(records.erasures.suppressions).as("lifted").doesNotContainKey(eve);
        assertThat(records.erasures.lifts).singleElement().satisfies(lift -> {
            assertThat(lift.changeId()).isEqualTo(change.id());
            assertThat(lift.source()).isEqualTo(Source.API);
        });
    }

    @Test
    void anErasedAddressRefusesAnOperatorsOptInKeepsTheAttemptAndStoresNothingElse() {
        var eve = new ContactPoint(Channel.EMAIL, "eve@example.com");
        records.erasures.suppressions.put(eve, new Suppression("e-1", Instant.parse("2026-10-01T00:00:00Z"), "GDPR Art. 17"));
        var operatorOptIn = new CaptureCommand(RETAIL, new RawContactPoint(Channel.EMAIL, "eve@example.com"), COMMERCIAL, null,
                ConsentState.OPTED_IN, Instant.parse("2026-11-01T00:00:00Z"), Source.OPERATOR, Evidence.because("on the phone"), null);

        assertThatThrownBy(() -> service.captureAll(ACME, List.of(command("ann@example.com", "OPTED_IN"), operatorOptIn), CALLER))
                .isInstanceOfSatisfying(DomainRejection.RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("erased"));

        assertThat(records.log.values().stream().flatMap(List::stream)).as("only the refused attempt, nothing of the batch")
                .singleElement().satisfies(rejected -> assertThat(rejected.rejection().rule()).isEqualTo("erased"));
        assertThat(records.erasures.readmitted).isEmpty();
        assertThat(records.erasures.suppressions).containsKey(eve);
    }

    @Test
    void anErasedAddressTakesAnOptOutWithoutStoringItsAddressAgain() {
        var eve = new ContactPoint(Channel.EMAIL, "eve@example.com");
        records.erasures.suppressions.put(eve, new Suppression("e-1", Instant.parse("2026-10-01T00:00:00Z"), "GDPR Art. 17"));

        assertThat(service.capture(ACME, command("eve@example.com", "OPTED_OUT"), CALLER).applied()).isTrue();

        assertThat(records.erasures.readmitted).isEmpty();
        assertThat(records.erasures.suppressions).containsKey(eve);
        assertThat(records.erasures.suppressionReads).as("opt-outs need not ask").isZero();
    }

    private static CaptureCommand command(String address, String state) {
        return new CaptureCommand(RETAIL, new RawContactPoint(Channel.EMAIL, address), COMMERCIAL, null, ConsentState.valueOf(state),
                Instant.parse("2026-11-01T00:00:00Z"), null, null, null);
    }
}
