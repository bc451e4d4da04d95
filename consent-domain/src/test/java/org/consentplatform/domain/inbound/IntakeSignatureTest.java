package org.consentplatform.domain.inbound;

import org.consentplatform.domain.inbound.IntakeSignature.Verdict;
import org.consentplatform.domain.shared.DomainRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final byte[] BODY = "{\"id\":\"evt-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "cpis_current";

    @Test
    void aBodySignedWithASecretInForceWithinTheWindowIsValid() {
        String header = IntakeSignature.sign(SECRET, NOW.minusSeconds(299), BODY);
        assertThat(IntakeSignature.parse(header).verify(BODY, List.of("cpis_other", SECRET), NOW)).isEqualTo(Verdict.VALID);
        assertThat(IntakeSignature.parse(header.toUpperCase().replace("T=", "t=").replace("V1=", "v1="))
                .verify(BODY, List.of(SECRET), NOW)).as("hex in either case").isEqualTo(Verdict.VALID);
    }

    @Test
    void anotherSecretOrAnAlteredBodyOrAnAlteredTimeIsABadSignature() {
        String header = IntakeSignature.sign(SECRET, NOW, BODY);
        assertThat(IntakeSignature.parse(header).verify(BODY, List.of("cpis_old"), NOW)).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(IntakeSignature.parse(header).verify("{\"id\":\"evt-2\"}".getBytes(StandardCharsets.UTF_8), List.of(SECRET), NOW))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        String moved = header.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() + 1));
        assertThat(IntakeSignature.parse(moved).verify(BODY, List.of(SECRET), NOW)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void aSignatureOlderOrNewerThanFiveMinutesIsOutsideTheWindowWhateverItsMac() {
        assertThat(IntakeSignature.parse(IntakeSignature.sign(SECRET, NOW.minusSeconds(301), BODY)).verify(BODY, List.of(SECRET), NOW))
                .isEqualTo(Verdict.OUTSIDE_WINDOW);
        assertThat(IntakeSignature.parse(IntakeSignature.sign(SECRET, NOW.plusSeconds(301), BODY)).verify(BODY, List.of(SECRET), NOW))
                .isEqualTo(Verdict.OUTSIDE_WINDOW);
    }

    @Test
    void aSenderMovingToANewSecretMaySendBothAndSchemesNotKnownAreSkipped() {
        String old = IntakeSignature.sign("cpis_old", NOW, BODY);
        String current = IntakeSignature.sign(SECRET, NOW, BODY);
        String both = old + "," + current.substring(current.indexOf("v1=")) + ",v2=future";
        assertThat(IntakeSignature.parse(both).signatures()).hasSize(2);
        assertThat(IntakeSignature.parse(both).verify(BODY, List.of(SECRET), NOW)).isEqualTo(Verdict.VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "t=1", "v1=00", "t=abc,v1=" + "00", "sha256=abc", "t=1,v1=zz",
            "t=1,v1=0000000000000000000000000000000000000000000000000000000000000000000"})
    void aMissingOrMalformedHeaderIsInvalidInput(String header) {
        assertThatThrownBy(() -> IntakeSignature.parse(header)).isInstanceOf(DomainRejection.InvalidInput.class);
    }
}
