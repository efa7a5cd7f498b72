package org.ippc.cpm.query.outreach;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ippc.cpm.domain.directory.Addressee;
import org.ippc.cpm.domain.directory.ChooseNotifications;
import org.ippc.cpm.domain.directory.Delivery;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.platform.ProblemTypes;
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
    private final TemplateEngine pages = OutreachTemplates.engine(TemplateMode.HTML, ".html");

    ChoicesPage(ChoiceLinks links, MailOutbox outbox, CommandGateway commands) {
        this.links = links;
        this.outbox = outbox;
        this.commands = commands;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String show(@RequestParam String token) {
        ChoiceLinks.Named named = named(token);
        MailOutbox.Contact contact = outbox.contactsOf(named.addressee()).stream()
                .filter(c -> c.person().equals(named.person()))
                .findFirst()
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "This contact point is no longer in the directory"));
        return page(Map.of(
                "token",
                token,
                "addressee",
                contact.addressee(),
                "person",
                contact.person(),
                "digest",
                contact.delivery() == Delivery.DAILY_DIGEST,
                "optional",
                contact.optionalNotices(),
                "saved",
                false));
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    String choose(
            @RequestParam String token,
            @RequestParam Delivery delivery,
            @RequestParam(defaultValue = "false") boolean optionalNotices) {
        ChoiceLinks.Named named = named(token);
        record(named, delivery, optionalNotices, "Chosen by the person on the page of an e-mail's signed link");
        return page(Map.of(
                "token",
                token,
                "addressee",
                named.addressee(),
                "person",
                named.person(),
                "digest",
                delivery == Delivery.DAILY_DIGEST,
                "optional",
                optionalNotices,
                "saved",
                true));
    }

    /** RFC 8058: the mail client's one-click unsubscribe stops the optional notices and keeps the delivery. */
    @PostMapping(path = "/unsubscribe", produces = MediaType.TEXT_PLAIN_VALUE)
    String unsubscribe(@RequestParam String token) {
        ChoiceLinks.Named named = named(token);
        Delivery delivery = outbox.contactsOf(named.addressee()).stream()
                .filter(c -> c.person().equals(named.person()))
                .map(MailOutbox.Contact::delivery)
                .findFirst()
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "This contact point is no longer in the directory"));
        record(named, delivery, false, "One-click unsubscribe from an e-mail (RFC 8058)");
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

    private String page(Map<String, Object> values) {
        Context context = new Context();
        context.setVariables(values);
        return pages.process("choices", context);
    }
}
