package org.consentplatform.acceptance.support;

import io.cucumber.spring.ScenarioScope;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent platform as the scenarios talk about it, each operation a real HTTP call with a
 * real token. One per scenario (cucumber-spring's scenario scope), shared by every step class:
 * what a step sets up, such as the scenario's profile, the next step finds here.
 */
@Component
@ScenarioScope(proxyMode = ScopedProxyMode.NO) // injected into step classes, which are scenario-scoped themselves
public final class World {

    public static final String TENANT = "acme";
    public static final String BASE = "/api/v1/tenants/" + TENANT;

    public final HttpApi api;
    private String profile;

    public World(@Value("${local.server.port}") int port) {
        this.api = new HttpApi(port);
    }

    /** The profile the scenario set up. */
    public String profile() {
        assertThat(profile).as("a step of this scenario sets up a profile first").isNotNull();
        return profile;
    }

    public boolean hasProfile() {
        return profile != null;
    }

    /** The scenario's profile from now on. */
    public void profile(String id) {
        this.profile = id;
    }

    public String admin() {
        return api.token("demo-admin");
    }

    public String marketing() {
        return api.token("demo-marketing");
    }

    public String auditor() {
        return api.token("demo-auditor");
    }

    /** The token of a client by what a table calls it: admin, marketer or auditor. */
    public String tokenOf(String who) {
        return switch (who) {
            case "auditor" -> auditor();
            case "marketer" -> marketing();
            case "admin" -> admin();
            default -> throw new IllegalArgumentException("no client is called " + who);
        };
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public void tenantSettings(String tenant, boolean checkContactLevelConsent, List<Map<String, Object>> customChannels) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("checkContactLevelConsent", checkContactLevelConsent);
        settings.put("lowercaseWholeEmail", true);
        settings.put("customChannels", customChannels);
        ok(api.put("/api/v1/tenants/" + tenant + "/settings", admin(), settings));
    }

    /**
     * Sets acme's Global Privacy Control switch, keeping its other settings.
     *
     * @return whether it was set otherwise before
     */
    public boolean honourGlobalPrivacyControl(boolean honour) {
        var settings = (tools.jackson.databind.node.ObjectNode) ok(api.get(BASE + "/settings", admin()));
        if (settings.path("honourGlobalPrivacyControl").asBoolean(true) == honour) {
            return false;
        }
        settings.put("honourGlobalPrivacyControl", honour);
        ok(api.put(BASE + "/settings", admin(), settings));
        return true;
    }

    /** A purpose for a profile definition; models map channel to model. */
    public static Map<String, Object> purpose(String id, String type, Map<String, String> models, List<String> topics) {
        var purpose = new LinkedHashMap<String, Object>();
        purpose.put("id", id);
        purpose.put("type", type);
        purpose.put("models", models);
        purpose.put("topics", topics.stream().map(t -> Map.of("id", t, "name", t)).toList());
        return purpose;
    }

    public HttpApi.Response createProfile(String id, List<Map<String, Object>> purposes) {
        var profile = new LinkedHashMap<String, Object>();
        profile.put("id", id);
        profile.put("name", "Profile " + id);
        profile.put("companyAddress", "1 rue de la Paix, 75002 Paris");
        if (purposes != null) {
            profile.put("purposes", purposes);
        }
        return api.post(BASE + "/profiles", admin(), profile);
    }

    public JsonNode capture(String profile, String channel, String address, String purpose, String topic, String state,
                            Instant capturedAt) {
        return ok(api.post(BASE + "/consents", marketing(), capture(profile, channel, address, purpose, topic, state, capturedAt, null)));
    }

    public static Map<String, Object> capture(String profile, String channel, String address, String purpose, String topic,
                                              String state, Instant capturedAt, String wordingVersion) {
        var capture = new LinkedHashMap<String, Object>();
        capture.put("profileId", profile);
        capture.put("channel", channel);
        capture.put("address", address);
        capture.put("purposeId", purpose);
        if (topic != null) {
            capture.put("topicId", topic);
        }
        capture.put("state", state);
        capture.put("capturedAt", capturedAt.toString());
        if (wordingVersion != null) {
            capture.put("evidence", Map.of("wordingVersion", wordingVersion));
        }
        return capture;
    }

    public static Map<String, Object> decision(String profile, String purpose, String topic, String channel, String address,
                                               String contactId) {
        var query = new LinkedHashMap<String, Object>();
        query.put("profileId", profile);
        query.put("purposeId", purpose);
        query.put("topicId", topic);
        query.put("channel", channel);
        query.put("address", address);
        query.put("contactId", contactId);
        return query;
    }

    public JsonNode decide(String profile, String purpose, String topic, String channel, String address, String contactId) {
        return ok(api.post(BASE + "/decisions", marketing(), decision(profile, purpose, topic, channel, address, contactId)));
    }

    /** The history entries of a purpose's record (not a topic's) for a contact point in the scenario's profile, as an auditor reads them. */
    public JsonNode history(String channel, String address, String purpose) {
        return ok(api.post(BASE + "/history/record", auditor(), Map.of("profileId", profile(), "channel", channel, "address", address,
                "purposeId", purpose))).get("items");
    }

    /** The current record of a purpose (not of a topic) for a contact point in the scenario's profile, as the API looks it up. */
    public JsonNode record(String channel, String address, String purpose) {
        JsonNode records = ok(api.post(BASE + "/consents/lookup", marketing(),
                Map.of("channel", channel, "address", address, "profileId", profile())));
        for (JsonNode record : records.path("items")) {
            if (record.path("purposeId").asString().equals(purpose) && !record.hasNonNull("topicId")) {
                return record;
            }
        }
        throw new AssertionError("no " + purpose + " record in " + records);
    }

    public void contact(String id, String entityType, Map<String, Boolean> flags, List<String> emails) {
        var contact = new LinkedHashMap<String, Object>();
        contact.put("entityType", entityType);
        contact.put("flags", flags);
        var points = new ArrayList<Map<String, String>>();
        emails.forEach(email -> points.add(Map.of("channel", "EMAIL", "address", email)));
        contact.put("contactPoints", points);
        ok(api.put(BASE + "/contacts/" + id, marketing(), contact));
    }

    /** The links a message to this contact point (and/or contact) carries; nulls are left out of the request. */
    public JsonNode recipientLinks(String profile, String channel, String address, String contactId, String purposeId) {
        var request = new LinkedHashMap<String, Object>();
        request.put("profileId", profile);
        if (address != null) {
            request.put("channel", channel);
            request.put("address", address);
        }
        if (contactId != null) {
            request.put("contactId", contactId);
        }
        if (purposeId != null) {
            request.put("purposeId", purposeId);
        }
        return ok(api.post(BASE + "/recipient-links", marketing(), request));
    }

    /** Uploads a load and waits for it to end: the finished job. */
    public JsonNode load(Map<String, Object> job, String fileName, byte[] file) {
        HttpApi.Response accepted = api.upload(BASE + "/imports", admin(), "job", job, "file", fileName, file);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("id").asString();
        return Awaitility.await("load " + id).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ok(api.get(BASE + "/imports/" + id, admin())),
                        done -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(done.get("state").asString()));
    }

    public static JsonNode ok(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response.json();
    }

    /** Reads a table cell: "absent" means no record. */
    public static String stateCell(String cell) {
        return cell.strip().equals("absent") ? null : cell.strip();
    }
}
