package org.ippc.cpm.projection;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of a plain {@code INSERT INTO t (columns) VALUES (?, ...)} sent with PostgreSQL's {@code COPY t (columns)
 * FROM STDIN} instead of as a batch of inserts: a rebuild in bulk appends hundreds of thousands of rows to tables
 * that nothing reads meanwhile, and COPY takes them in one stream. Elsewhere (H2, other statements) nothing is sent.
 */
final class CopyIn {

    private static final Pattern PLAIN_INSERT =
            Pattern.compile("\\s*INSERT INTO (\\w+) \\(([\\w\\s,]+)\\)\\s+VALUES \\(\\?(?:,\\s*\\?)*\\)\\s*");
    private static final int CHUNK = 1 << 16;

    private CopyIn() {}

    /** Whether the rows were copied; if not, the caller inserts them. */
    static boolean copied(JdbcTemplate jdbc, String insert, List<Object[]> rows) {
        Matcher plain = PLAIN_INSERT.matcher(insert);
        if (!plain.matches()) {
            return false;
        }
        String copy = "COPY %s (%s) FROM STDIN"
                .formatted(plain.group(1), plain.group(2).replaceAll("\\s+", " "));
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return false;
            }
            CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
            org.postgresql.copy.CopyIn in = copyManager.copyIn(copy);
            try {
                StringBuilder text = new StringBuilder(CHUNK + 4096);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        text.append(i == 0 ? "" : "\t");
                        append(text, row[i]);
                    }
                    text.append('\n');
                    if (text.length() >= CHUNK) {
                        write(in, text);
                    }
                }
                write(in, text);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            return true;
        }));
    }

    private static void write(org.postgresql.copy.CopyIn in, StringBuilder text) throws java.sql.SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** One value in COPY's text format, as the JDBC driver would have bound it. */
    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            escape(text, string);
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toPlainString());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof Timestamp timestamp) {
            text.append(timestamp.toInstant());
        } else if (value instanceof java.sql.Date date) {
            text.append(date);
        } else {
            throw new IllegalArgumentException("no COPY text form for " + value.getClass());
        }
    }

    private static void escape(StringBuilder text, String value) {
        int plain = 0;
        while (plain < value.length() && "\\\n\r\t".indexOf(value.charAt(plain)) < 0) {
            plain++;
        }
        text.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
    }
}
