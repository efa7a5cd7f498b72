package org.ippc.cpm.query.outreach.mail;

import java.util.List;
import java.util.Map;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.query.outreach.NoticeTexts;
import org.ippc.cpm.query.outreach.OutreachTemplates;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Writes an e-mail's two parts (plain text and HTML) from Thymeleaf templates ({@code outreach/mail.txt},
 * {@code outreach/mail.html}): one notice, or a digest of several. Every text from the records is escaped by the
 * template engine, so a decision's text cannot put markup or script into the HTML part.
 */
final class MailComposer {

    private final TemplateEngine text = OutreachTemplates.engine(TemplateMode.TEXT, ".txt");
    private final TemplateEngine html = OutreachTemplates.engine(TemplateMode.HTML, ".html");

    record Item(String subject, String body, String link) {}

    record Composed(String subject, String text, String html) {}

    Composed compose(String addressee, String person, Language language, List<Item> items, String choicesLink) {
        String subject = items.size() == 1
                ? items.get(0).subject()
                : NoticeTexts.phrase("digest.subject", language, items.size(), addressee);
        Context context = new Context(language.locale());
        context.setVariables(Map.of(
                "lang", language.name().toLowerCase(java.util.Locale.ROOT),
                "greeting", NoticeTexts.phrase("greeting", language, person),
                "several", items.size() > 1 ? NoticeTexts.phrase("several", language, items.size()) : "",
                "items",
                        items.stream()
                                .map(item -> Map.of(
                                        "subject", item.subject(),
                                        "body", item.body(),
                                        "link", item.link(),
                                        "see", NoticeTexts.phrase("see", language, item.link())))
                                .toList(),
                "footer", NoticeTexts.phrase("footer", language, addressee, choicesLink),
                "choicesLink", choicesLink));
        return new Composed(oneLine(subject), text.process("mail", context), html.process("mail", context));
    }

    /** A subject is one header line whatever the records hold. */
    private static String oneLine(String subject) {
        return subject.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
