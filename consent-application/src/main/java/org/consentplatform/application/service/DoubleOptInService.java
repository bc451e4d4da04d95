package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ConfirmOptIns;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConfirmationMails;
import org.consentplatform.application.port.out.ConfirmationMails.ConfirmationMail;
import org.consentplatform.application.port.out.ConfirmationRequests;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.Erasures;
import org.consentplatform.application.port.out.EventPublisher;
import org.consentplatform.application.port.out.MailQuota;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.contactpoint.EmailAddresses;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.doubleoptin.ConfirmationToken;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.DoubleOptInSettings;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Double opt-in (§5): a pending opt-in gets a confirmation request whose link is delivered as
 * the profile says (mailed by the platform, or handed to an external sender through the
 * {@code doi.requested} event); the link's page confirms only on an explicit action, against
 * the record exactly as it was left pending, so an opt-out in between always wins.
 */
public final class DoubleOptInService implements ConfirmOptIns {

    private static final System.Logger LOG = System.getLogger(DoubleOptInService.class.getName());
    /** Requests looked at when a person asks for new links by address: a person has few opt-ins waiting. */
    private static final int MAX_RENEWALS_BY_ADDRESS = 20;

    private final ConfirmationRequests requests;
    private final ConfirmationMails mails;
    private final EventPublisher events;
    private final MailQuota quota;
    private final ConsentRecords records;
    private final ComplianceProfiles profiles;
    private final SuppressionLifts suppressions;
    private final Clock clock;
    private final Supplier<String> linkBase;

    /**
     * @param linkBase where the confirmation page is reached from the outside, e.g. {@code https://consent.example.com}
     *                 (asked for each link: a server's port may be known only once it listens)
     */
    public DoubleOptInService(ConfirmationRequests requests, ConfirmationMails mails, EventPublisher events, MailQuota quota,
                              ConsentRecords records, ComplianceProfiles profiles, Erasures erasures, Clock clock,
                              Supplier<String> linkBase) {
        this.requests = requests;
        this.mails = mails;
        this.events = events;
        this.quota = quota;
        this.records = records;
        this.profiles = profiles;
        this.suppressions = new SuppressionLifts(erasures, clock);
        this.clock = clock;
        this.linkBase = linkBase;
    }

    /**
     * Reserves a confirmation link's delivery before an opt-in that will need one is recorded,
     * so that a refused capture changes nothing.
     *
     * @throws DomainRejection.TooManyRequests when the address or the tenant had its share for now
     */
    void reserveMail(TenantId tenant, String address) {
        Duration wait = quota.take(tenant, address);
        if (!wait.isZero()) {
            throw new DomainRejection.TooManyRequests("too many confirmation mails for this address or tenant: retry later", wait);
        }
    }

    /**
     * Opens a request for a change that left its record pending and delivers the link. The opt-in
     * stays pending (and blocking) whatever happens to the delivery; a failed one is logged and
     * the person can ask for a new link.
     *
     * @param locale the person's language as the capture gave it (BCP 47), or null
     */
    void requestConfirmation(ComplianceProfile profile, ConsentChange change, String locale) {
        if (!change.leftPending()) {
            return;
        }
        DoubleOptInSettings settings = profile.doubleOptIn();
        ConfirmationToken token = ConfirmationToken.issue();
        var request = ConfirmationRequest.open(token, change.tenant(), change.key(), change.seq(),
                change.evidence() == null ? null : change.evidence().wordingVersion(), settings.languageFor(locale),
                clock.instant(), settings.linkLifetime());
        requests.add(request);
        deliver(profile, request, token);
    }

    @Override
    public Confirmation view(String token) {
        return find(token).map(request -> describe(request, records.load(request.tenant(), request.key()))).orElse(Confirmation.UNKNOWN);
    }

    @Override
    public Confirmation confirm(String token, String clientAddress, String userAgent) {
        Optional<ConfirmationRequest> found = find(token);
        if (found.isEmpty()) {
            return Confirmation.UNKNOWN;
        }
        ConfirmationRequest request = found.get();
        return OptimisticAppend.retry(request.key().toString(), () -> {
            ConsentRecord record = records.load(request.tenant(), request.key());
            Instant now = clock.instant();
            if (request.status(record, now) != ConfirmationRequest.Status.OPEN) {
                return Optional.of(describe(request, record));
            }
            ConsentChange confirmation = record.capture(request.confirmation(record, now, clientAddress, userAgent), false,
                    UUID.randomUUID().toString(), now);
            // appended at the record's next seq only: a change that slipped in (an opt-out) makes this fail and re-check
            if (!records.append(confirmation)) {
                return Optional.empty();
            }
            requests.markConfirmed(request.tokenHash(), now);
            // the person confirmed: an erased contact point they gave again is theirs to be written to (§13)
            suppressions.afterRecording(request.tenant(), record.suppression().orElse(null), confirmation);
            return Optional.of(describe(request, ConsentRecord.reconstitute(confirmation)).withStatus(Status.CONFIRMED));
        });
    }

