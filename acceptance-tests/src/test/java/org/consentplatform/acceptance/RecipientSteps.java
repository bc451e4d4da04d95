package org.consentplatform.acceptance;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.RecipientPages;
import org.consentplatform.acceptance.support.World;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for the recipient pages (§7, §8), driven as a browser without script drives them. */
public class RecipientSteps {

    private static final String PHONE = "+33612345678";
    /** What the scenarios call a purpose, and its box on the preference page. */
    private static final Map<String, String> BOXES = Map.of("COMMERCIAL", "news", "topic", "news/weekly",
            "TRANSACTIONAL", "service", "TRACKING", "tracking");
    private static final Map<String, List<String>> PURPOSES_OF_TYPE = Map.of("COMMERCIAL", List.of("news", "offers"),
            "TRANSACTIONAL", List.of("service"), "TRACKING", List.of("tracking"));

    private String contactId;
    private final List<String> addresses = new ArrayList<>();
    private final RecipientPages browser = new RecipientPages("en");
    private RecipientPages.Page page;

    private final World world;

    public RecipientSteps(World world) {
        this.world = world;
    }

    // §8

    @Given("a profile whose purposes and topic are RESTRICTIVE on EMAIL")
    public void restrictiveProfile() {
        createProfile("RESTRICTIVE", List.of(World.purpose("news", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of("weekly"))));
    }

    @Given("^a (CONTACT|LEAD|PROFILE) with (no flag|doNotBulkEmail|doNotEmail|doNotTrack) set and an email address$")
    public void recipientWithFlag(String entity, String flag) {
        contactId = World.unique("r");
        addresses.add(World.unique("pref") + "@example.com");
        upsertContact(entity, flag, List.of(Map.of("channel", "EMAIL", "address", addresses.getFirst())));
    }

    @Given("^the address's (COMMERCIAL|topic|TRANSACTIONAL|TRACKING) record is (OPTED_IN|OPTED_OUT|absent)$")
    public void addressRecord(String purpose, String state) {
        if (!state.equals("absent")) {
            String[] box = BOXES.get(purpose).split("/");
            world.capture(world.profile(), "EMAIL", addresses.getFirst(), box[0], box.length > 1 ? box[1] : null, state,
                    Instant.now().minusSeconds(60));
        }
    }

    @When("the person opens the preference link made for the {word}")
    public void opensPreferenceLink(String entity) {
        assertThat(World.ok(world.api.get(World.BASE + "/contacts/" + contactId, world.marketing())).get("entityType").asString())
                .as("the recipient set up before").isEqualTo(entity);
        page = browser.open(world.recipientLinks(world.profile(), "EMAIL", addresses.getFirst(), contactId, null)
                .get("preferenceCenterUrl").asString());
        assertThat(page.status()).as(page.html().text()).isEqualTo(200);
    }

    @Then("^the (COMMERCIAL|topic|TRANSACTIONAL|TRACKING) box is (ticked|unticked)$")
    public void box(String purpose, String shown) {
        assertThat(page.ticked(BOXES.get(purpose))).isEqualTo(shown.equals("ticked"));
    }

    @When("ticks the topic box and saves")
    public void ticksTopic() {
        page = browser.submit(page, RecipientPages.boxes(page, Map.of("news/weekly", true)));
    }

