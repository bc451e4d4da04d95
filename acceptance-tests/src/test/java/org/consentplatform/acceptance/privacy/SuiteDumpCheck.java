package org.consentplatform.acceptance.privacy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run by its own surefire execution once every other test of the module has run: searches the
 * dump of every store the suite's services wrote into (every collection, GridFS chunks and
 * other binaries read as text; {@code SuiteStores}) for anything shaped like an email address or
 * a phone number. The stores hold contact points by pseudonym and ciphertext only (ADR 37). A
 * profile's sender address is the brand's, not a person's, and is not searched.
 */
class SuiteDumpCheck {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** E.164, and not the start of a year such as the fuzz suite's {@code +1000000000-01-01T00:00:00Z}. */
    private static final Pattern PHONE = Pattern.compile("\\+\\d{9,15}(?![\\d-])");
    /**
     * In a binary value (ciphertext, a wrapped key, a file chunk) read as text, the email pattern
     * turns up by chance every few MB of random bytes ({@code GI@Iy.fpjCTv}); there an address
     * counts when it is as long as the suite's (12 characters and more, as any file of a load holds)
     * and ends in a domain the suite uses: a chance match of both is below one in 10^12 bytes.
     */
    private static final Pattern ADDRESS_IN_A_BINARY = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.(?i:com|co|uk|org|net|pl|fr|example)(?![A-Za-z0-9])");
    private static final int SHORTEST_ADDRESS_IN_A_BINARY = 12;
    /** The brand's own address a profile mails confirmations from. */
    private static final Pattern SENDER = Pattern.compile("\"senderAddress\": \"[^\"]*\"");

    @Test
    void noStoredDocumentOfTheSuiteHoldsAnAddress() throws IOException {
        Path directory = Path.of(System.getProperty("suite.dump.dir", "target/suite-dumps/unnamed"));
        assertThat(directory).as("the dumps SuiteStores wrote when the services stopped").isDirectory();
        List<Path> dumps;
        try (Stream<Path> files = Files.list(directory)) {
            dumps = files.toList();
        }
        assertThat(dumps).as("the shared service's store was dumped").anyMatch(dump -> dump.getFileName().toString().startsWith("shared-service"));

        var offending = new ArrayList<String>();
        long lines = 0;
        for (Path dump : dumps) {
            for (String line : Files.readAllLines(dump)) {
                lines++;
                String searched = SENDER.matcher(line).replaceAll("");
                if (holdsAnAddress(searched) && offending.size() < 20) {
                    offending.add(dump.getFileName() + ": " + (line.length() > 600 ? line.substring(0, 600) + "…" : line));
                }
            }
        }
        assertThat(lines).as("documents dumped").isGreaterThan(100);
        assertThat(offending).as("stored documents that hold an address").isEmpty();
    }

    private static boolean holdsAnAddress(String line) {
        if (PHONE.matcher(line).find()) {
            return true;
        }
        return line.contains("\tbinary\t")
                ? ADDRESS_IN_A_BINARY.matcher(line).results().anyMatch(match -> match.group().length() >= SHORTEST_ADDRESS_IN_A_BINARY)
                : EMAIL.matcher(line).find();
    }

    @Test
    void thePatternsFindAddressesAsStoredDocumentsWouldHoldThem() {
        assertThat(holdsAnAddress("import_files.chunks\tbinary\t ¤ï ann@example.com ¨")).isTrue();
        assertThat(holdsAnAddress("consent_records\tbinary\t 4r5ën @R.wÄ#9 ÖGI@Iy.fpjCTv ¢<")).as("chance in random bytes").isFalse();
        assertThat(holdsAnAddress("consent_records\t{\"a\": \"GI@Iy.fpjCTv\"}")).as("but not in a document's text").isTrue();
        assertThat(EMAIL.matcher("contacts\t{\"address\": \"pia@work.example.com\"}").find()).isTrue();
        assertThat(PHONE.matcher("minor_contact_points\t{\"_id\": \"acme|SMS|+33612345678\"}").find()).isTrue();
        assertThat(EMAIL.matcher("consent_records\t{\"_id\": \"acme|retail|EMAIL||Qx9-_a|commercial|\"}").find()).isFalse();
        assertThat(PHONE.matcher("consent_changes\t{\"formId\": \"+1000000000-01-01T00:00:00Z\"}").find()).isFalse();
        assertThat(SENDER.matcher("profiles\t{\"senderAddress\": \"news@brand.example\", \"x\": 1}").replaceAll("")).doesNotContain("@");
    }
}
