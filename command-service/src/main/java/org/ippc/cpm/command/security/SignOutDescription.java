package org.ippc.cpm.command.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.ippc.cpm.platform.WithDemoUsers;
import org.ippc.cpm.platform.openapi.OperationsDescription;
import org.springframework.stereotype.Component;

/** {@code POST /api/sign-out}, which Spring Security's logout filter answers (no controller describes it). */
@Component
@WithDemoUsers
class SignOutDescription implements OperationsDescription {

    @Override
    public void describe(OpenAPI api) {
        api.path(
                "/api/sign-out",
                new PathItem()
                        .post(new Operation()
                                .operationId("signOut")
                                .tags(List.of("Sign-in"))
                                .summary("Ends the dashboard's session on every node (send X-XSRF-TOKEN with it)")
                                .responses(new ApiResponses()
                                        .addApiResponse("204", new ApiResponse().description("Signed out")))));
    }
}
