package org.ippc.cpm.query.outreach;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ippc.cpm.domain.directory.Addressee;
import org.ippc.cpm.domain.directory.ChooseNotifications;
import org.ippc.cpm.domain.directory.Delivery;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.platform.ProblemTypes;
import org.ippc.cpm.query.i18n.Catalogue;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The page an e-mail's link opens, without signing in (the link is signed, {@link ChoiceLinks}): the person chooses
 * immediate e-mails or a daily digest, and whether to receive reminders; the choice is recorded as the engine's
 * {@code ChooseNotifications}. Opening the page changes nothing (mail scanners open links); the form's POST does, and so
 * does the RFC 8058 one-click POST a mail client sends from the List-Unsubscribe header.
 */
@Hidden
@RestController
@RequestMapping(path = "/outreach/choices")
class ChoicesPage {

    private final ChoiceLinks links;
    private final MailOutbox outbox;
    private final CommandGateway commands;
    private final Catalogue catalogue;
    private final TemplateEngine pages = OutreachTemplates.engine(TemplateMode.HTML, ".html");

    ChoicesPage(ChoiceLinks links, MailOutbox outbox, CommandGateway commands, Catalogue catalogue) {
        this.links = links;
        this.outbox = outbox;
        this.commands = commands;
        this.catalogue = catalogue;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String show(@RequestParam String token) {
        MailOutbox.Contact contact = contact(named(token));
        return page(token, contact, contact.delivery() == Delivery.DAILY_DIGEST, contact.optionalNotices(), false);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String choose(
            @RequestParam String token,
            @RequestParam Delivery delivery,
            @RequestParam(defaultValue = "false") boolean optionalNotices) {
        ChoiceLinks.Named named = named(token);
        record(named, delivery, optionalNotices, "Chosen by the person on the page of an e-mail's signed link");
        return page(token, contact(named), delivery == Delivery.DAILY_DIGEST, optionalNotices, true);
    }

    /** RFC 8058: the mail client's one-click unsubscribe stops the optional notices and keeps the delivery. */
    @PostMapping(path = "/unsubscribe", produces = MediaType.TEXT_PLAIN_VALUE)
    String unsubscribe(@RequestParam String token) {
        ChoiceLinks.Named named = named(token);
        record(named, contact(named).delivery(), false, "One-click unsubscribe from an e-mail (RFC 8058)");
        return "Reminders stopped; notices you must receive still reach you.";
    }

    private void record(ChoiceLinks.Named named, Delivery delivery, boolean optionalNotices, String rationale) {
        commands.sendAndWait(new ChooseNotifications(
                new Addressee(named.addressee()),
                named.person(),
                delivery,
                optionalNotices,
                Actor.engine(),
                rationale));
    }

    private ChoiceLinks.Named named(String token) {
        return links.read(token)
                .orElseThrow(() -> refused(HttpStatus.BAD_REQUEST, "The link is not one the engine signed"));
    }

    private static ErrorResponseException refused(HttpStatus status, String detail) {
        return new ErrorResponseException(
                status, ProblemTypes.problem(status, "Notification choices", detail, "N1"), null);
    }

    private MailOutbox.Contact contact(ChoiceLinks.Named named) {
        return outbox.contactsOf(named.addressee()).stream()
                .filter(c -> c.person().equals(named.person()))
                .findFirst()
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "This contact point is no longer in the directory"));
    }

    /** The page in the contact point's own language (the directory's). */
    private String page(String token, MailOutbox.Contact contact, boolean digest, boolean optional, boolean saved) {
        Language language = contact.language();
        Map<String, String> texts = new HashMap<>();
        for (String key : List.of("title", "heading", "saved", "how", "immediate", "digest", "reminders", "save")) {
            texts.put("choices." + key, catalogue.text(language, "choices." + key));
        }
        texts.put(
                "choices.who",
                catalogue.text(
                        language, "choices.who", Map.of("person", contact.person(), "addressee", contact.addressee())));
        Context context = new Context();
        context.setVariables(Map.of(
                "token", token,
                "digest", digest,
                "optional", optional,
                "saved", saved,
                "texts", texts,
                "language", language.name().toLowerCase(Locale.ROOT),
                "direction", language == Language.AR ? "rtl" : "ltr"));
        return pages.process("choices", context);
    }
}
