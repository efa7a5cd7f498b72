package org.ippc.cpm.query.audit;

/**
 * One cell of the decision log's CSV export (RFC 4180): quoted, quotes doubled, and written as text where a spreadsheet
 * would evaluate it as a formula (OWASP's CSV injection rule: a leading apostrophe before {@code = + - @}, tab or
 * carriage return). A party's rationale is theirs to write; the auditor's spreadsheet must not run it.
 */
final class CsvCell {

    private CsvCell() {}

    static String of(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
        return '"' + (formula ? "'" : "") + text.replace("\"", "\"\"") + '"';
    }
}
