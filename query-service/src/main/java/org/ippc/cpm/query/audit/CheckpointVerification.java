package org.ippc.cpm.query.audit;

import java.util.List;

/** Whether a checkpoint was signed by this engine, and whether every chain still holds its head as the checkpoint saw it. */
public record CheckpointVerification(boolean signatureValid, boolean intact, List<String> problems) {}
