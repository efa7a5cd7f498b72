package org.ippc.cpm.domain.translation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.shared.RuleViolation;

/**
 * The translations of one programme's or one decision's texts (T1). {@code commission.TranslationsOfRecord} first
 * asks the programme or the decision whether the text is on the record (T2).
 */
@AggregateRoot
public class Translations {

    @AggregateIdentifier
    private TextSubject subject;

    /** Each translated text's original language, by the text (and item) it is. */
    private final Map<String, Language> originals = new HashMap<>();

    public Translations() {}

    public void translate(TranslateText command) {
        command.actor().requireMayIssue(command);
        String text = key(command.text(), command.itemId());
        RuleViolation.check(
                command.language() != command.original(),
                "T1",
                "a translation of %s must be in another language than its original %s",
                text,
                command.original());
        Language recorded = originals.getOrDefault(text, command.original());
        RuleViolation.check(
                recorded == command.original(),
                "T1",
                "the original of %s of %s is %s, not %s",
                text,
                command.subject(),
                recorded,
                command.original());
        apply(new TextTranslated(
                command.subject(),
                command.text(),
                command.itemId(),
                command.original(),
                command.language(),
                command.translation(),
                command.actor(),
                command.rationale()));
    }

    private static String key(TranslatableText text, String itemId) {
        return itemId == null ? text.name() : text.name() + " " + itemId;
    }

    @EventSourcingHandler
    void on(TextTranslated event) {
        subject = event.subject();
        originals.putIfAbsent(key(event.text(), event.itemId()), event.original());
    }
}
