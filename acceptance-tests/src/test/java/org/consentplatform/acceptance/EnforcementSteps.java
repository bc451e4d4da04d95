package org.consentplatform.acceptance;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.And;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.World;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentplatform.acceptance.support.World.purpose;

/** Steps for domain rules §2–§4: each table row is driven over HTTP against the running service. */
public class EnforcementSteps {

    private static final List<String> STATES = List.of("OPTED_OUT", "absent", "OPTED_IN");

    private final Map<String, String> contactEmails = new HashMap<>();

    private final World world;

    public EnforcementSteps(World world) {
        this.world = world;
    }

    @Given("tenant {string} does not check contact-level consent")
    public void tenantDoesNotCheck(String tenant) {
        world.tenantSettings(tenant, false, List.of());
    }

    @Given("tenant {string} checks contact-level consent")
    public void tenantChecks(String tenant) {
        world.tenantSettings(tenant, true, List.of());
    }

    @Given("tenant {string} has a custom channel {string} whose addresses are phone numbers")
    public void customChannel(String tenant, String channel) {
        world.tenantSettings(tenant, false, List.of(Map.of("id", channel, "name", channel, "addressFormat", "PHONE")));
    }

    @Then("for an email about purpose {string} the models decide:")
    public void modelsDecide(String purpose, DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            String[] modelAndAspect = row.get("model — aspect").split(" — ");
            String model = modelAndAspect[0].strip();
            boolean tracking = modelAndAspect[1].strip().equals("tracking");
            String profileId = World.unique("models");
            World.ok(world.createProfile(profileId, List.of(
                    purpose(purpose, "COMMERCIAL", Map.of("EMAIL", model), List.of()),
                    purpose("tracking", "TRACKING", Map.of("EMAIL", model), List.of()))));
            for (String state : STATES) {
                String address = World.unique("ann") + "@example.com";
                String stateValue = World.stateCell(state);
                if (stateValue != null) {
                    world.capture(profileId, "EMAIL", address, tracking ? "tracking" : purpose, null, stateValue, Instant.now());
                }
                JsonNode decision = world.decide(profileId, purpose, null, "EMAIL", address, null);
                String expected = row.get(state).strip();
                if (tracking) {
                    assertThat(decision.get("track").asBoolean()).as(model + " tracking, record " + state)
                            .isEqualTo(expected.equals("track"));
                } else {
                    assertThat(decision.get("send").asBoolean()).as(model + " message, record " + state)
                            .isEqualTo(expected.equals("send"));
                }
            }
        }
    }

    @When("the admin creates a profile without purposes")
    public void createDefaultProfile() {
        world.profile(World.unique("defaults"));
        World.ok(world.createProfile(world.profile(), null));
    }

    @Then("the profile has one purpose of each type and default consents on EMAIL, SMS and VOICE")
    public void oneOfEachType() {
        JsonNode stored = World.ok(world.api.get(World.BASE + "/profiles/" + world.profile(), world.admin()));
        var types = new ArrayList<String>();
        stored.get("purposes").forEach(p -> types.add(p.get("type").asString()));
        assertThat(types).containsExactlyInAnyOrder("COMMERCIAL", "TRANSACTIONAL", "TRACKING");
        var channels = new ArrayList<String>();
        stored.get("defaultConsents").forEach(c -> channels.add(c.get("channel").asString()));
        assertThat(channels).containsExactly("EMAIL", "SMS", "VOICE");
    }

    /** Read back through decisions: the model a check applied is part of its reason. */
    @And("its purposes use these models:")
    public void defaultModels(DataTable table) {
        Map<String, String[]> addresses = Map.of(
                "EMAIL", new String[]{"EMAIL", "models@example.com"},
                "SMS", new String[]{"SMS", "+33612345678"},
                "VOICE", new String[]{"VOICE", "+33612345678"},
                "custom channels", new String[]{"WHATSAPP", "+48512345678"},
                "POSTAL", new String[]{"POSTAL", "1 rue de la Paix, 75002 Paris"});
        for (Map<String, String> row : table.asMaps()) {
            String type = row.get("purpose type");
            for (var column : addresses.entrySet()) {
                String channel = column.getValue()[0];
                String address = column.getValue()[1];
                String expected = row.get(column.getKey()).strip();
                boolean trackingRow = type.equals("TRACKING");
                JsonNode decision = world.decide(world.profile(), trackingRow ? "commercial" : type.toLowerCase(), null, channel, address, null);
                JsonNode reason = reason(decision, trackingRow ? "TRACKING" : "MESSAGE");
                if (expected.equals("—")) {
                    assertThat(reason.get("code").asString()).as(type + " on " + channel).isEqualTo("TRACKING_NOT_APPLICABLE");
                } else {
                    assertThat(reason.get("model").asString()).as(type + " on " + channel).isEqualTo(expected);
                }
            }
        }
    }

    private static JsonNode reason(JsonNode decision, String aspect) {
        for (JsonNode reason : decision.get("reasons")) {
            if (reason.get("aspect").asString().equals(aspect) && !reason.get("code").asString().equals("CONTACT_NOT_GIVEN")) {
                return reason;
            }
        }
        throw new AssertionError("no " + aspect + " reason in " + decision);
    }

    @Given("{string} opted in to {string} on EMAIL")
    public void optedIn(String address, String purpose) {
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.now().minus(1, ChronoUnit.DAYS));
    }

    @Given("a message for {string} to {string} would be sent")
    public void wouldBeSent(String purpose, String address) {
        assertThat(world.decide(world.profile(), purpose, null, "EMAIL", address, null).get("send").asBoolean()).isTrue();
    }

    @When("{string} opts out of {string} on EMAIL")
    public void optsOut(String address, String purpose) {
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_OUT", Instant.now());
    }

    @Then("the very next decision for {string} to {string} blocks the message")
    public void nextDecisionBlocks(String purpose, String address) {
        JsonNode decision = world.decide(world.profile(), purpose, null, "EMAIL", address, null);
        assertThat(decision.get("send").asBoolean()).isFalse();
        assertThat(reason(decision, "MESSAGE").get("state").asString()).isEqualTo("OPTED_OUT");
    }

    @Then("for an email about topic {string} of purpose {string} the decisions are:")
    public void topicDecisions(String topic, String purpose, DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            String profileId = World.unique("topics");
            World.ok(world.createProfile(profileId, List.of(
                    purpose(purpose, "COMMERCIAL", Map.of("EMAIL", row.get("parent model")), List.of(topic)))));
            String address = World.unique("tom") + "@example.com";
            String purposeState = World.stateCell(row.get("purpose record"));
            String topicState = World.stateCell(row.get("topic record"));
            if (purposeState != null) {
                world.capture(profileId, "EMAIL", address, purpose, null, purposeState, Instant.now());
            }
            if (topicState != null) {
                world.capture(profileId, "EMAIL", address, purpose, topic, topicState, Instant.now());
            }
            JsonNode decision = world.decide(profileId, purpose, topic, "EMAIL", address, null);
            assertThat(decision.get("send").asBoolean()).as(row.toString()).isEqualTo(row.get("message").equals("send"));
        }
    }

    @Then("for a CONTACT whose records all permit, these flags are also required:")
    public void contactFlags(DataTable table) {
        List<String> flags = List.of("doNotEmail", "doNotBulkEmail", "doNotTrack");
        for (Map<String, String> row : table.asMaps()) {
            String type = row.get("purpose type");
            List<String> required = flags.stream().filter(f -> row.get("also required when the setting is on").contains(f + " = false")).toList();
            boolean tracking = type.equals("TRACKING");
            String purpose = tracking || type.startsWith("COMMERCIAL") ? "commercial" : "transactional";
            String profileId = World.unique("flags");
            World.ok(world.createProfile(profileId, List.of(
                    purpose("commercial", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()),
                    purpose("transactional", "TRANSACTIONAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()),
                    purpose("tracking", "TRACKING", Map.of("EMAIL", "RESTRICTIVE"), List.of()))));
            for (String flag : flags) {
                String contactId = World.unique("c");
                String address = contactId + "@example.com";
                for (String p : List.of("commercial", "transactional", "tracking")) {
                    world.capture(profileId, "EMAIL", address, p, null, "OPTED_IN", Instant.now());
                }
                world.contact(contactId, "CONTACT", Map.of("doNotEmail", false, "doNotBulkEmail", false, "doNotTrack", false), List.of(address));
                JsonNode clear = world.decide(profileId, purpose, null, "EMAIL", address, contactId);
                assertThat(tracking ? clear.get("track").asBoolean() : clear.get("send").asBoolean())
                        .as(type + " with every flag clear").isTrue();

                world.contact(contactId, "CONTACT", Map.of("doNotEmail", flag.equals("doNotEmail"),
                        "doNotBulkEmail", flag.equals("doNotBulkEmail"), "doNotTrack", flag.equals("doNotTrack")), List.of(address));
                JsonNode flagged = world.decide(profileId, purpose, null, "EMAIL", address, contactId);
                boolean permitted = tracking ? flagged.get("track").asBoolean() : flagged.get("send").asBoolean();
                assertThat(permitted).as(type + " with only " + flag + " set").isEqualTo(!required.contains(flag));
            }
        }
    }

    @Given("a {word} {string} with doNotEmail, doNotBulkEmail and doNotTrack {word} and the email {string}")
    public void recipient(String entity, String id, String flags, String address) {
        boolean set = flags.equals("set");
        world.contact(id, entity, set ? Map.of("doNotEmail", true, "doNotBulkEmail", true, "doNotTrack", true) : Map.of(),
                List.of(address));
        // stored as given whatever the entity type, so a CRM sync of leads and profiles is never refused
        JsonNode stored = World.ok(world.api.get(World.BASE + "/contacts/" + id, world.marketing())).get("flags");
        for (String flag : List.of("doNotEmail", "doNotBulkEmail", "doNotTrack")) {
            assertThat(stored.get(flag).asBoolean()).as(entity + " " + id + " " + flag).isEqualTo(set);
        }
        contactEmails.put(id, address);
    }

    @Given("every record of {string} is opted in")
    public void everyRecordOptedIn(String address) {
        if (!world.hasProfile()) {
            world.profile(World.unique("recipients"));
            World.ok(world.createProfile(world.profile(), List.of(
                    purpose("commercial", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()),
                    purpose("transactional", "TRANSACTIONAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()),
                    purpose("tracking", "TRACKING", Map.of("EMAIL", "RESTRICTIVE"), List.of()))));
        }
        for (String p : List.of("commercial", "transactional", "tracking")) {
            world.capture(world.profile(), "EMAIL", address, p, null, "OPTED_IN", Instant.now().minus(1, ChronoUnit.HOURS));
        }
    }

    @Then("a commercial email to {string} is {word} and {word}")
    public void commercialEmailTo(String contactId, String message, String tracking) {
        commercialEmail(contactId, message, tracking);
    }

    @Then("a commercial email to {string} is {word} and not tracked")
    public void commercialEmailNotTracked(String contactId, String message) {
        commercialEmail(contactId, message, "not tracked");
    }

    private void commercialEmail(String contactId, String message, String tracking) {
        JsonNode decision = world.decide(world.profile(), "commercial", null, "EMAIL", contactEmails.get(contactId), contactId);
        assertThat(decision.get("send").asBoolean()).as("message").isEqualTo(message.equals("sent"));
        assertThat(decision.get("track").asBoolean()).as("tracking").isEqualTo(tracking.equals("tracked"));
    }
}
