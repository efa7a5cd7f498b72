package org.ippc.cpm.domain.shared;

/**
 * A command broke a rule of the spec: nothing was recorded. The message starts with the rule id
 * ({@code "Y1: SelectPriority must be taken at CPM-10, ..."}) so that every layer can show it as it is.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final String sentence;

    public RuleViolation(String rule, String sentence) {
        super(rule + ": " + sentence);
        this.rule = rule;
        this.sentence = sentence;
    }

    public String rule() {
        return rule;
    }

    public String sentence() {
        return sentence;
    }

    public static void check(boolean holds, String rule, String sentence, Object... facts) {
        if (!holds) {
            throw new RuleViolation(rule, sentence.formatted(facts));
        }
    }
}
