package org.consentplatform.domain.load;

import org.consentplatform.domain.consent.ConsentCapture;
import org.consentplatform.domain.consent.Source;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.profile.ComplianceProfile;
import org.consentplatform.domain.profile.ProfileDefinition;
import org.consentplatform.domain.profile.Purpose;
import org.consentplatform.domain.profile.PurposeType;
import org.consentplatform.domain.profile.Topic;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.shared.Violation;
import org.consentplatform.domain.tenant.TenantId;
import org.consentplatform.domain.tenant.TenantSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRulesTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Instant EXPORTED = Instant.parse("2026-10-01T00:00:00Z");
    private static final ComplianceProfile RETAIL = ComplianceProfile.create(ACME, new TechnicalId("retail"), new ProfileDefinition(
            "Retail", null, List.of(
            Purpose.define(new TechnicalId("newsletter"), "Newsletter", PurposeType.COMMERCIAL, null, Map.of(),
                    List.of(new Topic(new TechnicalId("wine"), "Wine"), new Topic(new TechnicalId("cheese"), "Cheese")), false),
            Purpose.define(new TechnicalId("orders"), "Orders", PurposeType.TRANSACTIONAL, null, Map.of(), List.of(), false),
            Purpose.define(new TechnicalId("tracking"), "Tracking", PurposeType.TRACKING, null, Map.of(), List.of(), false)),
            null));
    private static final ImportSpec LEGACY = new ImportSpec(ImportShape.LEGACY_CONTACTS, ImportSpec.Format.CSV, RETAIL.id(),
            Map.of("Wine lovers", new ImportSpec.ListTopic(new TechnicalId("newsletter"), new TechnicalId("wine"))), EXPORTED);
    private static final ImportJob JOB = ImportJob.queued("job-1", ACME, LEGACY, "contacts.csv", 10, EXPORTED);
    /** A stand-in for the store's keyed hash. */
    private static final Function<ContactPoint, String> PSEUDONYMS = point -> "pseudonym-" + point.key().hashCode();
    private final ImportRules rules = new ImportRules(JOB, TenantSettings.DEFAULTS,
            id -> id.equals(RETAIL.id()) ? Optional.of(RETAIL) : Optional.empty(), PSEUDONYMS);

    /** §7: what the three flags write for every email address of the contact ("-" = left empty, nothing written). */
    @ParameterizedTest(name = "doNotEmail={0} doNotBulkEmail={1} doNotTrack={2}")
    @CsvSource({
            "false, false, false, OPTED_IN,  OPTED_IN,  OPTED_IN",
            "false, true,  false, OPTED_OUT, OPTED_IN,  OPTED_IN",
            "true,  false, false, OPTED_OUT, OPTED_OUT, OPTED_IN",
            "true,  true,  true,  OPTED_OUT, OPTED_OUT, OPTED_OUT",
            "'',    false, '',    -,         -,         -",
            "'',    true,  1,     OPTED_OUT, -,         OPTED_OUT",
            "no,    '',    yes,   -,         OPTED_IN,  OPTED_OUT"})
    void legacyFlagsBecomeRecordsByTheSubscriptionCenterRules(String doNotEmail, String doNotBulkEmail, String doNotTrack,
                                                             String commercial, String transactional, String tracking) {
        var reading = (ImportRules.Captures) rules.read(legacy(7, "ann@example.com; Bob@Example.COM", doNotEmail, doNotBulkEmail,
                doNotTrack, null));

        for (String address : List.of("ann@example.com", "bob@example.com")) {
            assertThat(stateOf(reading, address, "newsletter")).isEqualTo(commercial);
            assertThat(stateOf(reading, address, "orders")).isEqualTo(transactional);
            assertThat(stateOf(reading, address, "tracking")).isEqualTo(tracking);
        }
        assertThat(reading.captures()).allSatisfy(capture -> {
            assertThat(capture.source()).isEqualTo(Source.IMPORT);
            assertThat(capture.actor().id()).isEqualTo("import:job-1");
            assertThat(capture.correlationId()).isEqualTo("import:job-1:7");
            assertThat(capture.capturedAt()).isEqualTo(EXPORTED);
        });
    }

    @Test
    void listMembershipsBecomeTopicOptInsAndAnUnmappedListRejectsTheRow() {
        var reading = (ImportRules.Captures) rules.read(legacy(3, "ann@example.com", "", "", "", "Wine lovers"));
        assertThat(reading.captures()).singleElement().satisfies(capture -> {
            assertThat(capture.key().value()).isEqualTo("retail|EMAIL|ann@example.com|newsletter|wine");
            assertThat(capture.state().name()).isEqualTo("OPTED_IN");
        });

        var rejected = (ImportRules.Rejected) rules.read(legacy(4, "ann@example.com", "false", "false", "false", "Wine lovers;Beer"));
        assertThat(rejected.violations()).containsExactly(new Violation("lists", "list 'Beer' has no topic in the job's mapping"));
    }

    @Test
    void aRowIsRejectedWithEveryReasonAtOnce() {
        var rejected = (ImportRules.Rejected) rules.read(legacy(9, "ann@example.com;not-an-address", "maybe", "false", "false", null));

        assertThat(rejected.line()).isEqualTo(9);
        assertThat(rejected.violations()).extracting(Violation::field).containsExactly("emails", "doNotEmail");
        assertThat(((ImportRules.Rejected) rules.read(ImportRow.unreadable(12, "is not valid UTF-8"))).violations())
                .containsExactly(new Violation("row", "is not valid UTF-8"));
    }

    @Test
    void consentRowsGoThroughTheApisRules() {
        var consentRules = new ImportRules(ImportJob.queued("job-2", ACME, new ImportSpec(ImportShape.CONSENT_ROWS,
                ImportSpec.Format.NDJSON, null, null, null), "consents.ndjson", 2, EXPORTED), TenantSettings.DEFAULTS,
                id -> id.equals(RETAIL.id()) ? Optional.of(RETAIL) : Optional.empty(), PSEUDONYMS);
        var row = new LinkedHashMap<String, String>(Map.of("profileId", "retail", "channel", "SMS", "address", "06 12 34 56 78",
                "purposeId", "newsletter", "state", "OPTED_OUT", "capturedAt", "2026-09-01T10:00:00Z", "wordingVersion", "v2"));

        assertThat(consentRules.read(new ImportRow(2, Map.of(), null))).isInstanceOf(ImportRules.Rejected.class);
        var reading = (ImportRules.Captures) consentRules.read(new ImportRow(2, Map.of("profileId", "retail", "channel", "EMAIL",
                "address", "Ann@Example.com", "purposeId", "newsletter", "topicId", "cheese", "state", "OPTED_OUT",
                "capturedAt", "2026-09-01T10:00:00Z", "wordingVersion", "v2"), null));
        ConsentCapture capture = reading.captures().getFirst();
        assertThat(capture.key().value()).isEqualTo("retail|EMAIL|ann@example.com|newsletter|cheese");
        assertThat(capture.evidence().wordingVersion()).isEqualTo("v2");

        row.put("purposeId", "unknown");
        row.put("state", "MAYBE");
        var rejected = (ImportRules.Rejected) consentRules.read(new ImportRow(3, row, null));
        assertThat(rejected.violations()).extracting(Violation::field).contains("address", "state");
    }

    @Test
    void theSameRowLoadedByAnyJobGetsTheSameChangeId() {
        var first = (ImportRules.Captures) rules.read(legacy(2, "ann@example.com", "false", "false", "false", null));
        var otherJob = new ImportRules(ImportJob.queued("job-9", ACME, LEGACY, "again.csv", 10, EXPORTED), TenantSettings.DEFAULTS,
                id -> Optional.of(RETAIL), PSEUDONYMS);
        var again = (ImportRules.Captures) otherJob.read(legacy(5, "ann@example.com", "false", "false", "false", null));

        assertThat(again.changeIds()).containsExactlyElementsOf(first.changeIds()).doesNotHaveDuplicates();
        assertThat(ImportRules.missingColumns(ImportShape.LEGACY_CONTACTS, java.util.Set.of("contactId", "emails", "doNotEmail")))
                .containsExactly("doNotBulkEmail", "doNotTrack");
    }

    /** ADR 37: a change id is made of the pseudonym, so a dump's ids cannot be tested against guessed addresses. */
    @Test
    void aChangeIdIsMadeOfThePseudonymNotTheAddress() {
        ConsentCapture ann = ((ImportRules.Captures) rules.read(legacy(2, "ann@example.com", "false", "false", "false", null)))
                .captures().getFirst();
        ConsentCapture bob = ((ImportRules.Captures) rules.read(legacy(2, "bob@example.com", "false", "false", "false", null)))
                .captures().getFirst();

        assertThat(ImportRules.changeId(JOB, ann, "pseudonym")).as("the address takes no part")
                .isEqualTo(ImportRules.changeId(JOB, bob, "pseudonym"));
        assertThat(ImportRules.changeId(JOB, ann, "pseudonym")).as("the pseudonym does")
                .isNotEqualTo(ImportRules.changeId(JOB, ann, "another-pseudonym"));
    }

    private static ImportRow legacy(long line, String emails, String doNotEmail, String doNotBulkEmail, String doNotTrack, String lists) {
        var cells = new LinkedHashMap<String, String>();
        cells.put("contactId", "c-" + line);
        cells.put("emails", emails);
        cells.put("doNotEmail", doNotEmail);
        cells.put("doNotBulkEmail", doNotBulkEmail);
        cells.put("doNotTrack", doNotTrack);
        if (lists != null) {
            cells.put("lists", lists);
        }
        return new ImportRow(line, cells, null);
    }

    private static String stateOf(ImportRules.Captures reading, String address, String purpose) {
        return reading.captures().stream()
                .filter(c -> c.key().contactPoint().address().equals(address) && c.key().purposeId().value().equals(purpose))
                .map(c -> c.state().name()).findFirst().orElse("-");
    }
}
