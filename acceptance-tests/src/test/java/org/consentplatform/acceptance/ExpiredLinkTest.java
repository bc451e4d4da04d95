package org.consentplatform.acceptance;

import com.icegreen.greenmail.util.GreenMail;
import org.consentplatform.acceptance.support.HttpApi;
import org.consentplatform.acceptance.support.Mails;
import org.consentplatform.acceptance.support.RunningService;
import org.consentplatform.acceptance.support.World;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link past its lifetime, over HTTP, with the service's clock moved forward: it confirms
 * nothing, says it expired, and offers a new link that works (§5); new links are rate-limited.
 */
@RunningService
@Import(ExpiredLinkTest.ClockControl.class)
class ExpiredLinkTest {

    @LocalServerPort
    private int port;
    @Autowired
    private GreenMail smtp;
    @Autowired
    private MovableClock clock;

    @TestConfiguration
    static class ClockControl {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Test
    void anExpiredLinkConfirmsNothingAndTheNewLinkItOffersDoes() {
        var world = new World(port);
        String profile = profile(world);
        String address = World.unique("late") + "@example.com";
        world.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_IN", clock.instant().minusSeconds(60));
        Matcher first = Mails.CONFIRMATION_LINK.matcher(Mails.text(Mails.newestTo(smtp, address, text -> text.contains("/confirm/"))));
        assertThat(first.find()).isTrue();

        clock.move(Duration.ofHours(72).plusMinutes(1));

        HttpApi.Response expired = world.api.call("POST", first.group(1), null, null, null, Map.of());
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("id=\"expired\"").contains("action=\"" + first.group(1) + "/renewal\"");
        assertThat(decide(world, profile, address)).as("still pending, still blocked").isFalse();

        HttpApi.Response renewed = world.api.call("POST", first.group(1) + "/renewal", null, null, null, Map.of());
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.body()).contains("id=\"renewal-sent\"");
        Matcher second = Mails.CONFIRMATION_LINK.matcher(Mails.text(Mails.newestTo(smtp, address,
                text -> text.contains("/confirm/") && !text.contains(first.group(2)))));
        assertThat(second.find()).isTrue();

        HttpApi.Response confirmed = world.api.call("POST", second.group(1), null, null, null, Map.of());
        assertThat(confirmed.body()).contains("id=\"confirmed\"");
        assertThat(decide(world, profile, address)).isTrue();
        assertThat(world.api.call("POST", first.group(1) + "/renewal", null, null, null, Map.of()).body())
                .as("nothing waits any more: no new link").contains("id=\"already-confirmed\"");
    }

    @Test
    void newLinksCountAgainstTheAddressesMailQuota() {
        var world = new World(port);
        String profile = profile(world);
        String address = World.unique("impatient") + "@example.com";
        world.capture(profile, "EMAIL", address, "newsletter", null, "OPTED_IN", clock.instant().minusSeconds(60));
        Matcher link = Mails.CONFIRMATION_LINK.matcher(Mails.text(Mails.newestTo(smtp, address, text -> text.contains("/confirm/"))));
        assertThat(link.find()).isTrue();

        for (int i = 0; i < 2; i++) { // the first mail and two new ones: three an hour by default
            assertThat(world.api.call("POST", link.group(1) + "/renewal", null, null, null, Map.of()).status()).isEqualTo(200);
        }
        HttpApi.Response refused = world.api.call("POST", link.group(1) + "/renewal", null, null, null, Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.body()).contains("id=\"too-many-attempts\"");
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(
                () -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> Mails.recipient(m).equals(address)).count(),
                count -> count == 3);
    }

    private static String profile(World world) {
        String profile = World.unique("expiry");
        var newsletter = new LinkedHashMap<>(World.purpose("newsletter", "COMMERCIAL", Map.of("EMAIL", "NON_RESTRICTIVE"), List.of()));
        newsletter.put("doubleOptIn", true);
        World.ok(world.createProfile(profile, List.of(newsletter)));
        return profile;
    }

    private static boolean decide(World world, String profile, String address) {
        return world.decide(profile, "newsletter", null, "EMAIL", address, null).get("send").asBoolean();
    }

    /** The service's clock, moved by the test; it starts at the real time. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void move(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
