package org.consentplatform.domain.consent;

import org.consentplatform.domain.shared.DomainRejection;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long an opt-in for a purpose counts (§10), in calendar terms ("P24M"), and whether proof
 * of engagement renews it. An opt-in older than its lifetime is evaluated as absent; a fresh
 * opt-in, from any source, starts a new lifetime.
 *
 * @param lifetime           null: opt-ins never expire
 * @param renewOnEngagement  whether reported engagement (an open, a click, a purchase) restarts the lifetime
 */
public record ConsentLifetime(Period lifetime, boolean renewOnEngagement) {

    public static final ConsentLifetime UNLIMITED = new ConsentLifetime(null, false);
    private static final Period LONGEST = Period.ofYears(10);
    /** Month ends differ by up to three days: a capture that late after "now minus the lifetime" may have expired. */
    private static final Duration MONTH_END_SLACK = Duration.ofDays(4);

    public ConsentLifetime {
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero()
                || lifetime.toTotalMonths() * 31 + lifetime.getDays() > LONGEST.toTotalMonths() * 31)) {
            throw DomainRejection.InvalidInput.of("purpose.consentLifetime", "must be a period from P1D to P10Y, such as P24M");
        }
        if (renewOnEngagement && lifetime == null) {
            throw DomainRejection.InvalidInput.of("purpose.renewOnEngagement", "needs a consentLifetime to renew");
        }
    }

    /** Parses a lifetime as given by a caller ("P24M", "P2Y", "P400D"). */
    public static Period parse(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Period.parse(raw);
        } catch (DateTimeParseException e) {
            throw DomainRejection.InvalidInput.of("purpose.consentLifetime", "must be an ISO 8601 period such as P24M");
        }
    }

    /** When an opt-in captured at that instant stops counting; null when it never does. */
    public Instant expiresAt(Instant capturedAt) {
        return lifetime == null || capturedAt == null ? null : capturedAt.atOffset(ZoneOffset.UTC).plus(lifetime).toInstant();
    }

    /**
     * Whether engagement at that instant may renew the record: the purpose allows it, and the
     * record holds an opt-in still valid then. An expired or missing opt-in needs a fresh one.
     *
     * @return why it may not, empty when it may
     */
    public Optional<Rejection> renewalRefusal(RecordState current, Instant engagedAt) {
        if (!renewOnEngagement) {
            return Optional.of(new Rejection("renewal-on-engagement-off",
                    "this purpose does not renew opt-ins on engagement (renewOnEngagement is off)"));
        }
        if (current == null || current.state() != ConsentState.OPTED_IN || expired(current.capturedAt(), engagedAt)) {
            return Optional.of(new Rejection("nothing-to-renew",
                    "engagement renews a valid opt-in only; an expired or missing one needs a fresh opt-in"));
        }
        return Optional.empty();
    }

    /**
     * Every opt-in expired by {@code now} was captured at or before this instant; some captured
     * shortly before it have not expired yet (calendar months end on different days), so callers
     * still check each with {@link #expired}. Null when opt-ins never expire.
     */
    public Instant capturedNoLaterThanForExpiry(Instant now) {
        return lifetime == null ? null : now.atOffset(ZoneOffset.UTC).minus(lifetime).toInstant().plus(MONTH_END_SLACK);
    }

    /**
     * Every opt-in captured at or before this instant has expired by {@code now}: a cut-off for
     * counting without reading each capture time. A few captured just after it have expired too
     * (a month-long lifetime from 31 January ends on 28 February), so a count by it can lag by up
     * to three days at month ends. Null when opt-ins never expire.
     */
    public Instant surelyExpiredIfCapturedBy(Instant now) {
        return lifetime == null ? null : now.atOffset(ZoneOffset.UTC).minus(lifetime).toInstant();
    }

    /** Whether an opt-in captured then has expired by {@code now} (null now: lifetimes are not applied). */
    public boolean expired(Instant capturedAt, Instant now) {
        Instant expiresAt = expiresAt(capturedAt);
        return expiresAt != null && now != null && !now.isBefore(expiresAt);
    }
}
