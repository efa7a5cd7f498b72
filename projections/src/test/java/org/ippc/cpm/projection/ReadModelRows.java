package org.ippc.cpm.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every read model's rows, table by table, as text: what a redelivery must leave and a rebuild must reproduce. */
public final class ReadModelRows {

    private ReadModelRows() {}

    public static Map<String, List<Map<String, Object>>> of(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : ReadModels.TABLES) {
            List<Map<String, Object>> rows = new ArrayList<>();
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> {
                Map<String, Object> normalised = new LinkedHashMap<>();
                row.forEach((column, value) -> normalised.put(
                        column.toLowerCase(),
                        value == null ? null : value instanceof byte[] bytes ? new String(bytes) : value.toString()));
                rows.add(normalised);
            });
            // in one order whatever order the database returns them in (rows may tie on any few columns)
            rows.sort(java.util.Comparator.comparing(Object::toString));
            tables.put(table, rows);
        }
        return tables;
    }
}
