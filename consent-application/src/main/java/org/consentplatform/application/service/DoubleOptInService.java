package org.consentplatform.application.service;

import org.consentplatform.application.port.in.ConfirmOptIns;
import org.consentplatform.application.port.out.ComplianceProfiles;
import org.consentplatform.application.port.out.ConfirmationMails;
import org.consentplatform.application.port.out.ConfirmationMails.ConfirmationMail;
import org.consentplatform.application.port.out.ConfirmationRequests;
import org.consentplatform.application.port.out.ConsentRecords;
import org.consentplatform.application.port.out.MailQuota;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentRecord;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.doubleoptin.ConfirmationRequest;
import org.consentplatform.domain.doubleoptin.ConfirmationToken;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.Topic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Double opt-in (§5): a pending opt-in gets a confirmation request and a mail with its link;
 * the link's page confirms only on an explicit action, against the record exactly as it was
 * left pending, so an opt-out in between always wins.
 */
public final class DoubleOptInService implements ConfirmOptIns {

    private static final System.Logger LOG = System.getLogger(DoubleOptInService.class.getName());
    private static final int MAX_ATTEMPTS = 16;

    private final ConfirmationRequests requests;
    private final ConfirmationMails mails;
    private final MailQuota quota;
    private final ConsentRecords records;
    private final ComplianceProfiles profiles;
    private final Clock clock;
    private final Supplier<String> linkBase;
    private final Duration lifetime;
    private final String language;

    /**
     * @param linkBase where the confirmation page is reached from the outside, e.g. {@code https://consent.example.com}
     *                 (asked for each mail: a server's port may be known only once it listens)
     * @param language the mails' language (ISO 639-1)
     */
    public DoubleOptInService(ConfirmationRequests requests, ConfirmationMails mails, MailQuota quota, ConsentRecords records,
                              ComplianceProfiles profiles, Clock clock, Supplier<String> linkBase, Duration lifetime,
                              String language) {
        this.requests = requests;
        this.mails = mails;
        this.quota = quota;
        this.records = records;
        this.profiles = profiles;
        this.clock = clock;
        this.linkBase = linkBase;
        this.lifetime = lifetime;
        this.language = language;
    }

    /**
     * Reserves a confirmation mail before an opt-in that will need one is recorded, so that a
     * refused capture changes nothing.
     *
     * @throws DomainRejection.TooManyRequests when the address or the tenant had its share for now
     */
    void reserveMail(TenantId tenant, ContactPoint contactPoint) {
        Duration wait = quota.take(tenant, contactPoint.address());
        if (!wait.isZero()) {
            throw new DomainRejection.TooManyRequests("too many confirmation mails for this address or tenant: retry later", wait);
        }
    }

    /**
     * Opens a request for a change that left its record pending and mails the link. The opt-in
     * stays pending (and blocking) whatever happens to the mail; a failed mail is logged.
     */
    void requestConfirmation(ComplianceProfile profile, ConsentChange change) {
        if (!change.leftPending()) {
            return;
        }
        ConfirmationToken token = ConfirmationToken.issue();
        var request = ConfirmationRequest.open(token, change.tenant(), change.key(), change.seq(),
                change.evidence() == null ? null : change.evidence().wordingVersion(), clock.instant(), lifetime);
        requests.add(request);
        Described described = describe(profile, change.key());
        try {
            String base = linkBase.get().replaceAll("/+$", "");
            mails.send(new ConfirmationMail(change.key().contactPoint().address(), base + "/confirm/" + token.raw(),
                    described.brand, described.companyAddress, described.purpose, described.topic, request.expiresAt(), language));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Confirmation mail for change " + change.id() + " not sent: " + e);
        }
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
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ConsentRecord record = records.load(request.tenant(), request.key());
            Instant now = clock.instant();
            if (request.status(record, now) != ConfirmationRequest.Status.OPEN) {
                return describe(request, record);
            }
            ConsentChange confirmation = record.capture(request.confirmation(record, now, clientAddress, userAgent), false,
                    UUID.randomUUID().toString(), now);
            // appended at the record's next seq only: a change that slipped in (an opt-out) makes this fail and re-check
            if (records.append(confirmation)) {
                requests.markConfirmed(request.tokenHash(), now);
                Confirmation confirmed = describe(request, ConsentRecord.reconstitute(confirmation));
                return new Confirmation(Status.CONFIRMED, confirmed.brand(), confirmed.companyAddress(), confirmed.purpose(),
                        confirmed.topic(), confirmed.address(), confirmed.expiresAt());
            }
        }
        return describe(request, records.load(request.tenant(), request.key()));
    }

    private Optional<ConfirmationRequest> find(String token) {
        return ConfirmationToken.wellFormed(token) ? requests.find(ConfirmationToken.hashOf(token)) : Optional.empty();
    }

    private Confirmation describe(ConfirmationRequest request, ConsentRecord record) {
        Status status = Status.valueOf(request.status(record, clock.instant()).name());
        Described described = profiles.find(request.tenant(), request.key().profileId())
                .map(profile -> describe(profile, request.key()))
                .orElse(new Described(request.key().profileId().value(), null, request.key().purposeId().value(), null));
        return new Confirmation(status, described.brand, described.companyAddress, described.purpose, described.topic,
                request.key().contactPoint().address(), request.expiresAt());
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
