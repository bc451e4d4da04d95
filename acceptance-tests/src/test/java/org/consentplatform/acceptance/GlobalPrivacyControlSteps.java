package org.consentplatform.acceptance;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.RecipientPages;
import org.consentplatform.acceptance.support.World;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for Global Privacy Control on the preference page (§14). */
public class GlobalPrivacyControlSteps {

    private final World world;
    private String address;
    private RecipientPages browser;
    private RecipientPages.Page page;
    private boolean settingChanged;

    public GlobalPrivacyControlSteps(World world) {
        this.world = world;
    }

    @Given("a profile with a commercial purpose {string} and a purpose {string} shared with {string}")
    public void profileWithPartner(String commercial, String shared, String partner) {
        world.profile(World.unique("gpc"));
        var partnerPurpose = new LinkedHashMap<>(World.purpose(shared, "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()));
        partnerPurpose.put("partner", partner);
        World.ok(world.createProfile(world.profile(), List.of(
                World.purpose(commercial, "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of()), partnerPurpose)));
    }

    @Given("the address is opted in to {string} and {string}")
    public void optedIn(String first, String second) {
        address = World.unique("gpc") + "@example.com";
        for (String purpose : List.of(first, second)) {
            world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.now().minusSeconds(60));
        }
    }

    @Given("^the tenant (honours|does not honour) Global Privacy Control$")
    public void tenantSetting(String setting) {
        honour(setting.equals("honours"));
    }

    /** The tenant is shared by every scenario: it honours the signal again after one that turned it off. */
    @After
    public void restoreTenantSetting() {
        if (settingChanged) {
            honour(true);
            settingChanged = false;
        }
    }

    private void honour(boolean honour) {
        if (world.honourGlobalPrivacyControl(honour)) {
            settingChanged = !honour;
        }
    }

    @When("^the person opens the preference link (with Sec-GPC: 1|with Sec-GPC: 0|without the signal)$")
    public void opens(String signal) {
        open("en", switch (signal) {
            case "with Sec-GPC: 1" -> Map.of("Sec-GPC", "1");
            case "with Sec-GPC: 0" -> Map.of("Sec-GPC", "0");
            default -> Map.of();
        });
    }

    @When("^the person ticks \"([^\"]+)\" and submits the page (with Sec-GPC: 1|without the signal)$")
    public void submits(String purpose, String signal) {
        assertThat(page.ticked(purpose)).as("the box before it is ticked").isFalse();
        page = browser.submit(page, RecipientPages.boxes(page, Map.of(purpose, true)),
                signal.equals("with Sec-GPC: 1") ? Map.of("Sec-GPC", "1") : Map.of());
        assertThat(page.status()).as(page.html().text()).isEqualTo(200);
    }

    @When("the person opens the preference link in {string} with Sec-GPC: 1")
    public void opensIn(String language) {
        open(language, Map.of("Sec-GPC", "1"));
    }

    private void open(String language, Map<String, String> headers) {
        String link = world.recipientLinks(world.profile(), "EMAIL", address, null, null).get("preferenceCenterUrl").asString();
        browser = new RecipientPages(language);
        page = browser.open(link, headers);
        assertThat(page.status()).as(page.html().text()).isEqualTo(200);
    }

    @When("^a web form captures an opt-in to \"([^\"]+)\" for the address (with Sec-GPC: 1|without the signal)$")
    public void formCapture(String purpose, String signal) {
        var capture = new LinkedHashMap<>(World.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.now(), null));
        capture.put("source", "FORM");
        World.ok(world.api.call("POST", World.BASE + "/consents", world.marketing(), "application/json", HttpApi.json(capture),
                signal.equals("with Sec-GPC: 1") ? Map.of("Sec-GPC", "1") : Map.of()));
    }

    @Then("{string} is {word} and {string} is {word}")
    public void states(String first, String firstState, String second, String secondState) {
        assertThat(record(first).path("state").asString()).as(first).isEqualTo(firstState);
        assertThat(record(second).path("state").asString()).as(second).isEqualTo(secondState);
    }

    @Then("^the page (says|does not say) that the signal was honoured$")
    public void pageSays(String says) {
        assertThat(page.html().getElementById("global-privacy-control") != null).isEqualTo(says.equals("says"));
    }

    @Then("the notice on the page says {string}")
    public void pageSaysText(String text) {
        assertThat(page.html().getElementById("global-privacy-control")).as("the notice").isNotNull();
        assertThat(page.html().getElementById("global-privacy-control").text()).contains(text);
    }

    @Then("the {string} record is {word} from {word} with the reason {string}")
    public void recordFrom(String purpose, String state, String source, String reason) {
        JsonNode record = record(purpose);
        assertThat(record.path("state").asString()).isEqualTo(state);
        assertThat(record.path("source").asString()).isEqualTo(source);
        assertThat(record.at("/evidence/reason").asString()).isEqualTo(reason);
        assertThat(record.at("/evidence/userAgent").asString()).as("the browser, as evidence").isNotBlank();
    }

    @Then("the {string} record has {int} changes in its history")
    public void changes(String purpose, int count) {
        assertThat(world.history("EMAIL", address, purpose)).hasSize(count);
    }

    @Then("an email for {string} to the address is blocked")
    public void blocked(String purpose) {
        assertThat(world.decide(world.profile(), purpose, null, "EMAIL", address, null).get("send").asBoolean()).isFalse();
    }

    @Then("^the page's \"([^\"]+)\" box is (ticked|unticked)$")
    public void box(String purpose, String state) {
        assertThat(page.ticked(purpose)).as(purpose).isEqualTo(state.equals("ticked"));
    }

    private JsonNode record(String purpose) {
        return world.record("EMAIL", address, purpose);
    }
}
