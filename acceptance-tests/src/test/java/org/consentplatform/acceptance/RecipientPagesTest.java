package org.consentplatform.acceptance;

import com.icegreen.greenmail.util.GreenMail;
import org.consentplatform.acceptance.support.EventStream;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.Mails;
import org.consentplatform.acceptance.support.RecipientPages;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.TestKeys;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipient pages over HTTP, as a browser without script uses them: links made by the API,
 * pre-filled pages, forms with their CSRF token, one-click unsubscribe by RFC 8058, and every way
 * a link can be wrong (changed, expired, for another page, for another address).
 */
@RunningService
class RecipientPagesTest {

    @LocalServerPort
    private int port;
    @Autowired
    private InProcessKafkaBroker kafka;
    @Autowired
    private GreenMail smtp;
    private World world;
    private String profile;
    private String address;

    @BeforeEach
    void profileWithTopics() {
        world = new World(port);
        profile = World.unique("pages");
        var news = new LinkedHashMap<>(World.purpose("news", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of("weekly", "offers")));
        news.put("name", "Harbour news");
        World.ok(world.createProfile(profile, List.of(news, World.purpose("service", "TRANSACTIONAL", Map.of(), List.of()))));
        address = World.unique("ann") + "@example.com";
    }

    @Test
    void thePreferenceLinkShowsTheRecordsAndWritesOnlyWhatThePersonChanged() {
        world.capture(profile, "EMAIL", address, "news", null, "OPTED_IN", Instant.now().minusSeconds(60));
        world.capture(profile, "EMAIL", address, "news", "weekly", "OPTED_IN", Instant.now().minusSeconds(60));
        JsonNode links = world.recipientLinks(profile, "EMAIL", address, null, null);
        assertThat(links.get("preferenceCenterUrl").asString()).doesNotContain(address).doesNotContain("ann");

        var browser = new RecipientPages("en");
        RecipientPages.Page page = browser.open(links.get("preferenceCenterUrl").asString());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.ticked("news")).isTrue();
        assertThat(page.ticked("news/weekly")).isTrue();
        assertThat(page.ticked("news/offers")).as("RESTRICTIVE, no record").isFalse();
        assertThat(page.ticked("tracking")).as("tracking is RESTRICTIVE by default").isFalse();
        assertThat(page.html().getElementById("fixed-service")).as("a DISABLED purpose has no box").isNotNull();
        assertThat(page.html().getElementById("company-address").text()).contains("rue de la Paix");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        long changesBefore = history(address).size();

