package org.ippc.cpm.platform.openapi;

import java.util.Set;

/** The API paths the security chain lets anyone call; the OpenAPI document says they need no sign-in. */
public record OpenPaths(Set<String> paths) {}