    @Override
    public Renewal renew(String token) {
        Optional<ConfirmationRequest> found = find(token);
        if (found.isEmpty()) {
            return Renewal.UNKNOWN;
        }
        ConfirmationRequest request = found.get();
        if (request.key().contactPoint().isWithheld()
                || !request.renewable(records.load(request.tenant(), request.key()), clock.instant())) {
            return Renewal.NOT_RENEWABLE; // an address no longer held cannot be written to
        }
        reserveMail(request.tenant(), request.key().contactPoint().address());
        return renewal(request) ? Renewal.SENT : Renewal.NOT_RENEWABLE;
    }

    @Override
    public void renewFor(String address) {
        String normalised = EmailAddresses.normalise("address", address, false);
        Set<String> renewed = new HashSet<>();
        for (ConfirmationRequest request : requests.unconfirmedFor(normalised, MAX_RENEWALS_BY_ADDRESS)) {
            String opt = request.tenant().value() + "|" + request.key().value() + "|" + request.pendingSeq();
            // one new link per waiting opt-in; no word of the outcome, which would tell strangers what an address signed up to
            if (!renewed.contains(opt) && !request.key().contactPoint().isWithheld() && request.renewable(records.load(request.tenant(), request.key()), clock.instant())
                    && quota.take(request.tenant(), request.key().contactPoint().address()).isZero() && renewal(request)) {
                renewed.add(opt);
            }
        }
    }

    /** @return false when the profile is gone: nothing would describe the link */
    private boolean renewal(ConfirmationRequest request) {
        Optional<ComplianceProfile> profile = profiles.find(request.tenant(), request.key().profileId());
        if (profile.isEmpty()) {
            return false;
        }
        ConfirmationToken token = ConfirmationToken.issue();
        Instant now = clock.instant();
        ConfirmationRequest renewal = request.renewal(token, records.load(request.tenant(), request.key()), now,
                profile.get().doubleOptIn().linkLifetime());
        requests.add(renewal);
        deliver(profile.get(), renewal, token);
        return true;
    }

    /** Mails the link or hands it to the external sender, and announces the request either way. */
    private void deliver(ComplianceProfile profile, ConfirmationRequest request, ConfirmationToken token) {
        Described described = describe(profile, request.key());
        DoubleOptInSettings settings = profile.doubleOptIn();
        var mail = new ConfirmationMail(request.key().contactPoint().address(), settings.senderAddress(), settings.senderName(),
                linkBase.get().replaceAll("/+$", "") + "/confirm/" + token.raw(), described.brand, described.companyAddress,
                described.purpose, described.topic, request.expiresAt(), request.language());
        boolean external = settings.delivery() == DoubleOptInSettings.Delivery.EXTERNAL_SENDER;
        if (!external) {
            try {
                mails.send(mail);
            } catch (RuntimeException e) {
                // neither the record key nor the mail error: both may name the address
                LOG.log(System.Logger.Level.WARNING, "Confirmation mail of tenant " + request.tenant().value() + " (request "
                        + request.tokenHash().substring(0, 12) + ") not sent: " + e.getClass().getSimpleName());
            }
        }
        events.publish(new EventPublisher.ConfirmationRequested(request.tokenHash(), request.tenant(), request.key(),
                request.pendingSeq(), request.requestedAt(), external ? mail : mail.withoutLink())).whenComplete((ok, e) -> {
            if (e != null) {
                LOG.log(System.Logger.Level.WARNING, "doi.requested of tenant " + request.tenant().value() + " (request "
                        + request.tokenHash().substring(0, 12) + ") not published" + (external ? ", so its link was not delivered: " : ": ")
                        + e.getClass().getSimpleName());
            }
        });
    }

    private Optional<ConfirmationRequest> find(String token) {
        return ConfirmationToken.wellFormed(token) ? requests.find(ConfirmationToken.hashOf(token)) : Optional.empty();
    }

    private Confirmation describe(ConfirmationRequest request, ConsentRecord record) {
        Status status = Status.valueOf(request.status(record, clock.instant()).name());
        Optional<ComplianceProfile> profile = profiles.find(request.tenant(), request.key().profileId());
        Described described = profile.map(p -> describe(p, request.key()))
                .orElse(new Described(request.key().profileId().value(), null, request.key().purposeId().value(), null));
        return new Confirmation(status, described.brand, described.companyAddress, described.purpose, described.topic,
                request.key().contactPoint().address(), request.expiresAt(),
                profile.map(p -> p.doubleOptIn().redirectUrl()).orElse(null));
    }

    private record Described(String brand, String companyAddress, String purpose, String topic) {
    }

    /** Display names, falling back to identifiers for a purpose or topic since removed. */
    private static Described describe(ComplianceProfile profile, RecordKey key) {
        Optional<Purpose> purpose = profile.purpose(key.purposeId());
        String topic = key.topic().map(id -> purpose.flatMap(p -> p.topic(id)).map(Topic::name).orElse(id.value())).orElse(null);
        return new Described(profile.name(), profile.companyAddress(),
                purpose.map(Purpose::name).orElse(key.purposeId().value()), topic);
    }
}
