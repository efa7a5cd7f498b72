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
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.domain.programme.ProgrammeLifecycle;
import org.ippc.cpm.domain.shared.Validation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Documents each command as its own operation, named after the command, with its schema and an example. */
@Component
class OpenApiCommands implements OpenApiCustomizer {

    private static final String PROBLEM = "application/problem+json";
    /** No control characters but tab, line feed and carriage return (InputLimits). */
    static final String NO_CONTROL_CHARACTERS = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";

    private final ObjectMapper json;

    OpenApiCommands(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(
                new Info()
                        .title("cpm-engine command API")
                        .version("1")
                        .description(
                                "Commands of the CPM implementation-programme lifecycle. The actor is the authenticated user."));
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Components components = api.getComponents();
        components.addSecuritySchemes(
                "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
        components.addSecuritySchemes(
                "bearer",
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT"));
        register(components, CommandAccepted.class);
        register(components, ProblemDetail.class);
        if (api.getPaths() == null) {
            api.setPaths(new Paths());
        }
        for (CommandType type : CommandCatalog.all()) {
            api.getPaths()
                    .addPathItem("/api/commands/" + type.name(), new PathItem().post(operation(type, components)));
        }
        components.getSchemas().forEach((name, schema) -> {
            if (!name.equals("CommandAccepted") && !name.equals("ProblemDetail")) {
                declareLimits(schema);
            }
        });
    }

    /** The limits {@link InputLimits} and the domain enforce, declared on every text, amount and date of a schema. */
    @SuppressWarnings("rawtypes")
    private static void declareLimits(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            declareLimit(property.getItems() != null ? property.getItems() : property);
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
        register(components, type.recordType());
        Schema<?> request = new Schema<>().$ref("#/components/schemas/" + simpleName + "Request");
        components.addSchemas(
                simpleName + "Request", withoutActor(components.getSchemas().get(simpleName)));
        ObjectNode example = json.valueToTree(type.example());
        example.remove("actor");
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
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
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
                                        .content(new Content()
                                                .addMediaType(
                                                        "application/json",
                                                        new MediaType()
                                                                .schema(new Schema<>()
                                                                        .$ref("#/components/schemas/CommandAccepted"))
                                                                .example(Map.of(
                                                                        "command",
                                                                        type.name(),
                                                                        "aggregateId",
                                                                        "pilot-surveillance",
                                                                        "version",
                                                                        3,
                                                                        "events",
                                                                        List.of())))))
                        .addApiResponse("400", problem("Malformed or invalid body, with field errors"))
                        .addApiResponse("401", problem("Not authenticated"))
                        .addApiResponse("403", problem("The role may not issue this command (A3)"))
                        .addApiResponse("404", problem("Unknown record"))
                        .addApiResponse(
                                "409",
                                problem(
                                        "A rule refused the command (the rule id is in 'rule'), or a concurrent change"))
                        .addApiResponse("412", problem("If-Match does not hold"))
                        .addApiResponse("413", problem("Body too large"))
                        .addApiResponse("415", problem("Not application/json"))
                        .addApiResponse("422", problem("Idempotency-Key reused with a different body")));
    }

    private static String tag(CommandType type) {
        String pkg = type.recordType().getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> withoutActor(Schema<?> schema) {
        Schema copy = new Schema<>().type("object").description(schema.getDescription());
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

    private static void register(Components components, Class<?> type) {
        ModelConverters.getInstance().readAll(new AnnotatedType(type)).forEach(components::addSchemas);
    }
}
