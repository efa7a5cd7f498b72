package org.ippc.cpm.domain.commission;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ippc.cpm.domain.Seed.*;

import java.util.List;
import org.ippc.cpm.domain.decision.DecisionRecorded;
import org.ippc.cpm.domain.programme.PlanPresented;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.InvalidValue;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.translation.TextSubject;
import org.ippc.cpm.domain.translation.TextTranslated;
import org.ippc.cpm.domain.translation.TranslatableText;
import org.ippc.cpm.domain.translation.TranslateText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's own rules for translations of the record's texts (T1, T2). */
class TranslationRulesTest {

    private static final TextSubject PILOT_TEXTS = TextSubject.of(PILOT);
    private static final TextSubject DECISION_TEXTS = TextSubject.of(DECISION_6);
    private static final DecisionRecorded DECISION = new DecisionRecorded(
            DECISION_6,
            CPM_9,
            6,
            "Pilot work plan on surveillance",
            List.of(actionItem("6a", Body.SECRETARIAT, CPM_10)),
            CPM_CHAIR,
            "Plenary");

    private final CommissionHarness commission = new CommissionHarness();

    @AfterEach
    void tearDown() {
        commission.close();
    }

    private static TranslateText translate(
            TextSubject subject, TranslatableText text, String item, Language original, Language language) {
        return new TranslateText(subject, text, item, original, language, "Texte traduit", SECRETARIAT, "Translated");
    }

    @Test
    void T1_the_secretariat_or_a_party_translates_a_text_and_who_provided_it_is_recorded() {
        commission.given(pilotProposed());
        commission
                .when(translate(PILOT_TEXTS, TranslatableText.PROGRAMME_TITLE, null, Language.EN, Language.FR))
                .expectEvents(new TextTranslated(
                        PILOT_TEXTS,
                        TranslatableText.PROGRAMME_TITLE,
                        null,
                        Language.EN,
                        Language.FR,
                        "Texte traduit",
                        SECRETARIAT,
                        "Translated"));
        TranslateText byKenya = new TranslateText(
                PILOT_TEXTS,
                TranslatableText.PROGRAMME_TITLE,
                null,
                Language.EN,
                Language.AR,
                "البرنامج التجريبي",
                KE,
                "Contributed in kind");
        commission
                .when(byKenya)
                .expectEvents(new TextTranslated(
                        PILOT_TEXTS,
                        TranslatableText.PROGRAMME_TITLE,
                        null,
                        Language.EN,
                        Language.AR,
                        "البرنامج التجريبي",
                        KE,
                        "Contributed in kind"));
    }

    @Test
    void T1_a_translation_is_into_another_language_than_the_original_and_the_original_stays() {
        commission.given(pilotProposed());
        commission
                .when(translate(PILOT_TEXTS, TranslatableText.PROGRAMME_TITLE, null, Language.EN, Language.EN))
                .expectViolation("T1", "must be in another language than its original EN");
        commission.run(translate(PILOT_TEXTS, TranslatableText.PROGRAMME_TITLE, null, Language.EN, Language.FR));
        commission
                .when(translate(PILOT_TEXTS, TranslatableText.PROGRAMME_TITLE, null, Language.FR, Language.ES))
                .expectViolation("T1", "the original of PROGRAMME_TITLE of programme:pilot-surveillance is EN, not FR");
        commission
                .when(new TranslateText(
                        PILOT_TEXTS,
                        TranslatableText.PROGRAMME_TITLE,
                        null,
                        Language.EN,
                        Language.ES,
                        "Título",
                        EXPERT,
                        "Not an expert's to record"))
                .expectViolation("A3", "may be issued by [SECRETARIAT, CONTRACTING_PARTY, RPPO]");
    }

    @Test
    void T2_a_translation_names_a_text_the_record_holds() {
        commission
                .when(translate(PILOT_TEXTS, TranslatableText.PROGRAMME_TITLE, null, Language.EN, Language.FR))
                .expectViolation("T2", "programme:pilot-surveillance is not on the record");
        commission.given(pilotProposed());
        commission
                .when(translate(PILOT_TEXTS, TranslatableText.PLAN_SUMMARY, null, Language.EN, Language.FR))
                .expectViolation("T2", "has no plan summary to translate: its plan is not presented yet");
        commission.given(DECISION);
        commission
                .when(translate(DECISION_TEXTS, TranslatableText.ACTION_ITEM_REQUEST, "6z", Language.EN, Language.FR))
                .expectViolation("T2", "CPM-9-6 has no action item 6z");
        commission.run(
                translate(DECISION_TEXTS, TranslatableText.ACTION_ITEM_REQUEST, "6a", Language.EN, Language.FR),
                translate(DECISION_TEXTS, TranslatableText.DECISION_TEXT, null, Language.EN, Language.ZH));
    }

    @Test
    void T2_the_plan_summary_is_translatable_once_the_plan_is_presented() {
        commission.given(
                pilotProposed(),
                new PlanPresented(PILOT, CPM_11, 2, "Summary", "https://www.ippc.int/p", false, SECRETARIAT, "Y2"));
        commission.run(translate(PILOT_TEXTS, TranslatableText.PLAN_SUMMARY, null, Language.EN, Language.RU));
        assertThatThrownBy(() -> translate(PILOT_TEXTS, TranslatableText.DECISION_TEXT, null, Language.EN, Language.FR))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("DECISION_TEXT is not a text of programme:pilot-surveillance");
        assertThatThrownBy(() ->
                        translate(DECISION_TEXTS, TranslatableText.ACTION_ITEM_REQUEST, null, Language.EN, Language.FR))
                .isInstanceOf(InvalidValue.class);
    }
}
