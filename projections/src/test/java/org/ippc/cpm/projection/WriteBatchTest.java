package org.ippc.cpm.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * After a batch fails, the next batches write one event at a time for a while; a rebuild in bulk never does: it keeps
 * its board rows in memory until its last event, and a rebuild that failed is rolled back as a whole anyway.
 */
class WriteBatchTest {

    private final WriteBatch writes = new WriteBatch(null);

    @Test
    void after_a_failed_batch_the_next_is_careful_but_a_rebuild_in_bulk_is_not() {
        UnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("first"));
        assertThat(writes.careful()).isFalse();
        failing.rollback();

        UnitOfWork<?> next = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("next"));
        assertThat(writes.careful()).as("a batch after the failed one").isTrue();
        next.commit();

        UnitOfWork<?> rebuild = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("replayed"));
        rebuild.resources().put(WriteBatch.EVERY_ROW, new HashMap<>());
        assertThat(writes.careful()).as("a rebuild in bulk").isFalse();
        rebuild.commit();
    }
}
