package org.ippc.cpm.command.axon;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a command did, as the command bus hands it back: the aggregate the command names (null for commands that
 * create one) and the events it appended, collected while its unit of work commits.
 */
public final class CommandOutcome {

    private final String namedTarget;
    private final List<Appended> appended = new CopyOnWriteArrayList<>();

    CommandOutcome(String namedTarget) {
        this.namedTarget = namedTarget;
    }

    void appended(Appended event) {
        appended.add(event);
    }

    public List<Appended> events() {
        return List.copyOf(appended);
    }

    /** The aggregate the command names, if it appended to it; otherwise the first one it appended to. */
    public String target() {
        if (namedTarget != null && appended.stream().anyMatch(a -> a.aggregateId().equals(namedTarget))) {
            return namedTarget;
        }
        return appended.isEmpty() ? namedTarget : appended.get(0).aggregateId();
    }

    /** The target's version before and after the command, from the sequence numbers of its new events. */
    public long versionBefore() {
        return appended.stream().filter(a -> a.aggregateId().equals(target())).mapToLong(Appended::sequence).min().orElse(0) - 1;
    }

    public long versionAfter() {
        return appended.stream().filter(a -> a.aggregateId().equals(target())).mapToLong(Appended::sequence).max().orElse(-1);
    }
}
