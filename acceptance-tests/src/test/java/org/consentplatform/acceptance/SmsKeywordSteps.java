package org.consentplatform.acceptance;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.EventStream;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.World;
import org.awaitility.Awaitility;
import org.consentplatform.embedded.InProcessKafkaBroker;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps for SMS keywords (§14): texts go to {@code consent.inbound.v1} as an SMS provider would
 * send them, keyed by the sender's number, and replies are read from {@code consent.sms-replies.v1}.
 */
public class SmsKeywordSteps {

    private static final String INBOUND = "consent.inbound.v1";
    private static final String REPLIES = "consent.sms-replies.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final World world;
    private final InProcessKafkaBroker kafka;
    private final Map<String, String> numbers = new LinkedHashMap<>();
    private final String sender = "+33612" + digits(6);
    private EventStream replies;
    private String lastId;
    /** Texts are dated one second apart, so that each is newer than what came before (the ordering rule, §6). */
    private Instant clock = Instant.now().minusSeconds(30);
    private HttpApi.Response refused;
    private double textsWithoutKeyword;

    @Autowired
    public SmsKeywordSteps(World world, InProcessKafkaBroker kafka) {
        this.world = world;
        this.kafka = kafka;
    }

    @After
    public void close() {
        if (replies != null) {
            replies.close();
        }
    }

    @Given("a profile with commercial SMS purposes {string} and {string} and a number for each of {string}, {string} and {string}")
    public void profile(String first, String second, String en, String fr, String pl) {
        world.profile(World.unique("sms"));
        for (String language : List.of(en, fr, pl)) {
            numbers.put(language, digits(8)); // a short code: unique per scenario, since a number answers for one profile
        }
        var profile = new LinkedHashMap<String, Object>();
        profile.put("id", world.profile());
        profile.put("name", "Retail " + world.profile());
        profile.put("purposes", List.of(World.purpose(first, "COMMERCIAL", Map.of("SMS", "RESTRICTIVE"), List.of()),
                World.purpose(second, "COMMERCIAL", Map.of("SMS", "RESTRICTIVE"), List.of())));
        profile.put("sms", Map.of("numbers", numbers.entrySet().stream()
                .map(number -> Map.of("number", number.getValue(), "language", number.getKey())).toList()));
        World.ok(world.api.post(World.BASE + "/profiles", world.admin(), profile));
        replies = EventStream.from(kafka.bootstrapServers(), REPLIES);
        textsWithoutKeyword = textsWithoutKeyword();
    }

    @Given("the sender is opted in to {string} and {string} by SMS")
    public void optedIn(String first, String second) {
        for (String purpose : List.of(first, second)) {
            world.capture(world.profile(), "SMS", sender, purpose, null, "OPTED_IN", Instant.now().minusSeconds(60));
        }
    }

    @Given("the sender texted {string} to the {word} number")
    public void texted(String text, String language) {
        texts(text, language);
        replyTo(lastId);
    }

    @Given("the sender texted {string} to the {word} number, then opted out of {string} by API")
    public void textedThenOptedOut(String text, String language, String purpose) {
        texted(text, language);
        world.capture(world.profile(), "SMS", sender, purpose, null, "OPTED_OUT", next());
    }

    @Given("the sender was opted out of {string} and {string} by API")
    public void optedOut(String first, String second) {
        for (String purpose : List.of(first, second)) {
            world.capture(world.profile(), "SMS", sender, purpose, null, "OPTED_OUT", next());
        }
    }

