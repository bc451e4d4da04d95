package org.consentplatform.acceptance;

import com.icegreen.greenmail.util.GreenMail;
import com.mongodb.client.MongoClient;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.consentplatform.acceptance.support.EventStream;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.Mails;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.consentplatform.domain.doubleoptin.ConfirmationToken;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Double opt-in end to end over HTTP (§5): the opt-in stays pending and blocks, the mail arrives
 * at the real in-process SMTP server, looking at the link (as mail scanners do) confirms nothing,
 * only the page's POST confirms, and an opt-out in between voids the link.
 */
@RunningService
class DoubleOptInTest {

    @LocalServerPort
    private int port;
    @Autowired
    private GreenMail smtp;
    @Autowired
    private MongoClient mongo;
    @Autowired
    private InProcessKafkaBroker kafka;
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
        Matcher link = Mails.CONFIRMATION_LINK.matcher(text);
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
        Matcher link = Mails.CONFIRMATION_LINK.matcher(Mails.text(mailTo(address)));
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

    @Test
    void theProfilesSettingsChooseSenderLanguageLifetimeAndWhereTheConfirmedPersonGoes() throws Exception {
        String branded = World.unique("brand");
        World.ok(world.api.post(World.BASE + "/profiles", world.admin(), brandedProfile(branded, "PLATFORM_MAIL")));
        JsonNode settings = World.ok(world.api.get(World.BASE + "/profiles/" + branded, world.admin())).get("doubleOptIn");
        assertThat(settings.get("linkLifetime").asString()).isEqualTo("PT24H");
        assertThat(settings.get("defaultLanguage").asString()).isEqualTo("pl");

        String ann = World.unique("ann") + "@example.com";
        var capture = World.capture(branded, "EMAIL", ann, "newsletter", null, "OPTED_IN", Instant.now().minusSeconds(5), null);
        capture.put("locale", "fr-BE");
        World.ok(world.api.post(World.BASE + "/consents", world.marketing(), capture));
        String bob = World.unique("bob") + "@example.com";
        world.capture(branded, "EMAIL", bob, "newsletter", null, "OPTED_IN", Instant.now().minusSeconds(5));

        MimeMessage french = mailTo(ann);
        assertThat(french.getSubject()).isEqualTo("Confirmez votre inscription");
        assertThat(french.getFrom()[0].toString()).isEqualTo("Brand news <news@brand.example>");
        assertThat(mailTo(bob).getSubject()).as("no locale: the profile's language").isEqualTo("Potwierdź swoją zgodę");

        Matcher link = Mails.CONFIRMATION_LINK.matcher(Mails.text(french));
        assertThat(link.find()).isTrue();
        Instant expiresAt = requestExpiry(link.group(2));
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofHours(23), Duration.ofHours(24));

