package org.consentplatform.adapter.in.rest.shared;

import com.nimbusds.jose.jwk.OctetSequenceKey;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.ContactPoint;
import org.consentplatform.domain.preference.RecipientLink;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientLinkSealTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final RecipientLink LINK = new RecipientLink(RecipientLink.Use.UNSUBSCRIBE, new TenantId("acme"), new TechnicalId("retail"),
            new ContactPoint(Channel.EMAIL, "ann@example.com"), new TechnicalId("c-1"), new TechnicalId("news"), null);

    private final OctetSequenceKey old = RecipientLinkSeal.newKey();
    private final OctetSequenceKey current = RecipientLinkSeal.newKey();

    private static RecipientLinkSeal seal(Instant now, OctetSequenceKey... keys) {
        return new RecipientLinkSeal(List.of(keys), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSealedLinkOpensAsItWasAndHidesTheAddress() {
        String token = seal(NOW, current).seal(LINK, NOW.plus(Duration.ofDays(90)));

        assertThat(token).doesNotContain("ann").doesNotContain("example");
        assertThat(seal(NOW, current).open(token, RecipientLink.Use.UNSUBSCRIBE))
                .isEqualTo(new RecipientLinkSeal.Opened.Valid(LINK, NOW.plus(Duration.ofDays(90))));
    }

    @Test
    void aNewKeyPutFirstSealsNewLinksWhileTheOldKeyStillOpensItsOwn() {
        String before = seal(NOW, old).seal(LINK, NOW.plus(Duration.ofDays(1)));
        RecipientLinkSeal rotated = seal(NOW, current, old);
        String after = rotated.seal(LINK, NOW.plus(Duration.ofDays(1)));

        assertThat(rotated.open(before, RecipientLink.Use.UNSUBSCRIBE)).isInstanceOf(RecipientLinkSeal.Opened.Valid.class);
        assertThat(seal(NOW, old).open(after, RecipientLink.Use.UNSUBSCRIBE)).as("sealed with the new key").isInstanceOf(RecipientLinkSeal.Opened.Invalid.class);
        assertThat(seal(NOW, current).open(before, RecipientLink.Use.UNSUBSCRIBE)).as("old key dropped").isInstanceOf(RecipientLinkSeal.Opened.Invalid.class);
    }

    @Test
    void aLinkOpensOnlyForItsUseAndOnlyInDate() {
        String token = seal(NOW, current).seal(LINK, NOW.plus(Duration.ofHours(1)));

        assertThat(seal(NOW, current).open(token, RecipientLink.Use.PREFERENCES)).isInstanceOf(RecipientLinkSeal.Opened.Invalid.class);
        assertThat(seal(NOW.plus(Duration.ofHours(1)), current).open(token, RecipientLink.Use.UNSUBSCRIBE))
                .isEqualTo(new RecipientLinkSeal.Opened.Expired(RecipientLink.Use.UNSUBSCRIBE));
    }

    @Test
    void everyChangedCharacterIsRefused() {
        RecipientLinkSeal seal = seal(NOW, current);
        String token = seal.seal(LINK, NOW.plus(Duration.ofDays(1)));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                continue;
            }
            for (char replacement : new char[]{alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % 64),
                    alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 63) % 64)}) {
                String changed = token.substring(0, i) + replacement + token.substring(i + 1);
                assertThat(seal.open(changed, RecipientLink.Use.UNSUBSCRIBE)).as("character %d", i)
                        .isInstanceOf(RecipientLinkSeal.Opened.Invalid.class);
            }
        }
        assertThat(seal.open(token.substring(0, token.length() - 1), RecipientLink.Use.UNSUBSCRIBE)).isInstanceOf(RecipientLinkSeal.Opened.Invalid.class);
        assertThat(seal.open("garbage", RecipientLink.Use.UNSUBSCRIBE)).isInstanceOf(RecipientLinkSeal.Opened.Invalid.class);
    }
}
