package org.ippc.cpm.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ippc.cpm.eventstore.StoredEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Takes and verifies {@link Checkpoint}s of the event store's hash chains. */
@Component
class Checkpoints {

    private final StoredEvents store;
    private final SecretKeySpec key;

    /** The key the embedded profile signs with when none is given: anyone can sign with it, so production may not. */
    static final String DEMO_KEY = "embedded-demo-checkpoint-key";

    Checkpoints(StoredEvents store, @Value("${cpm.audit.checkpoint-key}") String key, Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("production")) && (key.isBlank() || key.equals(DEMO_KEY))) {
            throw new IllegalStateException("The production profile needs a checkpoint key of its own: set"
                    + " CPM_CHECKPOINT_KEY (cpm.audit.checkpoint-key) to a secret, the same on every node");
        }
        this.store = store;
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Transactional(readOnly = true)
    public Checkpoint take() {
        List<Checkpoint.ChainHead> heads = store.heads().stream()
                .map(link -> new Checkpoint.ChainHead(link.aggregateId(), link.sequenceNumber(), link.hash()))
                .toList();
        long events =
                heads.stream().mapToLong(head -> head.sequenceNumber() + 1).sum();
        Instant takenAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Checkpoint(takenAt, events, heads, sign(takenAt, events, heads));
    }

    @Transactional(readOnly = true)
    public CheckpointVerification verify(Checkpoint checkpoint) {
        boolean signed = checkpoint.takenAt() != null
                && checkpoint.heads() != null
                && checkpoint.signature() != null
                && MessageDigest.isEqual(
                        sign(checkpoint.takenAt(), checkpoint.events(), checkpoint.heads())
                                .getBytes(StandardCharsets.UTF_8),
                        checkpoint.signature().getBytes(StandardCharsets.UTF_8));
        if (!signed) {
            return new CheckpointVerification(false, false, List.of("the checkpoint was not signed by this engine"));
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
        return new CheckpointVerification(true, problems.isEmpty(), problems);
    }

    private String sign(Instant takenAt, long events, List<Checkpoint.ChainHead> heads) {
        StringBuilder text = new StringBuilder("cpm-checkpoint\n" + takenAt + "\n" + events + "\n");
        heads.forEach(head -> text.append(head.aggregateId())
                .append(':')
                .append(head.sequenceNumber())
                .append(':')
                .append(head.hash())
                .append('\n'));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