        HttpApi.Response confirmed = world.api.call("POST", link.group(1), null, null, null, Map.of());
        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(confirmed.header("Location")).isEqualTo("https://brand.example/thanks?from=doi");
        assertThat(world.decide(branded, "newsletter", null, "EMAIL", ann, null).get("send").asBoolean()).isTrue();
    }

    @Test
    void badDoubleOptInSettingsAreRefusedNamingTheFieldAndChangeNothing() {
        String id = World.unique("bad");
        var profile = brandedProfile(id, "PLATFORM_MAIL");
        profile.put("doubleOptIn", Map.of("linkLifetime", "PT5M", "senderAddress", "not an address",
                "senderName", "Brand\r\nBcc: someone@example.com", "redirectUrl", "javascript:alert(1)", "defaultLanguage", "de"));

        HttpApi.Response refused = world.api.post(World.BASE + "/profiles", world.admin(), profile);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).startsWith("doubleOptIn.");
        assertThat(world.api.get(World.BASE + "/profiles/" + id, world.admin()).status()).isEqualTo(404);
        for (var bad : List.of(Map.of("senderAddress", "not an address"), Map.of("senderName", "Brand\nnews"),
                Map.of("redirectUrl", "javascript:alert(1)"), Map.of("defaultLanguage", "de"), Map.of("linkLifetime", "72 hours"),
                Map.of("delivery", "CARRIER_PIGEON"))) {
            profile.put("doubleOptIn", bad);
            assertThat(world.api.post(World.BASE + "/profiles", world.admin(), profile).status()).as(bad.toString()).isEqualTo(400);
        }
    }

    @Test
    void eachRequestIsAnnouncedOnKafkaAndOnlyAnExternalSenderGetsTheLink() throws Exception {
        String external = World.unique("ext");
        World.ok(world.api.post(World.BASE + "/profiles", world.admin(), brandedProfile(external, "EXTERNAL_SENDER")));
        String ann = World.unique("ann") + "@example.com";
        String bob = World.unique("bob") + "@example.com";

        try (var stream = EventStream.from(kafka.bootstrapServers(), "consent.doi.v1")) {
            world.capture(profile, "EMAIL", ann, "newsletter", null, "OPTED_IN", Instant.now().minusSeconds(5));
            world.capture(external, "EMAIL", bob, "newsletter", null, "OPTED_IN", Instant.now().minusSeconds(5));

            var received = stream.awaitUntil(all -> addressesOf(all).containsAll(List.of(ann, bob)), Duration.ofSeconds(30));
            JsonNode platformMailed = dataFor(received, ann);
            JsonNode externallyMailed = dataFor(received, bob);

            assertThat(platformMailed.has("confirmationUrl")).as("the platform mails it; the link stays out of Kafka").isFalse();
            assertThat(platformMailed.get("purpose").asString()).isEqualTo("The weekly letter");
            assertThat(platformMailed.get("requestId").asString()).hasSize(64);
            String url = externallyMailed.get("confirmationUrl").asString();
            assertThat(Mails.CONFIRMATION_LINK.matcher(url).matches()).as(url).isTrue();
            assertThat(externallyMailed.get("senderAddress").asString()).isEqualTo("news@brand.example");
            assertThat(externallyMailed.get("language").asString()).isEqualTo("pl");
            assertThat(received.stream().filter(r -> r.event() != null).map(r -> r.event().getType()))
                    .containsOnly("org.consentplatform.doi.requested.v1");
            // the link from the event works like a mailed one, and the platform mailed nothing itself
            assertThat(world.api.call("POST", url.substring(url.indexOf("/confirm/")), null, null, null, Map.of()).status())
                    .isEqualTo(303);
            assertThat(world.decide(external, "newsletter", null, "EMAIL", bob, null).get("send").asBoolean()).isTrue();
        }
        assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).map(Mails::recipient)).doesNotContain(bob);
    }

    @Test
    void aPersonWithAnUnknownLinkAsksForNewLinksByAddress() throws Exception {
        String address = World.unique("lost") + "@example.com";
        world.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_IN", Instant.now().minusSeconds(60));
        Matcher first = Mails.CONFIRMATION_LINK.matcher(Mails.text(mailTo(address)));
        assertThat(first.find()).isTrue();

        HttpApi.Response unknown = world.api.call("GET", "/confirm/" + "Z".repeat(43), null, null, null, Map.of());
        assertThat(unknown.body()).contains("id=\"renew-by-address\"").contains("action=\"/confirm/renewal\"");
        HttpApi.Response sent = world.api.call("POST", "/confirm/renewal", null, "application/x-www-form-urlencoded",
                "address=" + java.net.URLEncoder.encode(address.toUpperCase(java.util.Locale.ROOT), java.nio.charset.StandardCharsets.UTF_8),
                Map.of());
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("id=\"renewal-sent\"");

        MimeMessage renewal = Mails.newestTo(smtp, address, text -> text.contains("/confirm/") && !text.contains(first.group(2)));
        Matcher second = Mails.CONFIRMATION_LINK.matcher(Mails.text(renewal));
        assertThat(second.find()).isTrue();
        assertThat(world.api.call("POST", second.group(1), null, null, null, Map.of()).body()).contains("id=\"confirmed\"");
        assertThat(world.api.call("POST", first.group(1), null, null, null, Map.of()).body()).as("the first link sees it done")
                .contains("id=\"already-confirmed\"");

        HttpApi.Response nobody = world.api.call("POST", "/confirm/renewal", null, "application/x-www-form-urlencoded",
                "address=nobody%40example.com", Map.of());
        assertThat(nobody.status()).as("the same answer whether anything waited").isEqualTo(200);
        assertThat(nobody.body()).isEqualTo(sent.body());
        HttpApi.Response invalid = world.api.call("POST", "/confirm/renewal", null, "application/x-www-form-urlencoded",
                "address=not-an-address", Map.of());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"invalid-address\"");
    }

    private static Map<String, Object> brandedProfile(String id, String delivery) {
        var newsletter = new LinkedHashMap<>(World.purpose("newsletter", "COMMERCIAL", Map.of("EMAIL", "NON_RESTRICTIVE"), List.of()));
        newsletter.put("name", "The weekly letter");
        newsletter.put("doubleOptIn", true);
        var profile = new LinkedHashMap<String, Object>();
        profile.put("id", id);
        profile.put("name", "Brand");
        profile.put("companyAddress", "1 Main Street, Springfield");
        profile.put("purposes", List.of(newsletter));
        profile.put("doubleOptIn", Map.of("linkLifetime", "PT24H", "senderAddress", "news@brand.example", "senderName", "Brand news",
                "redirectUrl", "https://brand.example/thanks?from=doi", "defaultLanguage", "pl", "delivery", delivery));
        return profile;
    }

    private static List<String> addressesOf(List<EventStream.Received> received) {
        return received.stream().filter(r -> r.event() != null).map(r -> data(r).get("address").asString()).toList();
    }

    private static JsonNode dataFor(List<EventStream.Received> received, String address) {
        return received.stream().filter(r -> r.event() != null).map(DoubleOptInTest::data)
                .filter(data -> data.get("address").asString().equals(address)).findFirst().orElseThrow();
    }

    private static JsonNode data(EventStream.Received received) {
        return HttpApi.JSON.readTree(received.event().getData().toBytes());
    }

    /** When the stored request for a token expires. */
    private Instant requestExpiry(String token) {
        return mongo.getDatabase("consent").getCollection("confirmation_requests")
                .find(new Document("_id", ConfirmationToken.hashOf(token))).first().getDate("expiresAt").toInstant();
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
