package org.consentplatform.domain.load;

import org.consentplatform.domain.consent.Actor;
import org.consentplatform.domain.consent.ChangeOutcome;
import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.consent.ConsentState;
import org.consentplatform.domain.consent.Evidence;
import org.consentplatform.domain.consent.RecordKey;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a row of a load becomes captures, through the same rules as the API (normalisation,
 * identifiers, the profile's purposes and topics), or is rejected with every reason at once.
 * Legacy rows follow the subscription-center rules (§7): the flags decide the COMMERCIAL,
 * TRANSACTIONAL and TRACKING purposes of every email address, and list memberships become topic
 * opt-ins. A flag left empty says nothing, so it writes nothing. Every capture has source
 * IMPORT, the job as actor and the job and line as correlation id.
 */
public final class ImportRules {

    /** Why a row naming an erased contact point is rejected (§13); it never names the address. */
    public static final String ERASED = "ERASED: the address was erased at the person's request; a load cannot bring it back";

    /** Columns a consent-rows file must have; the others (topicId, evidence) are optional. */
    public static final List<String> CONSENT_COLUMNS = List.of("profileId", "channel", "address", "purposeId", "state", "capturedAt");
    public static final List<String> LEGACY_COLUMNS = List.of("contactId", "emails", "doNotEmail", "doNotBulkEmail", "doNotTrack");

    private final ImportJob job;
    private final TenantSettings settings;
    private final Function<TechnicalId, Optional<ComplianceProfile>> profiles;
    private final Function<ContactPoint, String> pseudonyms;

    /**
     * @param pseudonyms the keyed hash the store files a contact point under: change ids are derived from it, never
     *                   from the address, so that they tell nothing of it to whoever reads a dump (ADR 37)
     */
    public ImportRules(ImportJob job, TenantSettings settings, Function<TechnicalId, Optional<ComplianceProfile>> profiles,
                       Function<ContactPoint, String> pseudonyms) {
        this.job = job;
        this.settings = settings;
        this.profiles = profiles;
        this.pseudonyms = pseudonyms;
    }

    /** The columns a file of this shape must name; an empty list when all are there. */
    public static List<String> missingColumns(ImportShape shape, Set<String> header) {
        return (shape == ImportShape.CONSENT_ROWS ? CONSENT_COLUMNS : LEGACY_COLUMNS).stream()
                .filter(column -> !header.contains(column)).toList();
    }

    /** What a row asks for: the captures, or the reasons it is rejected. */
    public sealed interface Reading permits Captures, Rejected {
        long line();
    }

    /**
     * A row's captures, each with the change id it must be recorded under ({@link #changeId}).
     */
    public record Captures(long line, List<ConsentCapture> captures, List<String> changeIds) implements Reading {

        /**
         * What the row did, from the changes the log holds for its ids: applied if one of them
         * changed a record, superseded if they were all older than the records' consent. Changes
         * another load wrote count as unchanged: this row had been loaded before.
         */
        public RowCounts.RowOutcome outcome(Function<String, ConsentChange> logged, Actor loader) {
            boolean applied = false;
            boolean superseded = false;
            for (String id : changeIds) {
                ConsentChange change = logged.apply(id);
                if (change.actor().equals(loader)) {
                    applied |= change.outcome() == ChangeOutcome.APPLIED;
                    superseded |= change.outcome() == ChangeOutcome.SUPERSEDED;
                }
            }
            return applied ? RowCounts.RowOutcome.APPLIED
                    : superseded ? RowCounts.RowOutcome.SUPERSEDED : RowCounts.RowOutcome.UNCHANGED;
        }
    }

    /**
     * @param named the contact points the row named that could be read: its error lines are
     *              erased with them (§13)
     */
    public record Rejected(long line, List<Violation> violations, Set<ContactPoint> named) implements Reading {

        public Rejected {
            violations = List.copyOf(violations);
            named = Set.copyOf(named);
        }
    }

    /**
     * The reading, or its row rejected when it names an erased contact point (§13): a load never
     * brings one back, not even with an opt-out (the person is already blocked everywhere).
     */
    public static Reading refusedIfErased(Reading reading, Set<ContactPoint> erased) {
        if (reading instanceof Captures captures
                && captures.captures().stream().anyMatch(capture -> erased.contains(capture.key().contactPoint()))) {
            return new Rejected(reading.line(), List.of(new Violation("address", ERASED)),
                    captures.captures().stream().map(capture -> capture.key().contactPoint()).collect(Collectors.toSet()));
        }
        return reading;
    }

    public Reading read(ImportRow row) {
        if (row.problem() != null) {
            return new Rejected(row.line(), List.of(new Violation("row", row.problem())), Set.of());
        }
        var violations = new ArrayList<Violation>();
        var named = new LinkedHashSet<ContactPoint>();
        List<ConsentCapture> captures = job.spec().shape() == ImportShape.CONSENT_ROWS
                ? consentRow(row, violations, named)
                : legacyRow(row, violations, named);
        return violations.isEmpty()
                ? new Captures(row.line(), captures, captures.stream()
                        .map(capture -> changeId(job, capture, pseudonyms.apply(capture.key().contactPoint()))).toList())
                : new Rejected(row.line(), violations, named);
    }

    /**
     * The change id a capture of a load always gets, whatever job or run makes it: the same row
     * loaded twice collides with itself instead of being recorded again. It is derived from the
     * contact point's pseudonym, not its address.
     */
    public static String changeId(ImportJob job, ConsentCapture capture, String pseudonym) {
        String identity = job.tenant().value() + "|" + capture.key().withheld(pseudonym).value() + "|"
                + capture.capturedAt().toEpochMilli() + "|" + capture.state();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "import-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private List<ConsentCapture> consentRow(ImportRow row, List<Violation> violations, Set<ContactPoint> named) {
        ComplianceProfile profile = attempt(violations, "profileId", () -> {
            TechnicalId id = TechnicalId.parse("profileId", row.cell("profileId"));
            return profiles.apply(id).orElseThrow(() -> new DomainRejection.NotFound("profile '" + id + "' does not exist"));
        });
        ContactPoint contactPoint = attempt(violations, "address",
                () -> settings.contactPoint(row.cell("channel"), row.cell("address")));
        if (contactPoint != null) {
            named.add(contactPoint);
        }
        ConsentState state = attempt(violations, "state", () -> state(row.cell("state")));
        Instant capturedAt = attempt(violations, "capturedAt", () -> instant("capturedAt", row.cell("capturedAt")));
        Evidence evidence = attempt(violations, "evidence", () -> new Evidence(row.cell("wordingVersion"), row.cell("formId"),
                row.cell("clientAddress"), row.cell("userAgent")));
        if (profile == null || contactPoint == null) {
            return List.of();
        }
        RecordKey key = attempt(violations, "purposeId", () -> recordKey(profile, contactPoint, row.cell("purposeId"), row.cell("topicId")));
        if (!violations.isEmpty()) {
            return List.of();
        }
        return List.of(capture(key, state, capturedAt, evidence, row.line()));
    }

    private List<ConsentCapture> legacyRow(ImportRow row, List<Violation> violations, Set<ContactPoint> named) {
        ComplianceProfile profile = profiles.apply(job.spec().profileId()).orElse(null);
        if (profile == null) {
            violations.add(new Violation("profileId", "profile '" + job.spec().profileId() + "' no longer exists"));
            return List.of();
        }
        attempt(violations, "contactId", () -> TechnicalId.parse("contactId", row.cell("contactId")));
        Set<ContactPoint> emails = new LinkedHashSet<>();
        String rawEmails = row.cell("emails");
        if (rawEmails == null) {
            violations.add(new Violation("emails", "is required"));
        } else {
            for (String raw : rawEmails.split("[;,]")) {
                if (!raw.isBlank()) {
                    try {
                        emails.add(settings.contactPoint(Channel.EMAIL.toString(), raw));
                    } catch (DomainRejection.InvalidInput e) {
                        violations.add(new Violation("emails", "'" + raw.strip() + "' is not a valid email address"));
                    }
                }
            }
        }
        named.addAll(emails);
        Boolean doNotEmail = attempt(violations, "doNotEmail", () -> flag("doNotEmail", row.cell("doNotEmail")));
        Boolean doNotBulkEmail = attempt(violations, "doNotBulkEmail", () -> flag("doNotBulkEmail", row.cell("doNotBulkEmail")));
        Boolean doNotTrack = attempt(violations, "doNotTrack", () -> flag("doNotTrack", row.cell("doNotTrack")));
        Instant capturedAt = attempt(violations, "capturedAt", () -> {
            String cell = row.cell("capturedAt");
            if (cell == null && job.spec().capturedAt() == null) {
                throw DomainRejection.InvalidInput.of("capturedAt", "is required: give it in the row or with the job");
            }
            return cell == null ? job.spec().capturedAt() : instant("capturedAt", cell);
        });
        List<ImportSpec.ListTopic> topics = new ArrayList<>();
        String lists = row.cell("lists");
        if (lists != null) {
            for (String list : lists.split(";")) {
                if (!list.isBlank()) {
                    ImportSpec.ListTopic topic = job.spec().lists().get(list.strip());
                    if (topic == null) {
                        violations.add(new Violation("lists", "list '" + list.strip() + "' has no topic in the job's mapping"));
                    } else {
                        topics.add(topic);
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            return List.of();
        }
        // §7: the COMMERCIAL purposes follow both email flags; one unknown flag decides only when it blocks
        ConsentState commercial = Boolean.TRUE.equals(doNotEmail) || Boolean.TRUE.equals(doNotBulkEmail) ? ConsentState.OPTED_OUT
                : doNotEmail != null && doNotBulkEmail != null ? ConsentState.OPTED_IN : null;
        var captures = new ArrayList<ConsentCapture>();
        for (ContactPoint email : emails) {
            for (Purpose purpose : profile.purposes()) {
                ConsentState state = switch (purpose.type()) {
                    case COMMERCIAL -> commercial;
                    case TRANSACTIONAL -> stateOf(doNotEmail);
                    case TRACKING -> stateOf(doNotTrack);
                };
                if (state != null) {
                    captures.add(capture(RecordKey.ofPurpose(profile.id(), email, purpose.id()), state, capturedAt, Evidence.NONE, row.line()));
                }
            }
            for (ImportSpec.ListTopic topic : topics) {
                captures.add(capture(new RecordKey(profile.id(), email, topic.purposeId(), topic.topicId()), ConsentState.OPTED_IN,
                        capturedAt, Evidence.NONE, row.line()));
            }
        }
        return captures;
    }

    private ConsentCapture capture(RecordKey key, ConsentState state, Instant capturedAt, Evidence evidence, long line) {
        return new ConsentCapture(key, state, capturedAt, Source.IMPORT, job.actor(), evidence, job.correlationOf(line));
    }

    private static ConsentState stateOf(Boolean doNot) {
        return doNot == null ? null : doNot ? ConsentState.OPTED_OUT : ConsentState.OPTED_IN;
    }

    private static RecordKey recordKey(ComplianceProfile profile, ContactPoint contactPoint, String rawPurposeId, String rawTopicId) {
        Purpose purpose = profile.requirePurpose(TechnicalId.parse("purposeId", rawPurposeId));
        if (rawTopicId == null) {
            return RecordKey.ofPurpose(profile.id(), contactPoint, purpose.id());
        }
        TechnicalId topicId = TechnicalId.parse("topicId", rawTopicId);
        purpose.topic(topicId).orElseThrow(() -> new DomainRejection.NotFound(
                "topic '" + topicId + "' is not defined under purpose '" + purpose.id() + "'"));
        return new RecordKey(profile.id(), contactPoint, purpose.id(), topicId);
    }

    private static ConsentState state(String raw) {
        if ("OPTED_IN".equals(raw) || "OPTED_OUT".equals(raw)) {
            return ConsentState.valueOf(raw);
        }
        throw DomainRejection.InvalidInput.of("state", raw == null ? "is required" : "must be OPTED_IN or OPTED_OUT");
    }

    private static Instant instant(String field, String raw) {
        if (raw == null) {
            throw DomainRejection.InvalidInput.of(field, "is required");
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw DomainRejection.InvalidInput.of(field, "must be an instant such as 2026-01-31T09:00:00Z");
        }
    }

    /** A legacy flag: true/false, yes/no or 1/0; empty means the legacy system did not say. */
    private static Boolean flag(String field, String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw DomainRejection.InvalidInput.of(field, "must be true or false (or yes/no, 1/0), or empty");
        };
    }

    /** Runs a check, adding its rejection (under the given field unless it names its own) to the violations. */
    private static <T> T attempt(List<Violation> violations, String field, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (DomainRejection.InvalidInput e) {
            violations.addAll(e.violations());
        } catch (DomainRejection e) {
            violations.add(new Violation(field, e.getMessage()));
        }
        return null;
    }
}
