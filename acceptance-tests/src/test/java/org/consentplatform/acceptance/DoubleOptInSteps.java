package org.consentplatform.acceptance;

import com.icegreen.greenmail.util.GreenMail;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import jakarta.mail.internet.MimeMessage;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.Mails;
import org.consentplatform.acceptance.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps for double opt-in, reading the mails the in-process SMTP server received. */
public class DoubleOptInSteps {

    @Autowired
    private GreenMail smtp;
    private String linkPath;
    private HttpApi.Response page;

    private final World world;

    public DoubleOptInSteps(World world) {
        this.world = world;
    }

    @Given("a profile whose purpose {string} requires double opt-in, {word} on EMAIL")
    public void profileRequiringDoubleOptIn(String purpose, String model) {
        world.profile(World.unique("doi"));
        var definition = new LinkedHashMap<>(World.purpose(purpose, "COMMERCIAL", Map.of("EMAIL", model), List.of()));
        definition.put("doubleOptIn", true);
        World.ok(world.createProfile(world.profile(), List.of(definition)));
    }

    @When("{string} opts in to {string} on a form")
    public void optsInOnAForm(String address, String purpose) {
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.now().minusSeconds(60));
    }

    @When("{string} opts out of {string} before confirming")
    public void optsOut(String address, String purpose) {
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_OUT", Instant.now().minusSeconds(30));
    }

    @Then("the record of {string} is PENDING_CONFIRMATION")
    public void pending(String address) {
        assertThat(record(address).get("state").asString()).isEqualTo("PENDING_CONFIRMATION");
    }

    @Then("the record of {string} is OPTED_IN from DOUBLE_OPT_IN")
    public void confirmedRecord(String address) {
        JsonNode record = record(address);
        assertThat(record.get("state").asString()).isEqualTo("OPTED_IN");
        assertThat(record.get("source").asString()).isEqualTo("DOUBLE_OPT_IN");
    }

    @Then("a message for {string} to {string} is blocked")
    public void blocked(String purpose, String address) {
        assertThat(world.decide(world.profile(), purpose, null, "EMAIL", address, null).get("send").asBoolean()).isFalse();
    }

    @Then("a message for {string} to {string} is sent")
    public void sent(String purpose, String address) {
        assertThat(world.decide(world.profile(), purpose, null, "EMAIL", address, null).get("send").asBoolean()).isTrue();
    }

    @Then("a confirmation mail reached {string}")
    public void mailReached(String address) {
        assertThat(linkIn(mailTo(address))).isNotNull();
    }

    @When("the link in the mail to {string} is opened {int} times without pressing anything")
    public void opened(String address, int times) {
        linkPath = linkIn(mailTo(address));
        for (int i = 0; i < times; i++) {
            page = world.api.call("GET", linkPath, null, null, null, Map.of());
        }
    }

    /** The page's form POSTs to the link itself (a stale tab pressed again does the same). */
    @When("the person presses the confirm button on the page")
    public void pressConfirm() {
        page = world.api.call("POST", linkPath, null, null, null, Map.of("User-Agent", "Cucumber"));
    }

    @When("a link that leads nowhere is opened")
    public void unknownLink() {
        page = world.api.call("GET", "/confirm/" + World.unique("nowhere").replaceAll("[^A-Za-z0-9]", "x")
                .concat("x".repeat(43)).substring(0, 43), null, null, null, Map.of());
    }

    /** The unknown page's form, as a browser submits it. */
    @When("the person asks that page for a new link for {string}")
    public void askForNewLink(String address) {
        assertThat(page.body()).contains("action=\"/confirm/renewal\"");
        linkPath = linkIn(mailTo(address));
        page = world.api.call("POST", "/confirm/renewal", null, "application/x-www-form-urlencoded",
                "address=" + URLEncoder.encode(address, StandardCharsets.UTF_8), Map.of());
    }

    @When("the person presses the confirm button in the new mail to {string}")
    public void confirmFromNewMail(String address) {
        String previous = linkPath;
        linkPath = linkIn(Mails.newestTo(smtp, address, text -> text.contains("Profile " + world.profile()) && !text.contains(previous)));
        pressConfirm();
    }

    @Then("the page says {string}")
    public void pageSays(String section) {
        assertThat(page.body()).contains("id=\"" + section + "\"");
    }

    private JsonNode record(String address) {
        return World.ok(world.api.post(World.BASE + "/consents/lookup", world.marketing(),
                Map.of("channel", "EMAIL", "address", address, "profileId", world.profile()))).get("items").get(0);
    }

    /** The newest confirmation mail to the address for this scenario's world.profile() (addresses recur across a run). */
    private MimeMessage mailTo(String address) {
        return Mails.newestTo(smtp, address, text -> text.contains("/confirm/") && text.contains("Profile " + world.profile()));
    }

    private static String linkIn(MimeMessage message) {
        Matcher link = Mails.CONFIRMATION_LINK.matcher(Mails.text(message));
        return link.find() ? link.group(1) : null;
    }
}