    @Then("the page says the choices are saved")
    public void choicesSaved() {
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().getElementById("outcome").text()).contains("choices are saved");
    }

    @Then("the address's topic record is OPTED_IN from PREFERENCE_CENTER with the browser as evidence")
    public void topicFromPreferenceCenter() {
        JsonNode record = record(addresses.getFirst(), "news", "weekly");
        assertThat(record.get("state").asString()).isEqualTo("OPTED_IN");
        assertThat(record.get("source").asString()).isEqualTo("PREFERENCE_CENTER");
        assertThat(record.at("/evidence/userAgent").asString()).isNotBlank();
        assertThat(record.at("/evidence/clientAddress").asString()).isNotBlank();
    }

    @Then("the address has {int} changes in its history")
    public void changesInHistory(int count) {
        JsonNode history = World.ok(world.api.post(World.BASE + "/history/contact-point", world.auditor(),
                Map.of("channel", "EMAIL", "address", addresses.getFirst())));
        assertThat(history.get("items")).hasSize(count);
    }

    @Then("the contact still has doNotBulkEmail set")
    public void stillFlagged() {
        assertThat(contact().at("/flags/doNotBulkEmail").asBoolean()).isTrue();
    }

    @Then("a commercial email about the topic to the contact is blocked by {string}")
    public void blockedByFlag(String flag) {
        JsonNode decision = world.decide(world.profile(), "news", "weekly", "EMAIL", addresses.getFirst(), contactId);
        assertThat(decision.get("send").asBoolean()).isFalse();
        var blocking = new ArrayList<String>();
        decision.get("reasons").forEach(r -> {
            if (!r.get("permits").asBoolean() && r.get("aspect").asString().equals("MESSAGE")) {
                blocking.add(r.get("code").asString() + (r.get("flag").isNull() ? "" : ":" + r.get("flag").asString()));
            }
        });
        assertThat(blocking).contains("CONTACT_FLAG:" + flag);
    }

    // §7

    @Given("a profile with two commercial purposes, all NON_RESTRICTIVE on EMAIL")
    public void nonRestrictiveProfile() {
        createProfile("NON_RESTRICTIVE", List.of(
                World.purpose("news", "COMMERCIAL", Map.of("EMAIL", "NON_RESTRICTIVE"), List.of()),
                World.purpose("offers", "COMMERCIAL", Map.of("EMAIL", "NON_RESTRICTIVE"), List.of())));
    }

    @Given("a CONTACT with the emails {string} and {string} and a phone number")
    public void contactWithTwoEmails(String first, String second) {
        contactId = World.unique("sub");
        addresses.add(World.unique(first) + "@example.com");
        addresses.add(World.unique(second) + "@example.com");
        upsertContact("CONTACT", "no flag", contactPoints());
    }

    @Given("^the contact has (no flag|doNotBulkEmail|doNotEmail|doNotTrack) set$")
    public void contactHas(String flag) {
        upsertContact("CONTACT", flag, contactPoints());
    }

    @Given("^the second address is opted out of (nothing|COMMERCIAL|TRANSACTIONAL|TRACKING)$")
    public void secondOptedOut(String type) {
        if (!type.equals("nothing")) {
            // one purpose of the type is enough: a flag shows blocked when any purpose fails for any address
            world.capture(world.profile(), "EMAIL", addresses.get(1), PURPOSES_OF_TYPE.get(type).getLast(), null, "OPTED_OUT",
                    Instant.now().minusSeconds(60));
        }
    }

    @When("the person opens the subscription link")
    public void opensSubscriptionLink() {
        page = browser.open(world.recipientLinks(world.profile(), null, null, contactId, null).get("subscriptionCenterUrl").asString());
        assertThat(page.status()).as(page.html().text()).isEqualTo(200);
    }

    @Then("the page shows doNotBulkEmail {word}, doNotEmail {word} and doNotTrack {word}")
    public void pageShows(String bulk, String email, String track) {
        assertThat(List.of(page.flag("doNotBulkEmail"), page.flag("doNotEmail"), page.flag("doNotTrack")))
                .containsExactly(bulk, email, track);
    }

    @When("sets doNotBulkEmail to {word}, doNotEmail to {word} and doNotTrack to {word} and saves")
    public void setsFlags(String bulk, String email, String track) {
        page = browser.submit(page, Map.of("doNotBulkEmail", List.of(bulk), "doNotEmail", List.of(email), "doNotTrack", List.of(track)));
    }

    @Then("the page says the subscriptions are saved")
    public void subscriptionsSaved() {
        assertThat(page.status()).as(page.html().text()).isEqualTo(200);
        assertThat(page.html().getElementById("outcome").text()).contains("saved for every one of your email addresses");
    }

    @Then("on both email addresses every {word} purpose is {word}")
    public void everyPurposeIs(String type, String state) {
        for (String address : addresses) {
            for (String purpose : PURPOSES_OF_TYPE.get(type)) {
                JsonNode record = record(address, purpose, null);
                assertThat(record).as(address + " " + purpose).isNotNull();
                assertThat(record.get("state").asString()).as(address + " " + purpose).isEqualTo(state);
            }
        }
    }

    @Then("the changes have source SUBSCRIPTION_CENTER")
    public void sourceSubscriptionCenter() {
        for (String address : addresses) {
            records("EMAIL", address).forEach(r -> assertThat(r.get("source").asString()).isEqualTo("SUBSCRIPTION_CENTER"));
        }
    }

    @Then("the phone number has no consent record")
    public void phoneUntouched() {
        assertThat(records("SMS", PHONE)).isEmpty();
    }

    @Then("the contact's flags are doNotBulkEmail {word}, doNotEmail {word} and doNotTrack {word}")
    public void contactFlags(String bulk, String email, String track) {
        JsonNode flags = contact().get("flags");
        assertThat(List.of(flags.get("doNotBulkEmail").asBoolean(), flags.get("doNotEmail").asBoolean(), flags.get("doNotTrack").asBoolean()))
                .containsExactly(bulk.equals("block"), email.equals("block"), track.equals("block"));
    }

    @Then("a commercial email to the second address is blocked")
    public void secondBlocked() {
        assertThat(world.decide(world.profile(), "news", null, "EMAIL", addresses.get(1), null).get("send").asBoolean()).isFalse();
    }

    // support

    /** The world.profile()'s transactional and tracking purposes take the given model on EMAIL too. */
    private void createProfile(String model, List<Map<String, Object>> commercial) {
        world.profile(World.unique("recipient"));
        var purposes = new ArrayList<>(commercial);
        purposes.add(World.purpose("service", "TRANSACTIONAL", Map.of("EMAIL", model), List.of()));
        purposes.add(World.purpose("tracking", "TRACKING", Map.of("EMAIL", model), List.of()));
        World.ok(world.createProfile(world.profile(), purposes));
    }

    private List<Map<String, String>> contactPoints() {
        var points = new ArrayList<Map<String, String>>();
        addresses.forEach(address -> points.add(Map.of("channel", "EMAIL", "address", address)));
        points.add(Map.of("channel", "SMS", "address", PHONE));
        return points;
    }

    private void upsertContact(String entity, String flag, List<Map<String, String>> points) {
        var contact = new LinkedHashMap<String, Object>();
        contact.put("entityType", entity);
        contact.put("flags", Map.of("doNotEmail", flag.equals("doNotEmail"), "doNotBulkEmail", flag.equals("doNotBulkEmail"),
                "doNotTrack", flag.equals("doNotTrack")));
        contact.put("contactPoints", points);
        World.ok(world.api.put(World.BASE + "/contacts/" + contactId, world.marketing(), contact));
    }

    private JsonNode contact() {
        return World.ok(world.api.get(World.BASE + "/contacts/" + contactId, world.marketing()));
    }

    private List<JsonNode> records(String channel, String address) {
        JsonNode items = World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", channel, "address", address, "profileId", world.profile()))).get("items");
        var records = new ArrayList<JsonNode>();
        items.forEach(records::add);
        return records;
    }

    private JsonNode record(String address, String purpose, String topic) {
        return records("EMAIL", address).stream()
                .filter(r -> r.get("purposeId").asString().equals(purpose)
                        && (topic == null ? r.get("topicId").isNull() : topic.equals(r.get("topicId").asString())))
                .findFirst().orElse(null);
    }
}
