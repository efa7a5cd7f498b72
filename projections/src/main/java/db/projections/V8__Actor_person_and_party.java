package db.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.domain.shared.PersonAndPartyUpcaster;

/**
 * The decision log records the person and the party apart, as events do since revision 2: two columns, and the rows
 * written before read with the domain's own upcaster ({@code actor_id} stays: the party, or else the person).
 */
public class V8__Actor_person_and_party extends BaseJavaMigration {

    private static final ObjectMapper JSON = CpmJson.objectMapper();
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE decision_log ADD COLUMN actor_person VARCHAR(20000)");
            ddl.execute("ALTER TABLE decision_log ADD COLUMN actor_party VARCHAR(20000)");
        }
        try (Statement select = connection.createStatement();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE decision_log SET payload = ?, actor_person = ?, actor_party = ? WHERE global_index = ?")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery("SELECT global_index, payload FROM decision_log")) {
                while (rows.next()) {
                    JsonNode payload = PersonAndPartyUpcaster.upcast(JSON.readTree(rows.getString(2)));
                    JsonNode actor = payload.path("actor");
                    update.setString(1, JSON.writeValueAsString(payload));
                    update.setString(2, actor.path("person").asText());
                    update.setString(3, actor.path("party").asText(null));
                    update.setLong(4, rows.getLong(1));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE decision_log ALTER COLUMN actor_person SET NOT NULL");
        }
    }
}
