package org.consentplatform.adapter.in.rest.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV cells (load error reports, reports) are quoted by RFC 4180 and cannot run as spreadsheet formulas. */
class CsvCellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "is required|\"is required\"",
            "=HYPERLINK(\"http://evil.example\")|\"'=HYPERLINK(\"\"http://evil.example\"\")\"",
            "+1 555|\"'+1 555\"",
            "-2+3|\"'-2+3\"",
            "@SUM(A1)|\"'@SUM(A1)\"",
            "a, b|\"a, b\""})
    void cellsAreQuotedAndFormulasDefused(String value, String cell) {
        assertThat(CsvCells.of(value)).isEqualTo(cell);
    }
}
