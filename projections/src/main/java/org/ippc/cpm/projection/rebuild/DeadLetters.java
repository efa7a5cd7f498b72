package org.ippc.cpm.projection.rebuild;

import org.ippc.cpm.projection.ReadModels;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models' dead letters are forgotten by a rebuild, which applies every event again from the first: a letter
 * retried after it would apply its event twice, and one left in place would queue its aggregate's replayed events
 * behind it. (Axon's cache of dead-lettered sequences asks the queue before it trusts itself, and is rebuilt whenever
 * a node takes a segment.)
 */
final class DeadLetters {

    private DeadLetters() {}

    static void forget(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM deadletterentry WHERE processinggroup = ?", ReadModels.PROCESSING_GROUP);
    }
}
