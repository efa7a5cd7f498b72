package org.ippc.cpm.query.board;

import java.util.List;

/** One page of a query's rows, and how many rows match in all. */
public record Page<T>(List<T> items, int page, int size, long total) {}