    @Given("the sender complained of spam")
    public void complained() {
        EventStream.send(kafka.bootstrapServers(), INBOUND, sender, HttpApi.json(Map.of("specversion", "1.0",
                "id", UUID.randomUUID().toString(), "source", "/providers/test-sms",
                "type", "org.consentplatform.inbound.spam_complaint.v1", "time", next().toString(), "datacontenttype", "application/json",
                "data", Map.of("tenant", World.TENANT, "channel", "SMS", "address", sender, "profileId", world.profile()))));
        Awaitility.await("the complaint applied").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> "OPTED_OUT".equals(state("news")) && "OPTED_OUT".equals(state("offers")));
    }

    @Given("the profile answers HELP on its fr number with {string} and reads {string} as HELP in fr")
    public void helpText(String help, String word) {
        HttpApi.Response stored = world.api.get(World.BASE + "/profiles/" + world.profile(), world.admin());
        ObjectNode profile = (ObjectNode) World.ok(stored);
        ObjectNode sms = (ObjectNode) profile.get("sms");
        sms.putObject("helpText").put("fr", help);
        sms.putObject("keywords").putObject("fr").put(word, "HELP");
        for (String readOnly : List.of("id", "version", "complianceWarnings")) {
            profile.remove(readOnly);
        }
        World.ok(world.api.call("PUT", World.BASE + "/profiles/" + world.profile(), world.admin(), "application/json",
                profile.toString(), Map.of("If-Match", "\"" + stored.json().get("version").asInt() + "\"")));
    }

    @When("the sender texts {string} to the {word} number")
    public void texts(String text, String language) {
        lastId = send(UUID.randomUUID().toString(), number(language), text.replace('·', ' '));
    }

    @When("the sender texts {string} to the {word} number twice with one event id")
    public void textsTwice(String text, String language) {
        lastId = UUID.randomUUID().toString();
        send(lastId, number(language), text);
        send(lastId, number(language), text);
    }

    @When("the sender texts {string} to a number bound to no profile")
    public void textsUnbound(String text) {
        lastId = send(UUID.randomUUID().toString(), digits(8), text);
    }

    @When("another profile binds the en number")
    public void anotherBinds() {
        var profile = new LinkedHashMap<String, Object>();
        profile.put("id", World.unique("sms-other"));
        profile.put("sms", Map.of("numbers", List.of(Map.of("number", number("en"), "language", "en"))));
        refused = world.api.post(World.BASE + "/profiles", world.admin(), profile);
    }

    @Then("{string} and {string} are {word} for the sender")
    public void both(String first, String second, String expected) {
        awaitProcessed();
        assertThat(state(first)).as(first).isEqualTo(expected);
        assertThat(state(second)).as(second).isEqualTo(expected);
    }

    @Then("{string} is {word} and {string} is {word} for the sender")
    public void each(String first, String firstState, String second, String secondState) {
        awaitProcessed();
        assertThat(state(first)).as(first).isEqualTo(firstState);
        assertThat(state(second)).as(second).isEqualTo(secondState);
    }

    @Then("the sender is texted back {string}")
    public void textedBack(String text) {
        JsonNode reply = replyTo(lastId);
        assertThat(reply.get("text").asString()).contains(text);
        assertThat(reply.get("to").asString()).isEqualTo(sender);
        assertThat(numbers).containsValue(reply.get("from").asString());
        String language = numbers.entrySet().stream().filter(n -> n.getValue().equals(reply.get("from").asString()))
                .findFirst().orElseThrow().getKey();
        assertThat(reply.get("language").asString()).as("the number's language").isEqualTo(language);
    }

    @Then("the sender is texted nothing back for it")
    public void nothingBack() {
        String unanswered = lastId;
        // a HELP sent after it, on the same partition, is read after it: once its reply is in, the first text was read too
        String marker = send(UUID.randomUUID().toString(), number("en"), "HELP");
        replyTo(marker);
        assertThat(repliesTo(unanswered)).isEmpty();
        lastId = unanswered;
    }

    @Then("the text is counted as no keyword")
    public void countedAsNoKeyword() {
        assertThat(textsWithoutKeyword()).as("texts that were no keyword").isEqualTo(textsWithoutKeyword + 1);
    }

    /** The service's count of texts that were no keyword, as a scraper reads it. */
    private double textsWithoutKeyword() {
        HttpApi.Response scrape = world.api.get("/actuator/prometheus", world.api.token("demo-monitoring"));
        assertThat(scrape.status()).isEqualTo(200);
        return Arrays.stream(scrape.body().split("\n"))
                .filter(line -> line.startsWith("consent_sms_texts_total{") && line.contains("keyword=\"NONE\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no consent_sms_texts_total{keyword=\"NONE\"} series"));
    }

    @Then("the sender is texted back once for that event")
    public void textedBackOnce() {
        String marker = send(UUID.randomUUID().toString(), number("en"), "HELP");
        replyTo(marker);
        assertThat(repliesTo(lastId)).hasSize(1);
    }

    @Then("the {string} record is OPTED_OUT from INBOUND_EVENT because {string} was texted to the {word} number")
    public void evidence(String purpose, String text, String language) {
        awaitProcessed();
        JsonNode record = record(purpose);
        assertThat(record.path("state").asString()).isEqualTo("OPTED_OUT");
        assertThat(record.path("source").asString()).isEqualTo("INBOUND_EVENT");
        assertThat(record.at("/evidence/reason").asString()).isEqualTo("SMS keyword STOP: \"" + text + "\" texted to " + number(language));
    }

    @Then("the sender's {string} record has {int} changes in its history")
    public void changes(String purpose, int count) {
        assertThat(world.history("SMS", sender, purpose)).hasSize(count);
    }

    @Then("an SMS for {string} to the sender is blocked")
    public void blocked(String purpose) {
        assertThat(world.decide(world.profile(), purpose, null, "SMS", sender, null).get("send").asBoolean()).isFalse();
    }

    @Then("the text lands on the dead-letter topic")
    public void deadLetter() {
        try (var dlt = EventStream.from(kafka.bootstrapServers(), "consent.inbound.v1.dlt")) {
            dlt.awaitUntil(all -> all.stream().anyMatch(r -> new String(r.value()).contains(lastId)), WAIT);
        }
    }

    @Then("the profile is refused with {int} {string}")
    public void refused(int status, String rule) {
        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.body()).contains(rule);
    }

    /** Sends a text as the SMS provider would, and returns its event id. */
    private String send(String id, String to, String text) {
        EventStream.send(kafka.bootstrapServers(), INBOUND, sender, HttpApi.json(Map.of("specversion", "1.0", "id", id,
                "source", "/providers/test-sms", "type", "org.consentplatform.inbound.sms_received.v1", "time", next().toString(),
                "datacontenttype", "application/json",
                "data", Map.of("tenant", World.TENANT, "from", sender, "to", to, "text", text))));
        return id;
    }

    /** Waits until the last text was read: its reply, or a later HELP's reply on the same partition. */
    private void awaitProcessed() {
        if (lastId != null && repliesTo(lastId).isEmpty()) {
            String marker = send(UUID.randomUUID().toString(), number("en"), "HELP");
            replyTo(marker);
        }
    }

    private JsonNode replyTo(String id) {
        replies.awaitUntil(all -> !repliesTo(id, all).isEmpty(), WAIT);
        return repliesTo(id).getFirst();
    }

    private List<JsonNode> repliesTo(String id) {
        return repliesTo(id, replies.readFor(Duration.ZERO));
    }

    private static List<JsonNode> repliesTo(String id, List<EventStream.Received> received) {
        return received.stream().map(EventStream.Received::event).filter(Objects::nonNull)
                .filter(event -> event.getSubject() != null && event.getSubject().equals(id))
                .map(event -> HttpApi.JSON.readTree(event.getData().toBytes())).toList();
    }

    private String state(String purpose) {
        return record(purpose).path("state").asString();
    }

    private JsonNode record(String purpose) {
        return world.record("SMS", sender, purpose);
    }

    private String number(String language) {
        return Objects.requireNonNull(numbers.get(language), language);
    }

    private Instant next() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    private static String digits(int count) {
        var digits = new StringBuilder();
        digits.append(1 + RANDOM.nextInt(9));
        while (digits.length() < count) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