        RecipientPages.Page saved = browser.submit(page, RecipientPages.boxes(page, Map.of("news/weekly", false, "news/offers", true)));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.html().getElementById("outcome").text()).contains("saved");
        assertThat(saved.ticked("news/weekly")).isFalse();
        assertThat(saved.ticked("news/offers")).isTrue();
        assertThat(world.decide(profile, "news", "weekly", "EMAIL", address, null).get("send").asBoolean()).isFalse();
        assertThat(world.decide(profile, "news", "offers", "EMAIL", address, null).get("send").asBoolean()).isTrue();
        List<JsonNode> changes = history(address);
        assertThat(changes).hasSize((int) changesBefore + 2);
        JsonNode last = changes.getLast();
        assertThat(last.get("source").asString()).isEqualTo("PREFERENCE_CENTER");
        assertThat(last.get("actor").asString()).isEqualTo("recipient");
        assertThat(last.at("/evidence/clientAddress").asString()).isNotBlank();
        assertThat(last.at("/evidence/userAgent").asString()).isNotBlank();
    }

    @Test
    void aPageChangeIsPublishedLikeAnyOther() {
        JsonNode links = world.recipientLinks(profile, "EMAIL", address, null, null);
        var browser = new RecipientPages("en");
        RecipientPages.Page page = browser.open(links.get("preferenceCenterUrl").asString());
        browser.submit(page, RecipientPages.boxes(page, Map.of("news", true)));
        String changeId = history(address).getLast().get("id").asString();

        try (var stream = EventStream.from(kafka.bootstrapServers(), "consent.changes.v1")) {
            var received = stream.awaitUntil(all -> all.stream().anyMatch(r -> r.event() != null && r.event().getId().equals(changeId)),
                    Duration.ofSeconds(30));
            JsonNode data = HttpApi.JSON.readTree(received.stream().filter(r -> r.event() != null && r.event().getId().equals(changeId))
                    .findFirst().orElseThrow().event().getData().toBytes());
            assertThat(data.get("source").asString()).isEqualTo("PREFERENCE_CENTER");
            assertThat(data.get("address").asString()).isEqualTo(address);
        }
    }

    @Test
    void anOptInThatNeedsDoubleOptInWaitsForTheMailedLink() {
        String doiProfile = World.unique("pages-doi");
        var letter = new LinkedHashMap<>(World.purpose("letter", "COMMERCIAL", Map.of("EMAIL", "NON_RESTRICTIVE"), List.of()));
        letter.put("doubleOptIn", true);
        World.ok(world.createProfile(doiProfile, List.of(letter)));
        world.capture(doiProfile, "EMAIL", address, "letter", null, "OPTED_OUT", Instant.now().minusSeconds(60));
        var browser = new RecipientPages("en");
        RecipientPages.Page page = browser.open(world.recipientLinks(doiProfile, "EMAIL", address, null, null)
                .get("preferenceCenterUrl").asString());
        assertThat(page.ticked("letter")).isFalse();

        RecipientPages.Page saved = browser.submit(page, RecipientPages.boxes(page, Map.of("letter", true)));

        assertThat(saved.html().getElementById("awaits-confirmation")).isNotNull();
        assertThat(world.decide(doiProfile, "letter", null, "EMAIL", address, null).get("send").asBoolean()).isFalse();
        assertThat(Mails.text(Mails.newestTo(smtp, address, text -> text.contains("/confirm/")))).contains("/confirm/");
    }

    @Test
    void everyBoxHasItsLabelAndThePageItsLanguage() {
        JsonNode links = world.recipientLinks(profile, "EMAIL", address, null, null);
        var withLanguage = new LinkedHashMap<String, Object>(Map.of("profileId", profile, "channel", "EMAIL", "address", address,
                "language", "pl"));
        String polish = World.ok(world.api.post(World.BASE + "/recipient-links", world.marketing(), withLanguage))
                .get("preferenceCenterUrl").asString();

        RecipientPages.Page page = new RecipientPages("en").open(links.get("preferenceCenterUrl").asString());
        assertThat(page.html().select("html").attr("lang")).isEqualTo("en");
        page.html().select("input[type=checkbox]").forEach(box ->
                assertThat(page.html().select("label[for=\"" + box.id() + "\"]")).as(box.id()).hasSize(1));
        RecipientPages.Page inPolish = new RecipientPages("en").open(polish);
        assertThat(polish).endsWith("?lang=pl");
        assertThat(inPolish.html().select("html").attr("lang")).isEqualTo("pl");
        assertThat(inPolish.html().selectFirst("form").attr("action")).as("the language stays after saving").endsWith("?lang=pl");
    }

    @Test
    void aFormNamingABoxThePageDidNotShowChangesNothing() {
        JsonNode links = world.recipientLinks(profile, "EMAIL", address, null, null);
        var browser = new RecipientPages("en");
        RecipientPages.Page page = browser.open(links.get("preferenceCenterUrl").asString());

        RecipientPages.Page refused = browser.submit(page, Map.of("choice", List.of("news", "news/daily", "../../other")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().getElementById("problem-invalid-form")).isNotNull();
        assertThat(history(address)).isEmpty();
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() {
        JsonNode links = world.recipientLinks(profile, "EMAIL", address, null, null);
        var browser = new RecipientPages("en");
        RecipientPages.Page page = browser.open(links.get("preferenceCenterUrl").asString());
        String fingerprint = page.html().selectFirst("input[name=fingerprint]").attr("value");

        RecipientPages.Page refused = new RecipientPages("en").post(links.get("preferenceCenterUrl").asString(),
                RecipientPages.encode(Map.of("choice", List.of("news"), "fingerprint", List.of(fingerprint))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().getElementById("problem-form-expired")).isNotNull();
        assertThat(world.decide(profile, "news", null, "EMAIL", address, null).get("send").asBoolean()).isFalse();
        assertThat(history(address)).isEmpty();
    }

    @Test
    void aSubmissionOnAPageThatNoLongerMatchesTheRecordsIsNotApplied() {
        JsonNode links = world.recipientLinks(profile, "EMAIL", address, null, null);
        var browser = new RecipientPages("en");
        RecipientPages.Page page = browser.open(links.get("preferenceCenterUrl").asString());
        world.capture(profile, "EMAIL", address, "news", null, "OPTED_IN", Instant.now().minusSeconds(5)); // elsewhere, meanwhile

        RecipientPages.Page stale = browser.submit(page, RecipientPages.boxes(page, Map.of("news/offers", true)));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.ticked("news")).as("the page now shows the records").isTrue();
        assertThat(world.decide(profile, "news", "offers", "EMAIL", address, null).get("send").asBoolean()).isFalse();
    }

    @Test
    void oneClickUnsubscribeByRfc8058LeavesThePurposeAtOnceAndAGetChangesNothing() {
        world.capture(profile, "EMAIL", address, "news", null, "OPTED_IN", Instant.now().minusSeconds(60));
        JsonNode links = world.recipientLinks(profile, "EMAIL", address, null, "news");
        String url = links.get("unsubscribeUrl").asString();
        assertThat(links.at("/headers/List-Unsubscribe").asString()).isEqualTo("<" + url + ">");
        assertThat(links.at("/headers/List-Unsubscribe-Post").asString()).isEqualTo("List-Unsubscribe=One-Click");

        RecipientPages.Page shown = new RecipientPages("en").open(url);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.html().getElementById("confirm-unsubscribe")).isNotNull();
        assertThat(world.decide(profile, "news", null, "EMAIL", address, null).get("send").asBoolean()).as("GET changes nothing").isTrue();

        // the mail provider's POST: no cookie, no CSRF token, the RFC 8058 body
        RecipientPages.Page done = new RecipientPages(null).post(url, "List-Unsubscribe=One-Click");

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.html().getElementById("unsubscribed")).isNotNull();
        assertThat(world.decide(profile, "news", null, "EMAIL", address, null).get("send").asBoolean()).isFalse();
        assertThat(history(address).getLast().get("requestedState").asString()).isEqualTo("OPTED_OUT");

        RecipientPages.Page again = new RecipientPages("en").post(url, "List-Unsubscribe=One-Click");
        assertThat(again.heading()).contains("already");
        assertThat(history(address)).as("a second unsubscribe writes nothing").hasSize(2);
    }

    @Test
    void everyChangedCharacterOfALinkIsRefusedAndChangesNothing() {
        String url = world.recipientLinks(profile, "EMAIL", address, null, null).get("unsubscribeUrl").asString();
        int tokenStart = url.lastIndexOf('/') + 1;
        String token = url.substring(tokenStart);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                continue;
            }
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            RecipientPages.Page refused = new RecipientPages(null).post(url.substring(0, tokenStart) + changed, "List-Unsubscribe=One-Click");
            assertThat(refused.status()).as("character " + i).isEqualTo(404);
        }
        assertThat(history(address)).isEmpty();
    }

    @Test
    void aLinkOpensOnlyThePageItWasMadeForAndOnlyItsOwnAddress() {
        String other = World.unique("bob") + "@example.com";
        world.capture(profile, "EMAIL", other, "news", null, "OPTED_IN", Instant.now().minusSeconds(60));
        JsonNode mine = world.recipientLinks(profile, "EMAIL", address, null, null);
        String myToken = token(mine.get("unsubscribeUrl").asString());

        RecipientPages.Page asPreferences = new RecipientPages("en").open(base() + "/preferences/" + myToken);
        assertThat(asPreferences.status()).isEqualTo(404);
        assertThat(asPreferences.html().getElementById("problem-invalid")).isNotNull();

        RecipientPages.Page unsubscribed = new RecipientPages(null).post(mine.get("unsubscribeUrl").asString(), "List-Unsubscribe=One-Click");
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(world.decide(profile, "news", null, "EMAIL", other, null).get("send").asBoolean()).as("only the link's address").isTrue();
    }

    @Test
    void anExpiredLinkShowsWhyAndReadsNothing() {
        RecipientPages.Page expired = new RecipientPages("fr").open(base() + "/preferences/" + TestKeys.expiredPreferenceToken(World.TENANT, profile, address));

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.heading()).isEqualTo("Ce lien a expiré");
        assertThat(expired.html().text()).doesNotContain(address);
    }

    @Test
    void linksAreRefusedForInputThatNamesNoOneOrWithoutTheWriteScope() {
        var request = Map.of("profileId", profile, "channel", "EMAIL", "address", address);
        assertThat(world.api.post(World.BASE + "/recipient-links", world.auditor(), request).status()).isEqualTo(403);
        assertThat(world.api.post(World.BASE + "/recipient-links", world.marketing(), Map.of("profileId", profile)).status()).isEqualTo(400);
        assertThat(world.api.post(World.BASE + "/recipient-links", world.marketing(),
                Map.of("profileId", profile, "channel", "EMAIL", "address", address, "purposeId", "service")).status()).isEqualTo(422);
        assertThat(world.api.post(World.BASE + "/recipient-links", world.marketing(),
                Map.of("profileId", profile, "channel", "EMAIL", "address", address, "validFor", "P2Y")).status()).isEqualTo(400);
        assertThat(world.api.post(World.BASE + "/recipient-links", world.marketing(),
                Map.of("profileId", "nope", "channel", "EMAIL", "address", address)).status()).isEqualTo(404);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    }

    private List<JsonNode> history(String contactAddress) {
        JsonNode page = World.ok(world.api.post(World.BASE + "/history/search", world.auditor(),
                Map.of("channel", "EMAIL", "address", contactAddress, "profileId", profile)));
        var changes = new java.util.ArrayList<JsonNode>();
        page.get("items").forEach(changes::add);
        return changes;
    }
}
