package org.ippc.cpm.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.ippc.cpm.domain.history.EventMetadata;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.query.board.LogFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole decision log straight from the event store, filtered as it streams, written as CSV or as a JSON array.
 * Rows go out as they are read (a database cursor), so the export's memory does not grow with the log.
 */
@Component
class LogExport {

    static final String[] COLUMNS = {
        "globalIndex",
        "eventId",
        "aggregateType",
        "aggregateId",
        "sequenceNumber",
        "eventType",
        "occurredAt",
        "tookPlaceOn",
        "sessionId",
        "programmeId",
        "actorRole",
        "actorId",
        "actorPerson",
        "actorParty",
        "command",
        "rationale",
        "correlationId",
        "causationId",
        "hash",
        "payload"
    };
    private static final ObjectMapper JSON = CpmJson.objectMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Upcasting upcasting;

    LogExport(DataSource dataSource, PlatformTransactionManager transactions, Upcasting upcasting) {
        this.upcasting = upcasting;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    void csv(LogFilter filter, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(String.join(",", COLUMNS) + "\r\n");
        each(filter, row -> {
            StringBuilder line = new StringBuilder();
            for (String column : COLUMNS) {
                Object value = row.get(column);
                if (line.length() > 0) {
                    line.append(',');
                }
                if (value != null) {
                    line.append('"')
                            .append(value.toString().replace("\"", "\"\""))
                            .append('"');
                }
            }
            writer.write(line.append("\r\n").toString());
        });
        writer.flush();
    }

    void json(LogFilter filter, OutputStream out) throws IOException {
        JsonGenerator generator = JSON.getFactory().createGenerator(out);
        generator.writeStartArray();
        each(filter, generator::writeObject);
        generator.writeEndArray();
        generator.flush();
    }

    private interface RowWriter {
        void write(Map<String, Object> row) throws IOException;
    }

    private void each(LogFilter filter, RowWriter writer) {
        readOnly.executeWithoutResult(status -> jdbc.query("""
                SELECT e.globalindex, e.eventidentifier, e.type, e.aggregateidentifier, e.sequencenumber, e.payloadtype,
                       e.payloadrevision, e.timestamp, e.payload, e.metadata, h.hash
                FROM domainevententry e LEFT JOIN event_hash h ON h.event_id = e.eventidentifier
                ORDER BY e.globalindex""", rs -> {
            Map<String, Object> row = row(rs);
            if (matches(filter, row)) {
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }));
    }

    private Map<String, Object> row(ResultSet rs) throws SQLException {
        String payloadType = rs.getString("payloadtype");
        JsonNode payload = upcasting
                .latest(
                        rs.getString("type"),
                        rs.getString("aggregateidentifier"),
                        rs.getLong("sequencenumber"),
                        rs.getString("eventidentifier"),
                        rs.getString("timestamp"),
                        payloadType,
                        rs.getString("payloadrevision"),
                        rs.getBytes("payload"),
                        rs.getBytes("metadata"))
                .getData(JsonNode.class)
                .getData();
        JsonNode metadata = tree(rs.getBytes("metadata"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("globalIndex", rs.getLong("globalindex"));
        row.put("eventId", rs.getString("eventidentifier"));
        row.put("aggregateType", rs.getString("type"));
        row.put("aggregateId", rs.getString("aggregateidentifier"));
        row.put("sequenceNumber", rs.getLong("sequencenumber"));
        row.put("eventType", payloadType.substring(payloadType.lastIndexOf('.') + 1));
        row.put("occurredAt", rs.getString("timestamp"));
        row.put("tookPlaceOn", text(metadata, EventMetadata.TOOK_PLACE_ON));
        row.put(
                "sessionId",
                text(payload, "sessionId") != null
                        ? text(payload, "sessionId")
                        : text(payload, "roundId") != null
                                ? text(payload, "roundId").replaceFirst("^ROUND-", "")
                                : null);
        row.put("programmeId", text(payload, "programmeId"));
        row.put("actorRole", payload.path("actor").path("role").asText(null));
        row.put(
                "actorId",
                payload.path("actor")
                        .path("party")
                        .asText(payload.path("actor").path("person").asText(null)));
        row.put("actorPerson", payload.path("actor").path("person").asText(null));
        row.put("actorParty", payload.path("actor").path("party").asText(null));
        row.put("command", EventMetadata.command(text(metadata, EventMetadata.COMMAND)));
        row.put("rationale", text(payload, "rationale"));
        row.put("correlationId", text(metadata, "traceId"));
        row.put("causationId", text(metadata, "correlationId"));
        row.put("hash", rs.getString("hash"));
        row.put("payload", payload);
        return row;
    }

    private static boolean matches(LogFilter filter, Map<String, Object> row) {
        Instant at = Instant.parse((String) row.get("occurredAt"));
        return same(filter.session(), row.get("sessionId"))
                && same(filter.actor(), row.get("actorId"))
                && same(filter.role(), row.get("actorRole"))
                && same(filter.eventType(), row.get("eventType"))
                && same(filter.programme(), row.get("programmeId"))
                && (filter.from() == null || !at.isBefore(filter.from()))
                && (filter.to() == null || at.isBefore(filter.to()));
    }

    /** An empty filter is no filter, as in the paged log. */
    private static boolean same(String wanted, Object actual) {
        return wanted == null || wanted.isBlank() || wanted.equals(actual);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode tree(byte[] json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
