package org.consentplatform.acceptance;

import com.icegreen.greenmail.util.GreenMail;
import com.mongodb.client.MongoClient;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.Mails;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Double opt-in end to end over HTTP (§5): the opt-in stays pending and blocks, the mail arrives
 * at the real in-process SMTP server, looking at the link (as mail scanners do) confirms nothing,
 * only the page's POST confirms, and an opt-out in between voids the link.
 */
@RunningService
class DoubleOptInTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/confirm/([A-Za-z0-9_-]{43}))");

    @LocalServerPort
    private int port;
    @Autowired
    private GreenMail smtp;
    @Autowired
    private MongoClient mongo;
    private World world;
    private String profile;

    @BeforeEach
    void setUp() {
        world = new World(port);
        profile = World.unique("doi");
        var newsletter = new LinkedHashMap<>(World.purpose("newsletter", "COMMERCIAL", Map.of("EMAIL", "NON_RESTRICTIVE"), List.of()));
        newsletter.put("name", "The weekly letter");
        newsletter.put("doubleOptIn", true);
        World.ok(world.createProfile(profile, List.of(newsletter)));
    }

    @Test
    void aPendingOptInBlocksUntilThePersonConfirmsFromTheMailedLink() throws Exception {
        String address = World.unique("ann") + "@example.com";
        JsonNode capture = world.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_IN", Instant.now().minusSeconds(60));

        assertThat(capture.get("after").get("state").asString()).isEqualTo("PENDING_CONFIRMATION");
        assertThat(decide(address)).as("pending blocks even under a non-restrictive model").isFalse();

        MimeMessage mail = mailTo(address);
        assertThat(mail.getSubject()).isEqualTo("Please confirm your subscription");
        String text = Mails.text(mail);
        assertThat(text).contains("The weekly letter").contains("1 rue de la Paix, 75002 Paris");
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        String path = link.group(1);
        String token = link.group(2);
        assertThat(rawTokenStored(token)).as("only the token's hash is stored").isFalse();

        // mail scanners and previews fetch links: looking never confirms
        for (int i = 0; i < 5; i++) {
            HttpApi.Response page = world.api.call("GET", path, null, null, null, Map.of());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"open\"").contains("method=\"post\"").contains("The weekly letter");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
            assertThat(world.api.call("HEAD", path, null, null, null, Map.of()).status()).isEqualTo(200);
        }
        assertThat(decide(address)).isFalse();

        HttpApi.Response confirmed = world.api.call("POST", path, null, null, null, Map.of("User-Agent", "DoubleOptInTest/1.0"));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("id=\"confirmed\"");
        assertThat(decide(address)).isTrue();
        JsonNode record = lookup(address);
        assertThat(record.get("state").asString()).isEqualTo("OPTED_IN");
        assertThat(record.get("source").asString()).isEqualTo("DOUBLE_OPT_IN");
        assertThat(record.get("evidence").get("userAgent").asString()).isEqualTo("DoubleOptInTest/1.0");
        assertThat(record.get("evidence").get("clientAddress").asString()).isNotBlank();

        HttpApi.Response again = world.api.call("POST", path, null, null, null, Map.of());
        assertThat(again.body()).contains("id=\"already-confirmed\"");
        assertThat(lookup(address).get("seq").asLong()).as("confirming twice changes nothing").isEqualTo(2);

        world.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_OUT", Instant.now());
        world.api.call("POST", path, null, null, null, Map.of());
        assertThat(lookup(address).get("state").asString()).as("a used link cannot confirm again after a change")
                .isEqualTo("OPTED_OUT");
    }

    @Test
    void anOptOutWhilePendingWinsAndVoidsTheLink() throws Exception {
        String address = World.unique("bob") + "@example.com";
        world.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_IN", Instant.now().minusSeconds(60));
        Matcher link = LINK.matcher(Mails.text(mailTo(address)));
        assertThat(link.find()).isTrue();

        world.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_OUT", Instant.now().minusSeconds(30));
        HttpApi.Response page = world.api.call("POST", link.group(1), null, null, null, Map.of());

        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains("id=\"void\"");
        assertThat(lookup(address).get("state").asString()).isEqualTo("OPTED_OUT");
        assertThat(decide(address)).isFalse();
    }

    @Test
    void confirmationMailsToOneAddressAreLimitedAndTheRefusedCaptureChangesNothing() throws Exception {
        String address = World.unique("flooded") + "@example.com";
        Instant first = Instant.now().minusSeconds(600);
        for (int i = 0; i < 3; i++) {
            world.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_IN", first.plusSeconds(i));
        }

        HttpApi.Response refused = world.api.post(World.BASE + "/consents", world.marketing(),
                World.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_IN", first.plusSeconds(3), null));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:consentplatform:problem:too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(lookup(address).get("seq").asLong()).as("nothing recorded").isEqualTo(3);
        // three mails arrive, and no fourth follows
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(
                () -> java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> Mails.recipient(m).equals(address)).count(),
                count -> count == 3);
        World.ok(world.api.post(World.BASE + "/consents", world.marketing(),
                World.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_OUT", first.plusSeconds(4), null)));
        assertThat(lookup(address).get("state").asString()).as("an opt-out never waits for a quota").isEqualTo("OPTED_OUT");
    }

    @Test
    void aBatchThatWouldExceedTheMailLimitIsRefusedWhole() {
        String address = World.unique("batch") + "@example.com";
        Instant first = Instant.now().minusSeconds(600);
        var items = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < 4; i++) {
            items.add(World.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_IN", first.plusSeconds(i), null));
        }

        HttpApi.Response refused = world.api.post(World.BASE + "/consents/batch", world.marketing(), Map.of("items", items));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", "EMAIL", "address", address, "profileId", profile))).get("items")).as("nothing recorded").isEmpty();
    }

    @Test
    void anUnknownOrMalformedLinkConfirmsNothingAndSaysSoInTheVisitorsLanguage() {
        String unknown = "/confirm/" + "A".repeat(43);
        HttpApi.Response french = world.api.call("POST", unknown, null, null, null, Map.of("Accept-Language", "fr-FR,fr;q=0.9"));
        assertThat(french.status()).isEqualTo(404);
        assertThat(french.body()).contains("id=\"unknown\"").contains("<html lang=\"fr\">").contains("Ce lien n&#39;est pas valide");
        HttpApi.Response polish = world.api.call("GET", "/confirm/short", null, null, null, Map.of("Accept-Language", "pl"));
        assertThat(polish.status()).isEqualTo(404);
        assertThat(polish.body()).contains("Ten link jest nieprawidłowy");
    }

    private boolean decide(String address) {
        return world.decide(profile, "newsletter", null, "EMAIL", address, null).get("send").asBoolean();
    }

    private JsonNode lookup(String address) {
        return World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", "EMAIL", "address", address, "profileId", profile))).get("items").get(0);
    }

    private MimeMessage mailTo(String address) {
        return Mails.newestTo(smtp, address, text -> text.contains("/confirm/"));
    }

    /** Whether the raw token appears anywhere in the database. */
    private boolean rawTokenStored(String token) {
        var database = mongo.getDatabase("consent");
        for (String name : database.listCollectionNames()) {
            for (Document doc : database.getCollection(name).find()) {
                if (doc.toJson().contains(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
