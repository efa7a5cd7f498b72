package org.ippc.cpm.query.i18n;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.ippc.cpm.domain.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The engine's messages in the six languages (i18n/messages*.properties, through Spring's {@link MessageSource}),
 * formatted with ICU4J's MessageFormat: named arguments, plurals and numbers by the language's own rules.
 */
@Component
public class Catalogue {

    private final MessageSource messages;

    public Catalogue(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Language language, String key) {
        return text(language, key, Map.of());
    }

    public String text(Language language, String key, Map<String, Object> arguments) {
        String pattern = messages.getMessage(key, null, language.locale());
        return new MessageFormat(pattern, ULocale.forLocale(language.locale())).format(arguments);
    }

    /** An amount in US dollars, as the language writes money. */
    public static String money(Language language, BigDecimal usd) {
        return NumberFormatter.forSkeleton("currency/USD")
                .locale(language.locale())
                .format(usd)
                .toString();
    }

    /** A day, written out as the language does (e.g. 5 April 2016, 5 avril 2016, ٥ أبريل ٢٠١٦). */
    public static String day(Language language, LocalDate day) {
        DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, ULocale.forLocale(language.locale()));
        format.setTimeZone(TimeZone.GMT_ZONE);
        return format.format(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
}
