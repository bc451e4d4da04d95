package org.consentplatform.acceptance.console;

import org.consentplatform.acceptance.support.ConsoleSession;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console page given what no form of it sends: each is refused with the status an API
 * caller would get and a page that says so (never a 500), and nothing is recorded.
 */
@RunningService
class ConsoleBadInputTest {

    @LocalServerPort
    private int port;
    private World world;
    private final ConsoleSession session = new ConsoleSession();
    private String profile;
    private String address;

    @BeforeEach
    void signedInAsTheAdmin() throws Exception {
        world = new World(port);
        profile = World.unique("bad");
        World.ok(world.createProfile(profile, List.of(World.purpose("news", "COMMERCIAL", Map.of("EMAIL", "RESTRICTIVE"), List.of("offers")))));
        address = World.unique("eve") + "@example.com";
        world.capture(profile, "EMAIL", address, "news", null, "OPTED_OUT", Instant.now().minusSeconds(60));
        session.signIn(base(), "demo-admin");
    }

    @ParameterizedTest(name = "GET {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "/console/t/acme/people?kind=bogus&find=x                               | 400",
            "/console/t/acme/people?kind=contact&find=not%20an%20id                 | 400",
            "/console/t/acme/people?kind=contact&find=nobody-at-all                 | 404",
            "/console/t/acme/people?kind=email&find=not-an-address                  | 400",
            "/console/t/acme/people?kind=phone&find=12                              | 400",
            "/console/t/acme/people?kind=email&find=a@example.com&profile=no%20such | 400",
            "/console/t/acme/people?kind=email&find=a@example.com&profile=no-such   | 404",
            "/console/t/acme/history/record?profile=x&channel=EMAIL&address=a@example.com | 400",
            "/console/t/acme/history/record?profile=PROFILE&channel=EMAIL&address=ADDRESS&purpose=news&asOf=yesterday | 400",
            "/console/t/acme/history/record?profile=PROFILE&channel=e%20mail&address=ADDRESS&purpose=news | 400",
            "/console/t/acme/history/record?profile=PROFILE&channel=EMAIL&address=ADDRESS&purpose=no%20such | 400",
            "/console/t/acme/audit?from=yesterday                                   | 400",
            "/console/t/acme/audit?from=2026-12-02T10:00&to=2026-12-01T10:00        | 400",
            "/console/t/acme/audit?source=NOPE                                      | 400",
            "/console/t/acme/audit/export?outcome=MAYBE                             | 400",
            "/console/t/acme/audit?address=not-an-address                           | 400",
            "/console/switch?tenant=no%20such                                       | 400",
    })
    void aPageGivenWhatNoFormSendsIsRefused(String path, int status) throws Exception {
        HttpResponse<String> page = session.get(base() + path.replace("PROFILE", profile).replace("ADDRESS", address));

        assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).as("a page that says so").startsWith("text/html");
    }

    /** No page by that name: the platform's 404 problem (Boot's error path), as for any unknown path. */
    @org.junit.jupiter.api.Test
    void aPathNoPageHasIsNotFound() throws Exception {
        assertThat(session.get(base() + "/console/t/acme/nothing-here").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "POST a change with {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "state=PENDING_CONFIRMATION&reason=r       | 400",
            "state=OPTED_IN                            | 400",
            "state=OPTED_IN&reason=%20%20              | 400",
            "state=OPTED_IN&reason=r&channel=FAX       | 400",
            "state=OPTED_IN&reason=r&purposeId=nope    | 404",
            "state=OPTED_IN&reason=r&address=nobody@   | 400",
            "reason=r                                  | 400",
    })
    void aChangeGivenWhatTheFormNeverSendsIsRefusedAndRecordsNothing(String fields, int status) throws Exception {
        String csrf = ConsoleSession.csrf(session.get(base() + "/console/t/acme").body());
        var form = new StringBuilder("_csrf=" + csrf + "&profileId=" + profile);
        if (!fields.contains("purposeId=")) {
            form.append("&purposeId=news");
        }
        if (!fields.contains("channel=")) {
            form.append("&channel=EMAIL");
        }
        if (!fields.contains("address=")) {
            form.append("&address=").append(address);
        }
        form.append('&').append(fields);

        HttpResponse<String> answer = session.post(base() + "/console/t/acme/people/records", form.toString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as("a page that says so").startsWith("text/html");
        var query = Map.of("profileId", profile, "channel", "EMAIL", "address", address, "purposeId", "news");
        assertThat(World.ok(world.api.post(World.BASE + "/history/search", world.auditor(), query)).get("items")).hasSize(1);
    }

    @ParameterizedTest(name = "POST settings {0} → {1}")
    @CsvSource(delimiter = '!', value = {
            "ageOfDigitalConsent=twelve                        ! 400",
            "ageOfDigitalConsent=12                            ! 400",
            "defaultPhoneRegion=XX                             ! 400",
            "customChannels=FAX                                ! 400",
            "customChannels=FAX | Fax | CARRIER_PIGEON         ! 400",
            "customChannels=EMAIL | Mail | EMAIL               ! 422",
            "customChannels=F%20X | Fax | TEXT                 ! 400",
    })
    void settingsGivenWhatTheFormNeverSendsAreRefusedAndChangeNothing(String fields, int status) throws Exception {
        String before = World.ok(world.api.get("/api/v1/tenants/acme/settings", world.admin())).toString();
        String csrf = ConsoleSession.csrf(session.get(base() + "/console/t/acme").body());

        HttpResponse<String> answer = session.post(base() + "/console/t/acme/settings", "_csrf=" + csrf + "&" + fields.strip());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(World.ok(world.api.get("/api/v1/tenants/acme/settings", world.admin())).toString()).isEqualTo(before);
    }

    @ParameterizedTest(name = "POST a profile revision with {0} → {1}")
    @CsvSource(delimiter = '!', value = {
            "version=1&p0.id=news&p0.type=COMMERCIAL&p0.model.EMAIL=SOMETIMES      ! 400",
            "version=1&p0.id=news&p0.type=COMMERCIAL&p0.legalBasis=WHIM            ! 400",
            "version=1&p0.id=news&p0.type=COMMERCIAL&p0.lifetime=forever           ! 400",
            "version=1&p0.id=news&p0.type=COMMERCIAL&p0.topics=not%20an%20id       ! 400",
            "version=1&p0.id=news&p0.type=TRANSACTIONAL&p0.model.EMAIL=DISABLED    ! 422",
            "version=7&p0.id=news&p0.type=COMMERCIAL&p0.model.EMAIL=RESTRICTIVE    ! 409",
            "version=x&p0.id=news&p0.type=COMMERCIAL&p0.model.EMAIL=RESTRICTIVE    ! 409",
            "version=1&p0.id=news&p0.type=COMMERCIAL&branding.colour=blue           ! 400",
            "version=1&p0.id=news&p0.type=COMMERCIAL&branding.logoUrl=http://x/a.png ! 400",
            "version=1&p0.id=news&p0.type=COMMERCIAL&doi.linkLifetime=P90D         ! 400",
            "version=1&p0.id=news&p0.type=COMMERCIAL&doi.delivery=PIGEON            ! 400",
            "version=1&p0.id=news&p0.type=COMMERCIAL&doi.redirectUrl=javascript:x   ! 400",
    })
    void aProfileRevisionGivenWhatTheEditorNeverSendsIsRefusedAndChangesNothing(String fields, int status) throws Exception {
        String before = World.ok(world.api.get(World.BASE + "/profiles/" + profile, world.admin())).toString();
        String csrf = ConsoleSession.csrf(session.get(base() + "/console/t/acme").body());

        HttpResponse<String> answer = session.post(base() + "/console/t/acme/profiles/" + profile, "_csrf=" + csrf + "&" + fields.strip());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(World.ok(world.api.get(World.BASE + "/profiles/" + profile, world.admin())).toString()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void aChangeOnAPhoneNumberComesBackToTheSamePerson() throws Exception {
        World.ok(world.createProfile(profile + "-sms", List.of(World.purpose("news", "COMMERCIAL", Map.of("SMS", "RESTRICTIVE"), List.of()))));
        String csrf = ConsoleSession.csrf(session.get(base() + "/console/t/acme").body());

        HttpResponse<String> changed = session.post(base() + "/console/t/acme/people/records", "_csrf=" + csrf + "&profileId=" + profile
                + "-sms&purposeId=news&channel=SMS&address=%2B33612345678&state=OPTED_IN&reason=asked+by+text&kind=phone&find=%2B33+6+12+34+56+78");

        String back = ConsoleSession.location(changed);
        assertThat(back).contains("find=%2B33%206%2012%2034%2056%2078");
        HttpResponse<String> page = session.get(back);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("+33612345678").contains("id=\"changed\"");
    }

    @org.junit.jupiter.api.Test
    void aProfileCreatedInTheConsoleExistsOnceAndADuplicateIsRefused() throws Exception {
        String id = World.unique("made");
        String csrf = ConsoleSession.csrf(session.get(base() + "/console/t/acme").body());

        HttpResponse<String> created = session.post(base() + "/console/t/acme/profiles", "_csrf=" + csrf + "&id=" + id + "&name=Made+here");
        assertThat(ConsoleSession.location(created)).endsWith("/console/t/acme/profiles/" + id);
        assertThat(World.ok(world.api.get(World.BASE + "/profiles/" + id, world.admin())).get("name").asString()).isEqualTo("Made here");

        HttpResponse<String> again = session.post(base() + "/console/t/acme/profiles", "_csrf=" + csrf + "&id=" + id + "&name=Twice");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(session.post(base() + "/console/t/acme/profiles", "_csrf=" + csrf + "&id=not%20an%20id").statusCode()).isEqualTo(400);
        assertThat(World.ok(world.api.get(World.BASE + "/profiles/" + id, world.admin())).get("name").asString()).isEqualTo("Made here");
    }

    @ParameterizedTest(name = "POST a change without {0} is refused")
    @CsvSource({"a CSRF token", "a session"})
    void aChangeWithoutTheSessionsCsrfTokenIsRefused(String without) throws Exception {
        var stranger = without.equals("a session") ? new ConsoleSession() : session;
        HttpResponse<String> answer = stranger.post(base() + "/console/t/acme/people/records", "profileId=" + profile
                + "&purposeId=news&channel=EMAIL&address=" + address + "&state=OPTED_IN&reason=r");

        assertThat(answer.statusCode()).isIn(302, 403);
        var query = Map.of("profileId", profile, "channel", "EMAIL", "address", address, "purposeId", "news");
        assertThat(World.ok(world.api.post(World.BASE + "/history/search", world.auditor(), query)).get("items")).hasSize(1);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
