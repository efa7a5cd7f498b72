package org.ippc.cpm.domain.translation;

/** The texts of the record that may carry translations (T2): two of a programme's, two of a decision's. */
public enum TranslatableText {
    PROGRAMME_TITLE(true),
    PLAN_SUMMARY(true),
    DECISION_TEXT(false),
    ACTION_ITEM_REQUEST(false);

    private final boolean ofProgramme;

    TranslatableText(boolean ofProgramme) {
        this.ofProgramme = ofProgramme;
    }

    public boolean ofProgramme() {
        return ofProgramme;
    }

    /** An action item's request is one of several of its decision, named by the item's id. */
    public boolean needsItem() {
        return this == ACTION_ITEM_REQUEST;
    }
}
