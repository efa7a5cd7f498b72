package org.ippc.cpm.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.ippc.cpm.domain.shared.Nullable;

/**
 * Whether a checkpoint was signed by this engine (with its current key or one it had before a rotation), and whether
 * every chain still holds its head as the checkpoint saw it.
 */
public record CheckpointVerification(
        boolean signatureValid,

        @Nullable @Schema(description = "The key whose signature it carries; null when no key of this engine signed it")
        String keyId,

        boolean intact,
        List<String> problems) {}
