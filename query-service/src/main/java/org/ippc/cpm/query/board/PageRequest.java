package org.ippc.cpm.query.board;

import java.util.Map;
import org.ippc.cpm.query.BadQuery;

/**
 * Paging and sorting taken from the query string; the sort key is looked up in the query's own whitelist of
 * columns, never pasted into SQL.
 */
public record PageRequest(int page, int size, String orderBy) {

    public static final int MAX_SIZE = 500;

    public static PageRequest of(int page, int size, String sort, Map<String, String> sortable, String defaultOrder) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new BadQuery("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
        if (sort == null || sort.isBlank()) {
            return new PageRequest(page, size, defaultOrder);
        }
        String[] parts = sort.split(",");
        String column = sortable.get(parts[0]);
        boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
        if (column == null
                || (parts.length > 1 && !descending && !parts[1].equalsIgnoreCase("asc"))
                || parts.length > 2) {
            throw new BadQuery("sort must be one of " + sortable.keySet() + ", optionally followed by ,asc or ,desc");
        }
        return new PageRequest(page, size, column + (descending ? " DESC" : " ASC") + ", " + defaultOrder);
    }

    public String limit() {
        return " LIMIT " + size + " OFFSET " + ((long) page * size);
    }
}
