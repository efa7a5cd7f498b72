package org.ippc.cpm.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The schema of each of the engine's records says exactly what Jackson writes and reads: every component is required
 * and non-null unless annotated {@code @Nullable}: then it is optional and nullable, a JSON null meaning what leaving
 * it out means. No other property is allowed.
 */
@Component
public class RecordSchemas implements ModelConverter {

    private static final String OURS = "org.ippc.cpm.";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord() || !raw.getName().startsWith(OURS)) {
            return resolved;
        }
        Schema model = resolved.get$ref() == null
                ? resolved
                : context.getDefinedModels()
                        .get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null || Boolean.FALSE.equals(model.getAdditionalProperties())) {
            return resolved;
        }
        describe(raw, model);
        return resolved;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describe(Class<?> record, Schema model) {
        List<String> required = new ArrayList<>();
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            Schema property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            if (component.getType() == Object.class || component.getType() == JsonNode.class) {
                // Any JSON value (an event's payload, a field's value before and after): no type at all.
                property = new Schema<>().description(property.getDescription());
                properties.put(component.getName(), property);
            }
            if (!nullable(component)) {
                required.add(component.getName());
            } else if (property.get$ref() != null) {
                properties.put(component.getName(), referenceOrNull(property.get$ref()));
            } else {
                property.setNullable(true);
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
        model.setAdditionalProperties(false);
        model.setType("object");
    }

    /**
     * A record inside a record that may be null: {@code anyOf} its reference and null, as OpenAPI 3.0.3 spells "null"
     * ({@code nullable} beside a reference or an {@code allOf} of one is ignored by validators that follow 3.0.3);
     * openapi-generator makes it the record's type, nullable, in Java, TypeScript and Python.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema referenceOrNull(String reference) {
        List<Object> onlyNull = new ArrayList<>();
        onlyNull.add(null);
        Schema nullValue = new Schema<>().type("object").nullable(true);
        nullValue.setEnum(onlyNull);
        return new Schema<>().anyOf(List.of(new Schema<>().$ref(reference), nullValue));
    }

    public static boolean nullable(RecordComponent component) {
        return Arrays.stream(component.getAnnotations())
                .map(Annotation::annotationType)
                .anyMatch(annotation -> annotation.getSimpleName().equals("Nullable"));
    }
}
