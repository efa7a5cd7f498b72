package org.ippc.cpm.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

/** The bulk rebuild knows each event's own global index from the tokens of the events it reads in order. */
class ReadModelBulkRebuildTest {

    @Test
    void an_event_in_order_has_its_token_s_index_and_one_that_fills_a_gap_has_the_gap_s() {
        GapAwareTrackingToken first = GapAwareTrackingToken.newInstance(10, List.of());
        GapAwareTrackingToken skipping = GapAwareTrackingToken.newInstance(12, List.of(11L));
        GapAwareTrackingToken filling = GapAwareTrackingToken.newInstance(12, List.of());
        assertThat(ReadModelBulkRebuild.indexOf(null, first)).isEqualTo(10);
        assertThat(ReadModelBulkRebuild.indexOf(first, skipping)).isEqualTo(12);
        assertThat(ReadModelBulkRebuild.indexOf(skipping, filling))
                .as("committed late, below the highest index seen")
                .isEqualTo(11);
        assertThat(ReadModelBulkRebuild.indexOf(first, new GlobalSequenceTrackingToken(11)))
                .as("another kind of token: the decision log looks the index up")
                .isNull();
    }
}
