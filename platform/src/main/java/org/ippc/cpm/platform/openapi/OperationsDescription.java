package org.ippc.cpm.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;

/** Operations a service describes by hand (not from a controller's annotations), before {@link ApiContract} runs. */
public interface OperationsDescription {

    void describe(OpenAPI api);
}
