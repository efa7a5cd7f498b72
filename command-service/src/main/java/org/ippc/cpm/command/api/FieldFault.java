package org.ippc.cpm.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.ippc.cpm.domain.shared.InvalidValue;
import org.ippc.cpm.domain.shared.RequiredBy;

/**
 * Which field of a command's body is at fault (its JSON path, or a header's name), why, the values allowed for a closed
 * list, and the rule that requires it ({@link RequiredBy} on the record
 * component): a value the domain's records refuse, or a value Jackson cannot read (an enum gets its allowed values).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FieldFault(String path, String message, String rule, List<String> allowed) {

    FieldFault(String path, String message, String rule) {
        this(path, message, rule, null);
    }

    /** A request header at fault, by its name. */
    static FieldFault header(String name, String message) {
        return new FieldFault(name, message, null);
    }

    static FieldFault of(JsonMappingException wrong) {
        List<JsonMappingException.Reference> path = wrong.getPath();
        if (wrong instanceof ValueInstantiationException created
                && created.getCause() instanceof InvalidValue invalid) {
            Class<?> record = created.getType().getRawClass();
            // A value of one field (an identifier, say) is at fault as a whole: its path is the field's.
            String field = record.isRecord()
                            && Arrays.stream(record.getRecordComponents())
                                    .anyMatch(component -> component.getName().equals(invalid.field()))
                    ? invalid.field()
                    : null;
            return new FieldFault(join(path, field), firstLine(invalid.getMessage()), rule(record, invalid.field()));
        }
        String rule = null;
        if (!path.isEmpty()) {
            JsonMappingException.Reference last = path.get(path.size() - 1);
            Object from = last.getFrom();
            rule = last.getFieldName() == null
                    ? null
                    : rule(from instanceof Class<?> type ? type : from.getClass(), last.getFieldName());
        }
        String field = path.isEmpty() || path.get(path.size() - 1).getFieldName() == null
                ? null
                : path.get(path.size() - 1).getFieldName();
        if (wrong instanceof MismatchedInputException mismatch
                && mismatch.getTargetType() != null
                && mismatch.getTargetType().isEnum()) {
            List<String> allowed = Arrays.stream(mismatch.getTargetType().getEnumConstants())
                    .map(Object::toString)
                    .toList();
            return new FieldFault(
                    join(path, null),
                    (field == null ? "the value" : field) + " must be one of " + String.join(", ", allowed),
                    rule,
                    allowed);
        }
        if (wrong instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && field != null) {
            String what = mismatch.getOriginalMessage().startsWith("Cannot map `null`")
                    ? " is required"
                    : " must be " + kind(mismatch.getTargetType());
            return new FieldFault(join(path, null), field + what, rule);
        }
        Throwable cause = wrong.getCause() instanceof IllegalArgumentException invalid ? invalid : wrong;
        String message = firstLine(cause == wrong ? wrong.getOriginalMessage() : cause.getMessage());
        return new FieldFault(join(path, null), message, rule);
    }

    private static String kind(Class<?> type) {
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        } else if (type == String.class || type.isRecord() && type.getRecordComponents().length == 1) {
            return "a text";
        } else if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String rule(Class<?> type, String field) {
        if (type == null || !type.isRecord() || field == null) {
            return null;
        }
        return Arrays.stream(type.getRecordComponents())
                .filter(c -> c.getName().equals(field))
                .map(c -> c.getAnnotation(RequiredBy.class))
                .filter(a -> a != null)
                .map(RequiredBy::value)
                .findFirst()
                .orElse(null);
    }

    static String join(List<JsonMappingException.Reference> path, String field) {
        String joined = path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (field != null) {
            joined = joined.isEmpty() ? field : joined + "." + field;
        }
        return joined.isEmpty() ? "$" : "$." + joined;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
