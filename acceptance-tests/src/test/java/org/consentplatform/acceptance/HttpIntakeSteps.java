package org.consentplatform.acceptance;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.World;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps for the HTTP intake, written as a provider would: the HMAC is computed here with the
 * JDK, from the documented recipe, not with the platform's own code.
 */
public class HttpIntakeSteps {

    private final World world;
    private final String address = World.unique("intake") + "@example.com";
    private final String sender = "+33613" + (100_000 + (int) (Math.random() * 899_999));
    private final String number = Long.toString(10_000_000L + (long) (Math.random() * 89_999_999L));
    private String secret;
    private String replaced;
    private Request sent;
    private HttpApi.Response answer;
    private HttpApi.Response second;
    private Instant sentAt;

    /** A request as sent: where, its headers, its exact body. */
    private record Request(String path, Map<String, String> headers, byte[] body) {
    }

    public HttpIntakeSteps(World world) {
        this.world = world;
    }

    @Given("a profile with a commercial purpose {string} on email and SMS, and an SMS number in {string}")
    public void profile(String purpose, String language) {
        world.profile(World.unique("intake"));
        var profile = new LinkedHashMap<String, Object>();
        profile.put("id", world.profile());
        profile.put("name", "Retail " + world.profile());
        profile.put("purposes", List.of(World.purpose(purpose, "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE", "SMS", "RESTRICTIVE"), List.of())));
        profile.put("sms", Map.of("numbers", List.of(Map.of("number", number, "language", language))));
        World.ok(world.api.post(World.BASE + "/profiles", world.admin(), profile));
    }

    @Given("the address is opted in to {string} on email")
    public void optedIn(String purpose) {
        world.capture(world.profile(), "EMAIL", address, purpose, null, "OPTED_IN", Instant.now().minusSeconds(60));
    }

    @Given("the sender is opted in to {string} by SMS")
    public void senderOptedIn(String purpose) {
        world.capture(world.profile(), "SMS", sender, purpose, null, "OPTED_IN", Instant.now().minusSeconds(60));
    }

    @Given("an administrator made the tenant's intake secret")
    public void secret() {
        secret = rotate();
    }

    @When("a provider posts an unsubscribe for the address in {word} mode, {}")
    public void unsubscribe(String mode, String signed) {
        Map<String, Object> event = event("unsubscribe", Map.of("tenant", World.TENANT, "channel", "EMAIL", "address", address,
                "profileId", world.profile()));
        Request request = mode.equals("binary") ? binary(event) : structured(event);
        String path = World.TENANT;
        Instant at = Instant.now();
        String key = secret;
        switch (signed) {
            case "signed now with the tenant's secret" -> {
            }
            case "signed 4 minutes ago with the tenant's secret" -> at = at.minus(Duration.ofMinutes(4));
            case "signed 6 minutes ago with the tenant's secret" -> at = at.minus(Duration.ofMinutes(6));
            case "signed 6 minutes ahead with the tenant's secret" -> at = at.plus(Duration.ofMinutes(6));
            case "signed with the secret the last rotation replaced" -> {
                replaced = secret;
                secret = rotate();
                key = replaced;
            }
            case "signed with another secret" -> key = "cpis_" + UUID.randomUUID();
            case "signed now, the body altered after signing", "without a signature", "signed with the secret but sent for another tenant" -> {
            }
            default -> throw new IllegalArgumentException(signed);
        }
        var headers = new LinkedHashMap<>(request.headers());
        if (!signed.equals("without a signature")) {
            headers.put("Consent-Signature", signature(key, at, request.body()));
        }
        byte[] body = request.body();
        if (signed.equals("signed now, the body altered after signing")) {
            body = new String(body, StandardCharsets.UTF_8).replace("\"EMAIL\"", "\"SMS\"").getBytes(StandardCharsets.UTF_8);
        }
        if (signed.equals("signed with the secret but sent for another tenant")) {
            path = "globex";
        }
        sent = new Request(path, headers, body);
        answer = post(sent);
    }

    @When("a provider posts an unsubscribe for the address without a time, signed now with the tenant's secret")
    public void unsubscribeWithoutTime() {
        var event = new LinkedHashMap<>(event("unsubscribe", Map.of("tenant", World.TENANT, "channel", "EMAIL", "address", address,
                "profileId", world.profile())));
        event.remove("time");
        Request request = structured(event);
        sentAt = Instant.now();
        answer = post(new Request(World.TENANT, Map.of("Content-Type", "application/cloudevents+json",
                "Consent-Signature", signature(secret, sentAt, request.body())), request.body()));
    }

    @Then("{string} is {word} for the address, captured when the event arrived")
    public void stateAtArrival(String purpose, String state) {
        JsonNode record = world.record("EMAIL", address, purpose);
        assertThat(record.path("state").asString()).isEqualTo(state);
        Instant capturedAt = Instant.parse(record.path("capturedAt").asString());
        assertThat(capturedAt).isBetween(sentAt.minusSeconds(1), Instant.now());
    }

    @When("the provider posts the very same request again")
    public void again() {
        second = post(sent);
    }

    @When("a provider sends {}, signed now with the tenant's secret")
    public void poison(String what) {
        Map<String, Object> unsubscribe = Map.of("tenant", World.TENANT, "channel", "EMAIL", "address", address, "profileId", world.profile());
        String body = switch (what) {
            case "a body that is not JSON" -> "unsubscribe " + address;
            case "an event of an unknown type" -> HttpApi.json(event("resubscribe", unsubscribe));
            case "an event without an id" -> {
                var event = new LinkedHashMap<>(event("unsubscribe", unsubscribe));
                event.remove("id");
                yield HttpApi.json(event);
            }
            case "an event naming another tenant in its data" -> HttpApi.json(event("unsubscribe",
                    Map.of("tenant", "globex", "channel", "EMAIL", "address", address)));
            case "a batch of events" -> HttpApi.json(List.of(event("unsubscribe", unsubscribe)));
            case "an event without its address" -> HttpApi.json(event("unsubscribe", Map.of("tenant", World.TENANT, "channel", "EMAIL")));
            case "an unsubscribe from a purpose the profile lacks" -> HttpApi.json(event("unsubscribe", Map.of("tenant", World.TENANT,
                    "channel", "EMAIL", "address", address, "profileId", world.profile(), "purposeId", "absent")));
            case "a body of 3 MB" -> HttpApi.json(event("unsubscribe", Map.of("tenant", World.TENANT, "channel", "EMAIL",
                    "address", address, "padding", "x".repeat(3 * 1024 * 1024))));
            case "a text to a number bound to no profile" -> HttpApi.json(event("sms_received", Map.of("tenant", World.TENANT,
                    "from", sender, "to", "99999999", "text", "STOP")));
            default -> throw new IllegalArgumentException(what);
        };
        String type = what.equals("a batch of events") ? "application/cloudevents-batch+json" : "application/cloudevents+json";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        answer = post(new Request(World.TENANT, Map.of("Content-Type", type, "Consent-Signature", signature(secret, Instant.now(), bytes)),
                bytes));
    }

    @When("a provider posts the sender's text {string} to the en number, signed now with the tenant's secret")
    public void text(String text) {
        Request request = structured(event("sms_received", Map.of("tenant", World.TENANT, "from", sender, "to", number, "text", text)));
        var headers = new LinkedHashMap<>(request.headers());
        headers.put("Consent-Signature", signature(secret, Instant.now(), request.body()));
        answer = post(new Request(World.TENANT, headers, request.body()));
    }

    @Then("the intake answers {int} {word}")
    public void answers(int status, String problem) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (!problem.equals("-")) {
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:consentplatform:problem:" + problem);
        }
        if (status == 401) {
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Consent-Signature");
        }
    }

    @Then("{string} is {word} for the address")
    public void state(String purpose, String state) {
        assertThat(world.record("EMAIL", address, purpose).path("state").asString()).isEqualTo(state);
    }

    @Then("{string} is {word} for the sender by SMS")
    public void senderState(String purpose, String state) {
        assertThat(world.record("SMS", sender, purpose).path("state").asString()).isEqualTo(state);
    }

    @Then("the second answer is 200 and says it was a duplicate")
    public void duplicate() {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("duplicate").asBoolean()).isFalse();
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("duplicate").asBoolean()).isTrue();
        assertThat(second.json().get("changes").asInt()).isZero();
    }

    @Then("the address's {string} record has {int} changes in its history")
    public void history(String purpose, int count) {
        assertThat(world.history("EMAIL", address, purpose)).hasSize(count);
    }

    @Then("the answer says the text was the keyword {word} with {int} change")
    public void keyword(String keyword, int changes) {
        assertThat(answer.json().get("kind").asString()).isEqualTo("SMS_RECEIVED");
        assertThat(answer.json().get("keyword").asString()).isEqualTo(keyword);
        assertThat(answer.json().get("changes").asInt()).isEqualTo(changes);
    }

    private String rotate() {
        JsonNode made = World.ok(world.api.post(World.BASE + "/keys/intake-secret", world.admin(), Map.of()));
        assertThat(made.get("secret").asString()).startsWith("cpis_");
        return made.get("secret").asString();
    }

    private static Map<String, Object> event(String kind, Map<String, Object> data) {
        var event = new LinkedHashMap<String, Object>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/providers/test-http");
        event.put("type", "org.consentplatform.inbound." + kind + ".v1");
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return event;
    }

    private static Request structured(Map<String, Object> event) {
        return new Request(World.TENANT, Map.of("Content-Type", "application/cloudevents+json"),
                HttpApi.json(event).getBytes(StandardCharsets.UTF_8));
    }

    /** The binary mode: the attributes as ce- headers, the data alone as the body. */
    private static Request binary(Map<String, Object> event) {
        return new Request(World.TENANT, Map.of("Content-Type", "application/json", "ce-specversion", "1.0",
                "ce-id", (String) event.get("id"), "ce-source", (String) event.get("source"), "ce-type", (String) event.get("type"),
                "ce-time", (String) event.get("time")), HttpApi.json(event.get("data")).getBytes(StandardCharsets.UTF_8));
    }

    private HttpApi.Response post(Request request) {
        var headers = new LinkedHashMap<>(request.headers());
        String type = headers.remove("Content-Type");
        return world.api.callWithBytes("POST", "/inbound/v1/tenants/" + request.path() + "/events", null, type, request.body(), headers);
    }

    /** t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, as the operation's documentation says. */
    private static String signature(String key, Instant at, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((at.getEpochSecond() + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
