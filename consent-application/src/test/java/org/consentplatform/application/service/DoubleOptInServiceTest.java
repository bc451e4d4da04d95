package org.consentplatform.application.service;

import org.consentplatform.application.port.in.CaptureConsent.Caller;
import org.consentplatform.application.port.in.CaptureConsent.CaptureCommand;
import org.consentplatform.application.port.in.ConfirmOptIns;
import org.consentplatform.application.port.out.ChangeOutbox;
import org.consentplatform.application.port.out.ConfirmationMails.ConfirmationMail;
import org.consentplatform.application.port.out.ConfirmationRequests;
import org.consentplatform.application.port.out.EventPublisher;
import org.consentplatform.domain.sms.SmsReceived;
import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.TenantCheckpoint;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.doubleoptin.ConfirmationToken;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Delivery, language, and new links (§5), with the ports replaced by memory. */
class DoubleOptInServiceTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Caller CALLER = new Caller(new Actor("signup-form"), null);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final InMemoryRecords records = new InMemoryRecords();
    private final Map<String, ConfirmationRequest> requests = new HashMap<>();
    private final List<ConfirmationMail> mails = new ArrayList<>();
    private final List<EventPublisher.ConfirmationRequested> announced = new ArrayList<>();
    private Duration quotaWait = Duration.ZERO;
    private ComplianceProfile profile = profile(new DoubleOptInSettings(Duration.ofHours(24), "news@brand.example", "Brand news",
            URI.create("https://brand.example/thanks"), "pl", DoubleOptInSettings.Delivery.PLATFORM_MAIL));

    private final DoubleOptInService doubleOptIn = new DoubleOptInService(new Requests(), mails::add, new Announcements(),
            (tenant, address) -> quotaWait, records, new OneProfile(() -> profile), records.erasures, clock,
            () -> "https://consent.example/");
    private final ConsentService consent = new ConsentService(records, new NoContacts(), new NoTenantSettings(),
            new OneProfile(() -> profile), doubleOptIn, records.erasures, clock);

    @Test
    void theLinkIsMailedFromTheProfilesSenderInTheCapturesLanguageAndAnnouncedWithoutIt() {
        ConsentChange change = optIn("ann@example.com", "news", "fr-BE");

        assertThat(change.after().state()).isEqualTo(ConsentState.PENDING_CONFIRMATION);
        ConfirmationMail mail = mails.getFirst();
        assertThat(mail.language()).isEqualTo("fr");
        assertThat(mail.senderAddress()).isEqualTo("news@brand.example");
        assertThat(mail.senderName()).isEqualTo("Brand news");
        assertThat(mail.link()).startsWith("https://consent.example/confirm/");
        assertThat(mail.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        String token = token(mail);
        assertThat(requests).containsOnlyKeys(ConfirmationToken.hashOf(token));

        EventPublisher.ConfirmationRequested event = announced.getFirst();
        assertThat(event.requestId()).isEqualTo(ConfirmationToken.hashOf(token));
        assertThat(event.pendingSeq()).isEqualTo(change.seq());
        assertThat(event.mail().link()).as("the platform mails the link: the event need not carry it").isNull();
        assertThat(event.mail().language()).isEqualTo("fr");
    }

    @Test
    void withoutALanguageWeWriteInTheProfilesDefaultIsUsed() {
        optIn("ann@example.com", "news", "de-DE");
        optIn("bob@example.com", "news", null);

        assertThat(mails).extracting(ConfirmationMail::language).containsExactly("pl", "pl");
    }

    @Test
    void anExternalSenderGetsTheLinkInTheEventAndThePlatformMailsNothing() {
        profile = profile(new DoubleOptInSettings(null, null, null, null, null, DoubleOptInSettings.Delivery.EXTERNAL_SENDER));

        optIn("ann@example.com", "news", "en");

        assertThat(mails).isEmpty();
        String link = announced.getFirst().mail().link();
        assertThat(link).startsWith("https://consent.example/confirm/");
        assertThat(doubleOptIn.view(link.substring(link.lastIndexOf('/') + 1)).status()).isEqualTo(ConfirmOptIns.Status.OPEN);
    }

    @Test
    void anExpiredLinkIsRenewedAndTheNewLinkConfirmsAndRedirects() {
        optIn("ann@example.com", "news", "fr");
        String expired = token(mails.getFirst());
        clock.move(Duration.ofHours(25));
        assertThat(doubleOptIn.view(expired).status()).isEqualTo(ConfirmOptIns.Status.EXPIRED);

        assertThat(doubleOptIn.renew(expired)).isEqualTo(ConfirmOptIns.Renewal.SENT);

        ConfirmationMail renewal = mails.getLast();
        assertThat(renewal.language()).as("the language of the first mail").isEqualTo("fr");
        assertThat(renewal.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(announced).hasSize(2);
        ConfirmOptIns.Confirmation confirmed = doubleOptIn.confirm(token(renewal), "203.0.113.7", "Firefox");
        assertThat(confirmed.status()).isEqualTo(ConfirmOptIns.Status.CONFIRMED);
        assertThat(confirmed.redirectUrl()).isEqualTo(URI.create("https://brand.example/thanks"));
        assertThat(doubleOptIn.renew(expired)).as("nothing waits any more").isEqualTo(ConfirmOptIns.Renewal.NOT_RENEWABLE);
        assertThat(doubleOptIn.renew("x".repeat(43))).isEqualTo(ConfirmOptIns.Renewal.UNKNOWN);
        assertThat(mails).hasSize(2);
    }

    @Test
    void aRenewalPastTheAddressQuotaIsRefusedWithTheWait() {
        optIn("ann@example.com", "news", null);
        quotaWait = Duration.ofMinutes(20);

        assertThatThrownBy(() -> doubleOptIn.renew(token(mails.getFirst())))
                .isInstanceOfSatisfying(DomainRejection.TooManyRequests.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(20)));
        assertThat(mails).hasSize(1);
    }

    @Test
    void newLinksByAddressGoToEachOptInStillWaitingAndSayNothingOfTheRest() {
        optIn("ann@example.com", "news", null);
        optIn("ann@example.com", "offers", null);
        optIn("ann@example.com", "offers", null); // a second pending capture: its first link is void
        capture("ann@example.com", "news", ConsentState.OPTED_OUT, null);
        mails.clear();

        doubleOptIn.renewFor("  ANN@example.com ");

        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("ann@example.com");
            assertThat(mail.purpose()).isEqualTo("Offers");
            assertThat(doubleOptIn.view(token(mail)).status()).isEqualTo(ConfirmOptIns.Status.OPEN);
        });
        doubleOptIn.renewFor("nobody@example.com");
        assertThat(mails).hasSize(1);
        assertThatThrownBy(() -> doubleOptIn.renewFor("not an address")).isInstanceOf(DomainRejection.InvalidInput.class);
    }

    private ConsentChange optIn(String address, String purpose, String locale) {
        return capture(address, purpose, ConsentState.OPTED_IN, locale);
    }

    private ConsentChange capture(String address, String purpose, ConsentState state, String locale) {
        clock.move(Duration.ofSeconds(1));
        return consent.capture(ACME, new CaptureCommand(new TechnicalId("retail"),
                new RawContactPoint(Channel.EMAIL, address), new TechnicalId(purpose), null, state,
                clock.instant(), null, null, locale), CALLER);
    }

    private static String token(ConfirmationMail mail) {
        return mail.link().substring(mail.link().lastIndexOf('/') + 1);
    }

    private static ComplianceProfile profile(DoubleOptInSettings settings) {
        List<Purpose> purposes = List.of(
                Purpose.define(new TechnicalId("news"), "News", PurposeType.COMMERCIAL, null, Map.of(), List.of(), true),
                Purpose.define(new TechnicalId("offers"), "Offers", PurposeType.COMMERCIAL, null, Map.of(), List.of(), true));
        return ComplianceProfile.create(ACME, new TechnicalId("retail"),
                new ProfileDefinition("Brand", "1 Main Street", purposes, null, settings));
    }

    private final class Requests implements ConfirmationRequests {
        @Override
        public void add(ConfirmationRequest request) {
            requests.put(request.tokenHash(), request);
        }

        @Override
        public Optional<ConfirmationRequest> find(String tokenHash) {
            return Optional.ofNullable(requests.get(tokenHash));
        }

        @Override
        public List<ConfirmationRequest> unconfirmedFor(String address, int limit) {
            return requests.values().stream()
                    .filter(r -> r.confirmedAt() == null && r.key().contactPoint().address().equalsIgnoreCase(address))
                    .sorted(Comparator.comparing(ConfirmationRequest::requestedAt).reversed()).limit(limit).toList();
        }

        @Override
        public List<ConfirmationRequest> of(TenantId tenant, ContactPoint contactPoint) {
            return requests.values().stream()
                    .filter(r -> r.tenant().equals(tenant) && r.key().contactPoint().equals(contactPoint))
                    .sorted(Comparator.comparing(ConfirmationRequest::requestedAt)).toList();
        }

        @Override
        public boolean markConfirmed(String tokenHash, Instant at) {
            return requests.computeIfPresent(tokenHash, (hash, request) -> request.confirmedAt(at)) != null;
        }
    }

    private final class Announcements implements EventPublisher {
        @Override
        public void announce(List<Erased> erasures) {
            throw new AssertionError("no erasure here");
        }

        @Override
        public void reply(SmsReceived.Reply reply) {
            throw new AssertionError("no SMS here");
        }

        @Override
        public CompletableFuture<Outcome> publish(List<ChangeOutbox.Entry> changes) {
            throw new AssertionError("changes go through the outbox");
        }

        @Override
        public void publish(TenantCheckpoint checkpoint) {
            throw new AssertionError("no checkpoint here");
        }

        @Override
        public CompletableFuture<Void> publish(ConfirmationRequested requested) {
            announced.add(requested);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
