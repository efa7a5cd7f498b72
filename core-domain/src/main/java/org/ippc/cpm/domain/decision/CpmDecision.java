package org.ippc.cpm.domain.decision;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.translation.TranslatableText;

/**
 * A numbered CPM decision and the action items it addresses to bodies (C1-C3). It is recorded through
 * {@code commission.DecisionsAtSession}, which checks that the deciding session is open (S2).
 */
@AggregateRoot
public class CpmDecision {

    @AggregateIdentifier
    private DecisionId decisionId;

    private final Map<String, ActionItem> items = new LinkedHashMap<>();
    private final Map<String, ActionItemStatus> statuses = new HashMap<>();

    protected CpmDecision() {}

    public CpmDecision(RecordDecision command) {
        command.actor().requireMayIssue(command);
        RuleViolation.check(
                !command.actionItems().isEmpty(),
                "C1",
                "decision %s must carry at least one action item",
                command.decisionId());
        Set<String> ids = new HashSet<>();
        for (ActionItem item : command.actionItems()) {
            RuleViolation.check(ids.add(item.itemId()), "C1", "action item %s appears twice", item.itemId());
            RuleViolation.check(
                    item.dueSession().isLaterThan(command.sessionId()),
                    "C1",
                    "action item %s is due at %s, which is not later than the deciding session %s",
                    item.itemId(),
                    item.dueSession(),
                    command.sessionId());
        }
        apply(new DecisionRecorded(
                command.decisionId(),
                command.sessionId(),
                command.number(),
                command.text(),
                command.actionItems(),
                command.actor(),
                command.rationale()));
    }

    @CommandHandler
    void handle(ReportOnActionItem command) {
        ActionItem item = item(command.itemId(), "C2");
        command.actor()
                .require(
                        "C2",
                        "ReportOnActionItem on " + item.itemId() + " (addressed to " + item.addressee() + ")",
                        item.addressee().role());
        RuleViolation.check(
                statuses.get(item.itemId()) != ActionItemStatus.REPORTED,
                "C2",
                "action item %s of %s is already reported and complete",
                item.itemId(),
                decisionId);
        apply(new ActionItemReported(
                decisionId, item.itemId(), command.documentReference(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(MarkActionItemOverdue command) {
        ActionItem item = item(command.itemId(), "C3");
        command.actor().requireMayIssue(command);
        RuleViolation.check(
                item.dueSession().equals(command.openedSession()),
                "C3",
                "action item %s is due at %s, not at %s",
                item.itemId(),
                item.dueSession(),
                command.openedSession());
        RuleViolation.check(
                statuses.get(item.itemId()) == ActionItemStatus.OPEN,
                "C3",
                "action item %s of %s is already %s",
                item.itemId(),
                decisionId,
                statuses.get(item.itemId()).name().toLowerCase(Locale.ROOT));
        apply(new ActionItemOverdue(
                decisionId, item.itemId(), item.dueSession(), command.actor(), command.rationale()));
    }

    /** T2: a decision has its text, and the requests of its own action items. */
    public void requireText(TranslatableText text, String itemId) {
        if (text.needsItem()) {
            item(itemId, "T2");
        }
    }

    private ActionItem item(String itemId, String rule) {
        ActionItem item = items.get(itemId);
        RuleViolation.check(
                item != null, rule, "%s has no action item %s; it has %s", decisionId, itemId, items.keySet());
        return item;
    }

    @EventSourcingHandler
    void on(DecisionRecorded event) {
        decisionId = event.decisionId();
        event.actionItems().forEach(item -> {
            items.put(item.itemId(), item);
            statuses.put(item.itemId(), ActionItemStatus.OPEN);
        });
    }

    @EventSourcingHandler
    void on(ActionItemReported event) {
        statuses.put(event.itemId(), ActionItemStatus.REPORTED);
    }

    @EventSourcingHandler
    void on(ActionItemOverdue event) {
        statuses.put(event.itemId(), ActionItemStatus.OVERDUE);
    }
}
