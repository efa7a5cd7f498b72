package org.ippc.cpm.query.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.projection.rebuild.ReadModelPosition;
import org.ippc.cpm.query.audit.Checkpoint;
import org.ippc.cpm.query.audit.Checkpoints;
import org.ippc.cpm.query.board.Agenda;
import org.ippc.cpm.query.board.BoardQueries;
import org.ippc.cpm.query.board.SessionRow;
import org.ippc.cpm.query.i18n.Catalogue;
import org.ippc.cpm.query.translation.TranslatedTexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A paper is read from the read models between two checkpoints of the record: again while an event came in between or
 * the read models have not handled every event, and a 503 with Retry-After once that has gone on for 5 s (what
 * docs/languages-and-papers.md says). The record and the read models are stand-ins that move as each test says.
 */
class ReadingBetweenCheckpointsTest {

    private final BoardQueries board = mock(BoardQueries.class);
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final Catalogue catalogue = mock(Catalogue.class);
    private final Checkpoints checkpoints = mock(Checkpoints.class);
    private final ReadModelPosition readModels = mock(ReadModelPosition.class);
    private final SessionPapers papers =
            new SessionPapers(board, jdbc, mock(TranslatedTexts.class), catalogue, checkpoints, readModels);

    @BeforeEach
    void aSessionWithNothingOnItsAgenda() {
        SessionRow session = new SessionRow("CPM-11", 11, 2016, "OPEN", null, null);
        when(board.agenda("CPM-11"))
                .thenReturn(new Agenda(
                        session, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        when(jdbc.queryForObject(anyString(), eq(Timestamp.class)))
                .thenReturn(Timestamp.from(Instant.parse("2016-04-08T10:00:00Z")));
        when(catalogue.text(any(Language.class), anyString())).thenReturn("text");
        when(catalogue.text(eq(Language.EN), eq("paper.provenance"), anyMap()))
                .thenAnswer(call -> "made from " + ((Map<?, ?>) call.getArgument(2)).get("events") + " events, "
                        + ((Map<?, ?>) call.getArgument(2)).get("fingerprint"));
    }

    @Test
    void a_paper_is_read_again_while_events_arrive_or_the_read_models_are_behind() {
        Checkpoint ten = checkpoint(10);
        Checkpoint eleven = checkpoint(11);
        // first reading: an event came in between; second: the read models were one behind; third: still
        when(checkpoints.take()).thenReturn(ten, eleven, eleven, eleven, eleven, eleven);
        when(readModels.lag()).thenReturn(1L, 0L);

        Paper paper = papers.paper("CPM-11", PaperKind.PLANS, Language.EN);

        assertThat(paper.provenance()).isEqualTo("made from 11 events, " + RecordFingerprint.of(eleven));
        verify(board, times(3)).agenda("CPM-11");
        verify(jdbc, times(3)).query(anyString(), any(RowCallbackHandler.class));
    }

    @Test
    void a_record_that_keeps_moving_for_5_seconds_answers_503_with_retry_after() {
        when(checkpoints.take()).thenReturn(checkpoint(10));
        when(readModels.lag()).thenReturn(1L);
        long started = System.nanoTime();

        assertThatThrownBy(() -> papers.paper("CPM-11", PaperKind.AGENDA, Language.EN))
                .isInstanceOfSatisfying(RecordMoving.class, moving -> {
                    assertThat(moving.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(moving.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                });
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(4_900L, 15_000L);
        verify(board, times(50)).agenda("CPM-11");
    }

    private static Checkpoint checkpoint(long events) {
        return new Checkpoint(
                Instant.parse("2016-04-08T10:00:00Z"),
                events,
                List.of(new Checkpoint.ChainHead("surveillance-pilot", events - 1, "hash-" + events)),
                "hmac-test",
                "signature");
    }
}
