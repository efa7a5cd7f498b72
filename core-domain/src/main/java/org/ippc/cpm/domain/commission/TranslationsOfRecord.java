package org.ippc.cpm.domain.commission;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.ippc.cpm.domain.decision.CpmDecision;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.translation.TextSubject;
import org.ippc.cpm.domain.translation.TranslateText;
import org.ippc.cpm.domain.translation.Translations;

/**
 * A translation names a text of the record (T2): the programme or the decision is asked whether it has that text
 * before the subject's translations record it (T1).
 */
public class TranslationsOfRecord {

    private final Repository<Programme> programmes;
    private final Repository<CpmDecision> decisions;
    private final Repository<Translations> translations;

    public TranslationsOfRecord(
            Repository<Programme> programmes,
            Repository<CpmDecision> decisions,
            Repository<Translations> translations) {
        this.programmes = programmes;
        this.decisions = decisions;
        this.translations = translations;
    }

    @CommandHandler
    public void handle(TranslateText command) throws Exception {
        TextSubject subject = command.subject();
        if (subject.isProgramme()) {
            Aggregates.find(programmes, subject.identifier())
                    .orElseThrow(() -> absent(subject))
                    .execute(programme -> programme.requireText(command.text()));
        } else {
            Aggregates.find(decisions, subject.identifier())
                    .orElseThrow(() -> absent(subject))
                    .execute(decision -> decision.requireText(command.text(), command.itemId()));
        }
        translations.loadOrCreate(subject.value(), Translations::new).execute(texts -> texts.translate(command));
    }

    private static RuleViolation absent(TextSubject subject) {
        return new RuleViolation("T2", "%s is not on the record".formatted(subject));
    }
}
