package org.ippc.cpm.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ippc.cpm.eventstore.StoredEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes and verifies {@link Checkpoint}s of the event store's hash chains. Signs with {@code cpm.audit.checkpoint-key};
 * verifies with it or with one of {@code cpm.audit.previous-checkpoint-keys}, so that checkpoints kept before a key
 * rotation still verify.
 */
@Component
public class Checkpoints {

    private final StoredEvents store;
    private final CheckpointKey key;
    private final List<CheckpointKey> keys = new ArrayList<>();

    Checkpoints(
            StoredEvents store,
            @Value("${cpm.audit.checkpoint-key}") String key,
            @Value("${cpm.audit.previous-checkpoint-keys:}") List<String> previousKeys,
            Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("production"))
                && (key.isBlank() || key.equals(CheckpointKey.DEMO) || previousKeys.contains(CheckpointKey.DEMO))) {
            throw new IllegalStateException("The production profile needs a checkpoint key of its own: set"
                    + " CPM_CHECKPOINT_KEY (cpm.audit.checkpoint-key) to a secret, the same on every node (and never"
                    + " the embedded demo key among CPM_PREVIOUS_CHECKPOINT_KEYS)");
        }
        this.store = store;
        this.key = CheckpointKey.of(key);
        keys.add(this.key);
        previousKeys.stream()
                .filter(previous -> !previous.isBlank())
                .map(CheckpointKey::of)
                .forEach(keys::add);
    }

    @Transactional(readOnly = true)
    public Checkpoint take() {
        List<Checkpoint.ChainHead> heads = store.heads().stream()
                .map(link -> new Checkpoint.ChainHead(link.aggregateId(), link.sequenceNumber(), link.hash()))
                .toList();
        long events =
                heads.stream().mapToLong(head -> head.sequenceNumber() + 1).sum();
        Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Checkpoint(takenAt, events, heads, key.id(), key.sign(signed(takenAt, events, heads, key.id())));
    }

    @Transactional(readOnly = true)
    public CheckpointVerification verify(Checkpoint checkpoint) {
        Optional<CheckpointKey> signer =
                checkpoint.takenAt() == null || checkpoint.heads() == null || checkpoint.signature() == null
                        ? Optional.empty()
                        : keys.stream()
                                .filter(candidate -> checkpoint.keyId() == null
                                        || candidate.id().equals(checkpoint.keyId()))
                                .filter(candidate -> MessageDigest.isEqual(
                                        candidate
                                                .sign(signed(
                                                        checkpoint.takenAt(),
                                                        checkpoint.events(),
                                                        checkpoint.heads(),
                                                        checkpoint.keyId()))
                                                .getBytes(StandardCharsets.UTF_8),
                                        checkpoint.signature().getBytes(StandardCharsets.UTF_8)))
                                .findFirst();
        if (signer.isEmpty()) {
            return new CheckpointVerification(
                    false, null, false, List.of("the checkpoint was not signed by any key of this engine"));
        }
        Map<String, Long> headsNow = store.lastSequences();
        List<String> problems = new ArrayList<>();
        for (Checkpoint.ChainHead head : checkpoint.heads()) {
            Long now = headsNow.get(head.aggregateId());
            Optional<String> hashNow = store.hashOf(head.aggregateId(), head.sequenceNumber());
            if (now == null) {
                problems.add("%s: the checkpoint saw events 0 to %d; none is in the store now"
                        .formatted(head.aggregateId(), head.sequenceNumber()));
            } else if (now < head.sequenceNumber()) {
                problems.add("%s: the checkpoint saw events 0 to %d; the store now ends at %d"
                        .formatted(head.aggregateId(), head.sequenceNumber(), now));
            } else if (hashNow.filter(head.hash()::equals).isEmpty()) {
                problems.add("%s: event %d is not the one the checkpoint saw"
                        .formatted(head.aggregateId(), head.sequenceNumber()));
            }
        }
        return new CheckpointVerification(true, signer.get().id(), problems.isEmpty(), problems);
    }

    /** The signed text; a checkpoint from before key ids (none named) was signed without the line. */
    private static String signed(Instant takenAt, long events, List<Checkpoint.ChainHead> heads, String keyId) {
        StringBuilder text = new StringBuilder("cpm-checkpoint\n" + takenAt + "\n" + events + "\n");
        if (keyId != null) {
            text.append("key:").append(keyId).append('\n');
        }
        heads.forEach(head -> text.append(head.aggregateId())
                .append(':')
                .append(head.sequenceNumber())
                .append(':')
                .append(head.hash())
                .append('\n'));
        return text.toString();
    }
}
