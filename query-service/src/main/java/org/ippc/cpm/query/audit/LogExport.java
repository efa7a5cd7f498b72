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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.eventstore.EventMetadata;
import org.ippc.cpm.eventstore.StoredEvent;
import org.ippc.cpm.eventstore.StoredEvents;
import org.ippc.cpm.eventstore.StoredRow;
import org.ippc.cpm.query.board.LogFilter;
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

    private final StoredEvents store;
    private final TransactionTemplate readOnly;
    private final Upcasting upcasting;

    LogExport(StoredEvents store, PlatformTransactionManager transactions, Upcasting upcasting) {
        this.upcasting = upcasting;
        this.store = store;
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
                line.append(CsvCell.of(value));
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
        readOnly.executeWithoutResult(status -> store.inOrder(stored -> {
            Map<String, Object> row = row(stored);
            if (matches(filter, row)) {
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }));
    }

    private Map<String, Object> row(StoredRow stored) {
        StoredEvent event = stored.event();
        String payloadType = event.payloadType();
        JsonNode payload = upcasting.latest(event).getData(JsonNode.class).getData();
        JsonNode metadata = tree(event.metadata());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("globalIndex", stored.globalIndex());
        row.put("eventId", event.eventId());
        row.put("aggregateType", event.aggregateType());
        row.put("aggregateId", event.aggregateId());
        row.put("sequenceNumber", event.sequenceNumber());
        row.put("eventType", payloadType.substring(payloadType.lastIndexOf('.') + 1));
        row.put("occurredAt", event.timestamp());
        row.put(
                "tookPlaceOn",
                EventMetadata.tookPlaceOn(
                        text(metadata, EventMetadata.TOOK_PLACE_ON), Instant.parse(event.timestamp())));
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
        row.put("hash", stored.hash());
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
