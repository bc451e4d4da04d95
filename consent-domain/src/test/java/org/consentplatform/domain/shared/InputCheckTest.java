package org.consentplatform.domain.shared;

import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.contactpoint.RawContactPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputCheckTest {

    @Test
    void everyRefusedFieldIsReportedOnceInTheOrderParsed() {
        var input = new InputCheck();
        TechnicalId profileId = input.id("profileId", "a b");
        RawContactPoint contactPoint = input.attempt(() -> RawContactPoint.parse("", " "));
        TechnicalId topicId = input.optionalId("topicId", null);
        input.required("state", null);

        assertThat(profileId).isNull();
        assertThat(contactPoint).isNull();
        assertThat(topicId).isNull();
        assertThatThrownBy(input::verify).isInstanceOfSatisfying(DomainRejection.InvalidInput.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("profileId", "channel", "address", "state"));
    }

    @Test
    void wellFormedInputGivesItsValues() {
        var input = new InputCheck();

        assertThat(input.id("profileId", "retail")).isEqualTo(new TechnicalId("retail"));
        assertThat(input.attempt(() -> RawContactPoint.parse("EMAIL", "Ann@Example.com")))
                .isEqualTo(new RawContactPoint(Channel.EMAIL, "Ann@Example.com"));
        input.verify();
    }
}
