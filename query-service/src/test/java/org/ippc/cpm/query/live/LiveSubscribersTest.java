package org.ippc.cpm.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.ippc.cpm.query.board.ProgrammeRow;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

class LiveSubscribersTest {

    private final LiveSubscribers subscribers = new LiveSubscribers();

    @Test
    void a_board_watcher_receives_every_change_and_a_programme_watcher_only_its_programmes() {
        LiveSubscribers.Watch board = subscribers.watch(null);
        LiveSubscribers.Watch pilot = subscribers.watch("pilot");
        subscribers.publish(change(1, "pilot"));
        subscribers.publish(change(2, "other"));
        subscribers.publish(change(3, "pilot"));

        assertThat(seqs(board.changes())).containsExactly(1L, 2L, 3L);
        assertThat(seqs(pilot.changes())).containsExactly(1L, 3L);
        assertThat(new String(change(7, "pilot").frame().bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("id:7\nevent:programme\ndata:{\"seq\":7,")
                .endsWith("}\n\n")
                .doesNotContain("\n\n{");
    }

    @Test
    void a_cancelled_watcher_is_no_longer_sent_anything() {
        LiveSubscribers.Watch pilot = subscribers.watch("pilot");
        LiveSubscribers.Watch other = subscribers.watch("pilot");
        pilot.cancel().run();
        subscribers.publish(change(1, "pilot"));
        other.cancel().run();
        subscribers.publish(change(2, "pilot"));

        assertThat(seqs(other.changes())).containsExactly(1L);
        assertThat(seqs(pilot.changes())).isEmpty();
    }

    @Test
    void a_stream_that_falls_a_buffer_behind_ends_after_what_it_has_buffered() {
        LiveSubscribers.Watch slow = subscribers.watch(null);
        LongStream.rangeClosed(1, LiveSubscribers.BUFFER + 1).forEach(seq -> subscribers.publish(change(seq, "pilot")));

        assertThat(slow.changes().map(BoardChange::seq).collectList().block(Duration.ofSeconds(5)))
                .as("every buffered change, then the end (collectList returns only on completion)")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, LiveSubscribers.BUFFER)
                        .boxed()
                        .toList());
    }

    @Test
    void a_stream_that_reads_too_slowly_ends_once_a_buffer_behind() {
        LiveSubscribers.Watch slow = subscribers.watch(null);
        List<Long> received = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        BaseSubscriber<BoardChange> oneAtATime = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(BoardChange change) {
                received.add(change.seq());
            }

            @Override
            protected void hookOnComplete() {
                ended.set(true);
            }
        };
        slow.changes().subscribe(oneAtATime);
        LongStream.rangeClosed(1, LiveSubscribers.BUFFER + 2).forEach(seq -> subscribers.publish(change(seq, "pilot")));
        oneAtATime.requestUnbounded();

        assertThat(received)
                .as("the one read, then the full buffer")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, LiveSubscribers.BUFFER + 1)
                        .boxed()
                        .toList());
        assertThat(ended).isTrue();
    }

    @Test
    void a_stream_exactly_a_buffer_behind_goes_on() {
        LiveSubscribers.Watch behind = subscribers.watch(null);
        LongStream.rangeClosed(1, LiveSubscribers.BUFFER).forEach(seq -> subscribers.publish(change(seq, "pilot")));

        List<Long> received = new CopyOnWriteArrayList<>();
        behind.changes().map(BoardChange::seq).subscribe(received::add);
        subscribers.publish(change(LiveSubscribers.BUFFER + 1, "pilot"));
        assertThat(received).hasSize(LiveSubscribers.BUFFER + 1).endsWith((long) LiveSubscribers.BUFFER + 1);
    }

    /** What a stream has received within 200 ms (it does not end by itself). */
    private static List<Long> seqs(Flux<BoardChange> changes) {
        return changes.map(BoardChange::seq)
                .take(Duration.ofMillis(200))
                .collectList()
                .block();
    }

    private static BoardChange change(long seq, String programmeId) {
        return BoardChange.of(
                seq,
                new ProgrammeRow(
                        programmeId,
                        "Title",
                        null,
                        "round",
                        "PROPOSED",
                        "CPM-1",
                        null,
                        false,
                        0,
                        0,
                        null,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        null,
                        "PriorityProposed",
                        Instant.parse("2026-12-06T10:00:00Z"),
                        LocalDate.parse("2026-12-06"),
                        seq,
                        null,
                        0,
                        List.of()));
    }
}
