package org.ippc.cpm.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ippc.cpm.platform.WithDemoUsers;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What every operation of the engine shares, written into the served OpenAPI document after each service has described
 * its own operations: the sign-in of the running profile, the RFC 9457 problem with the engine's extensions, the
 * refusals any request can meet, and no schema that no operation uses.
 */
@Component
public class ApiContract implements OpenApiCustomizer {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM = "#/components/schemas/Problem";

    /** Whether people sign in as the demo users (HTTP Basic) rather than with JWTs. */
    private final boolean demoUsers;

    private final boolean rateLimited;
    private final List<OperationsDescription> described;

    private final Set<String> openPaths;

    public ApiContract(
            Environment environment, List<OperationsDescription> described, ObjectProvider<OpenPaths> openPaths) {
        this.demoUsers = environment.getProperty(WithDemoUsers.SWITCH, Boolean.class, false);
        this.rateLimited = environment.getProperty("cpm.rate-limit.enabled", Boolean.class, false);
        this.described = described;
        this.openPaths =
                openPaths.stream().flatMap(open -> open.paths().stream()).collect(Collectors.toSet());
    }

    @Override
    public void customise(OpenAPI api) {
        described.forEach(description -> description.describe(api));
        api.info(new Info()
                .title("cpm-engine")
                .version("1")
                .description("Commands, read models, live updates and the auditor's tools of the CPM implementation-"
                        + "programme lifecycle. Every refusal is application/problem+json (RFC 9457); its type is a "
                        + "rule of docs/rules.md (https://cpm-engine.ippc.int/rules/{rule}) or a status "
                        + "(https://cpm-engine.ippc.int/problems/{status}, docs/api-guide.md)."));
        // Relative: the document names no address of its own.
        api.setServers(List.of(new Server().url("/").description("The engine that serves this document")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.setSecuritySchemes(new TreeMap<>(Map.of(signIn(), scheme())));
        if (demoUsers) {
            components.getSecuritySchemes().put(SESSION, session());
        }
        components.addSchemas("Problem", problem());
        components.addSchemas("FieldError", fieldError());
        components.getSchemas().remove("ProblemDetail");
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    // An open path takes an empty requirement (anyone); every other operation needs the sign-in.
                    boolean open = openPaths.contains(path);
                    operation.setSecurity(
                            open
                                    ? List.of(new SecurityRequirement())
                                    : demoUsers
                                            ? List.of(
                                                    new SecurityRequirement().addList(signIn()),
                                                    new SecurityRequirement().addList(SESSION))
                                            : List.of(new SecurityRequirement().addList(signIn())));
                    declareCommonRefusals(operation, path.contains("{"), open);
                }));
        UnusedSchemas.remove(api);
    }

    /** The dashboard's session cookie (PasswordSignIn), an alternative to HTTP Basic where the demo users are. */
    private static final String SESSION = "session";

    private static SecurityScheme session() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE)
                .name("SESSION")
                .description("The dashboard's session from POST /api/sign-in/session (HttpOnly, SameSite=Strict);"
                        + " an unsafe request with it repeats the XSRF-TOKEN cookie in X-XSRF-TOKEN");
    }

    private String signIn() {
        return demoUsers ? "basic" : "bearer";
    }

    private SecurityScheme scheme() {
        return !demoUsers
                ? new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                                "A JWT of the configured issuer and audience naming the role (docs/operator-guide.md)")
                : new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description(
                                "A demo user (embedded profile, or cpm.security.demo-users=true); the password is the user name");
    }

    private void declareCommonRefusals(Operation operation, boolean addressesOne, boolean open) {
        ApiResponses responses = operation.getResponses();
        responses.putIfAbsent("400", problem("Malformed request: a parameter, header or body the engine cannot read"));
        if (!open) {
            responses.putIfAbsent(
                    "401",
                    problem("Not signed in, or the credentials are not valid")
                            .addHeaderObject(
                                    "WWW-Authenticate",
                                    new Header()
                                            .description("The sign-in the engine expects")
                                            .schema(new StringSchema())));
            responses.putIfAbsent(
                    "403", problem("The signed-in role may not do this (A3), or the token names no role"));
        }
        if (addressesOne) {
            responses.putIfAbsent("404", problem("No such record"));
        }
        if (rateLimited) {
            responses.putIfAbsent(
                    "429",
                    retryLater(problem("Too many requests from this user or this client address in a minute"))
                            .addHeaderObject(
                                    "RateLimit-Policy",
                                    new Header()
                                            .description("The quota that was spent (IETF RateLimit fields): "
                                                    + "\"user\" or \"client\", q requests per w seconds")
                                            .schema(new StringSchema()))
                            .addHeaderObject(
                                    "RateLimit",
                                    new Header()
                                            .description("What is left of it (r) and the seconds until a request is"
                                                    + " allowed again (t)")
                                            .schema(new StringSchema())));
        } else if (demoUsers && !open) {
            responses.putIfAbsent(
                    "429", retryLater(problem("Too many failed sign-ins from this address for this user")));
        }
        responses.putIfAbsent("500", problem("A fault of the engine (logged with the instance)"));
        responses.putIfAbsent("503", retryLater(problem("The database cannot be reached; nothing was changed")));
    }

    public static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(
                        new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    public static ApiResponse retryLater(ApiResponse response) {
        return response.addHeaderObject(
                "Retry-After",
                new Header()
                        .required(true)
                        .description("Seconds to wait before trying again")
                        .schema(new IntegerSchema()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problem() {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put(
                "type",
                new StringSchema()
                        .format("uri")
                        .description("https://cpm-engine.ippc.int/rules/{rule} for a rule's refusal, else "
                                + "https://cpm-engine.ippc.int/problems/{status}"));
        properties.put("title", new StringSchema().description("A short summary of the problem's type"));
        properties.put("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400)));
        properties.put("detail", new StringSchema().description("What happened, for a person to read"));
        properties.put(
                "instance", new StringSchema().format("uri-reference").description("The path the request was sent to"));
        properties.put("rule", new StringSchema().description("The spec's rule that refused it (docs/rules.md)"));
        properties.put(
                "errors",
                new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("The fields at fault (400)"));
        properties.put(
                "deadLetters",
                new ArraySchema()
                        .items(new StringSchema())
                        .description(
                                "The record's events waiting in the read models' dead-letter queue, with why (503)"));
        properties.put(
                "currentVersion",
                new IntegerSchema().format("int64").description("The record's version now (412 of an If-Match)"));
        return new ObjectSchema()
                .description("RFC 9457 problem details with the engine's extensions")
                .properties(properties)
                .required(List.of("type", "title", "status", "detail", "instance"))
                .additionalProperties(false);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> fieldError() {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put(
                "path",
                new StringSchema()
                        .description(
                                "The field's JSON path in the body (e.g. $.resource.valueUsd), or a header's name"));
        properties.put("message", new StringSchema());
        properties.put(
                "rule", new StringSchema().nullable(true).description("The rule that requires the field, if one does"));
        properties.put(
                "allowed",
                new ArraySchema().items(new StringSchema()).description("The values allowed, for a closed list"));
        return new ObjectSchema()
                .properties(properties)
                .required(List.of("path", "message"))
                .additionalProperties(false);
    }
}
