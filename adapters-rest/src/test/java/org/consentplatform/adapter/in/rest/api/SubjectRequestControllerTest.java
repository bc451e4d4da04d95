package org.consentplatform.adapter.in.rest.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectRequestControllerTest {

    @ParameterizedTest(name = "Accept: {0} → PDF {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none | false",
            "*/* | false",
            "application/* | false",
            "application/ld+json | false",
            "application/json | false",
            "application/pdf | true",
            "application/pdf, application/json;q=0.5 | true",
            "application/json, application/pdf;q=0.5 | false",
            "application/ld+json;q=0.9, application/pdf | true",
            "text/html, */*;q=0.1 | false"})
    void thePdfOnlyWhenTheCallerNamesItAboveJson(String accept, boolean pdf) {
        assertThat(SubjectRequestController.prefersPdf(accept)).isEqualTo(pdf);
    }
}
