package org.ippc.cpm.command.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ippc.cpm.command.axon.CommandAccepted;
import org.ippc.cpm.domain.programme.ProgrammeLifecycle;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Validation;
import org.ippc.cpm.platform.openapi.ApiContract;
import org.ippc.cpm.platform.openapi.OperationsDescription;
import org.springframework.stereotype.Component;

/** Documents each command as its own operation, named after the command, with its schema and an example. */
@Component
class OpenApiCommands implements OperationsDescription {

    /** No control characters but tab, line feed and carriage return (InputLimits). */
    static final String NO_CONTROL_CHARACTERS = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";

    private final ObjectMapper json;

    OpenApiCommands(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void describe(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Components components = api.getComponents();
        register(components, CommandAccepted.class);
        if (api.getPaths() == null) {
            api.setPaths(new Paths());
        }
        Set<String> commandSchemas = new TreeSet<>();
        Map<String, Class<?>> records = new HashMap<>();
        for (CommandType type : CommandCatalog.all()) {
            commandSchemas.addAll(register(components, type.recordType()));
            collectRecords(type.recordType(), records);
            api.getPaths()
                    .addPathItem("/api/commands/" + type.name(), new PathItem().post(operation(type, components)));
        }
        commandSchemas.forEach(name -> declareLimits(components.getSchemas().get(name), records.get(name)));
    }

    /** The shape of each identifier type, as the domain checks it. */
    private static final Map<Class<?>, String> IDENTIFIERS = Map.of(
            ProgrammeId.class, Validation.IDENTIFIER,
            ExpertId.class, Validation.IDENTIFIER,
            DecisionId.class, Validation.IDENTIFIER,
            SessionId.class, SessionId.SHAPE,
            RoundId.class, RoundId.SHAPE);

    /**
     * The limits {@link InputLimits} and the domain enforce, declared on every identifier, text, amount and date of
     * the schema of {@code record} (an identifier by the shape of its type, the rest by the domain's general limits).
     */
    @SuppressWarnings("rawtypes")
    private static void declareLimits(Schema<?> schema, Class<?> record) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            String identifier = record == null ? null : IDENTIFIERS.get(componentType(record, name));
            Schema value = property.getItems() != null ? property.getItems() : property;
            if (identifier != null) {
                value.setMaxLength(Validation.MAX_IDENTIFIER);
                value.setPattern("^" + identifier + "$");
            } else {
                declareLimit(value);
            }
        });
    }

    private static Class<?> componentType(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> component.getName().equals(name))
                .map(RecordComponent::getType)
                .findFirst()
                .orElse(null);
    }

    /** The command record and the records it holds (directly or in a list), by their schema's name. */
    private static void collectRecords(Class<?> record, Map<String, Class<?>> records) {
        if (!record.isRecord() || records.putIfAbsent(record.getSimpleName(), record) != null) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            collectRecords(component.getType(), records);
            if (component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                collectRecords(element, records);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void declareLimit(Schema property) {
        if (property.get$ref() != null || property.getEnum() != null) {
            return;
        }
        if ("string".equals(property.getType()) && "date-time".equals(property.getFormat())) {
            property.setDescription("Between %s and %s".formatted(Validation.EARLIEST, Validation.LATEST));
        } else if ("string".equals(property.getType()) && property.getFormat() == null) {
            property.setMaxLength(Validation.MAX_TEXT);
            property.setPattern(NO_CONTROL_CHARACTERS);
        } else if ("number".equals(property.getType())) {
            property.setMaximum(Validation.MAX_AMOUNT_USD);
            property.setMultipleOf(BigDecimal.ONE.movePointLeft(Validation.AMOUNT_DECIMALS));
        }
    }

    private Operation operation(CommandType type, Components components) {
        String simpleName = type.recordType().getSimpleName();
        Schema<?> request = new Schema<>().$ref("#/components/schemas/" + simpleName + "Request");
        components.addSchemas(
                simpleName + "Request", withoutActor(components.getSchemas().get(simpleName)));
        ObjectNode example = type.exampleBody();
        return new Operation()
                .operationId(type.name())
                .summary(type.summary())
                .description("Allowed roles: " + type.allowedRoles()
                        + ProgrammeLifecycle.legalIn(type.recordType())
                                .map(stages -> ". Legal when the programme is in stage "
                                        + stages.stream()
                                                .map(Enum::name)
                                                .collect(java.util.stream.Collectors.joining(", ")))
                                .orElse(""))
                .addTagsItem(tag(type))
                .addParametersItem(new HeaderParameter()
                        .name("If-Match")
                        .required(false)
                        .schema(new StringSchema())
                        .description("Apply only if the addressed record is at this version (an earlier ETag)"))
                .addParametersItem(new HeaderParameter()
                        .name("Idempotency-Key")
                        .required(false)
                        .schema(new StringSchema())
                        .description("A retry with the same key returns the first answer without a second event"))
                .addParametersItem(new HeaderParameter()
                        .name(TookPlaceOn.HEADER)
                        .required(false)
                        // A pattern, not format: date, which typescript-fetch types as Date and sends as
                        // Date.toString() ("Wed Mar 18 2015 ..."): every generated client sends the text as given.
                        .schema(new StringSchema()
                                .pattern(TookPlaceOn.DATE.pattern())
                                .example("2015-03-18"))
                        .description("The day the decision was taken (an ISO 8601 date, yyyy-mm-dd), when it is"
                                + " recorded later (not after today); kept on its events beside the recording time"))
                .requestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType(
                                        "application/json",
                                        new MediaType().schema(request).example(example))))
                .responses(new ApiResponses()
                        .addApiResponse(
                                "200",
                                new ApiResponse()
                                        .description("Accepted: the record's id and new version (also as ETag)")
                                        .addHeaderObject(
                                                "ETag",
                                                new Header()
                                                        .required(true)
                                                        .description("The record's new version, for If-Match")
                                                        .schema(new StringSchema()))
                                        .addHeaderObject(
                                                CommandController.REPLAYED,
                                                new Header()
                                                        .description("true when the answer is the first answer to"
                                                                + " the same Idempotency-Key: nothing was recorded now")
                                                        .schema(new StringSchema()._enum(List.of("true"))))
                                        .content(new Content()
                                                .addMediaType(
                                                        "application/json",
                                                        new MediaType()
                                                                .schema(new Schema<>()
                                                                        .$ref("#/components/schemas/CommandAccepted"))
                                                                .example(new CommandAccepted(
                                                                        type.name(), "surveillance-pilot", 3)))))
                        .addApiResponse("400", ApiContract.problem("Malformed or invalid body, with field errors"))
                        .addApiResponse("403", ApiContract.problem("The role may not issue this command (A3)"))
                        .addApiResponse("404", ApiContract.problem("Unknown record"))
                        .addApiResponse(
                                "409",
                                ApiContract.problem(
                                        "A rule refused the command (the rule id is in 'rule'), or a concurrent change"))
                        .addApiResponse("412", ApiContract.problem("If-Match does not hold"))
                        .addApiResponse("413", ApiContract.problem("Body too large"))
                        .addApiResponse("415", ApiContract.problem("Not application/json"))
                        .addApiResponse("422", ApiContract.problem("Idempotency-Key reused with a different body")));
    }

    private static String tag(CommandType type) {
        String pkg = type.recordType().getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> withoutActor(Schema<?> schema) {
        Schema copy = new Schema<>()
                .type("object")
                .description(schema.getDescription())
                .additionalProperties(false);
        Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
        properties.remove("actor");
        copy.setProperties(properties);
        if (schema.getRequired() != null) {
            copy.setRequired(schema.getRequired().stream()
                    .filter(r -> !"actor".equals(r))
                    .toList());
        }
        return copy;
    }

    /** The schemas of the type and of the types it holds, by name. */
    @SuppressWarnings("rawtypes")
    private static Set<String> register(Components components, Class<?> type) {
        Map<String, Schema> schemas = ModelConverters.getInstance().readAll(new AnnotatedType(type));
        schemas.forEach(components::addSchemas);
        return schemas.keySet();
    }
}
