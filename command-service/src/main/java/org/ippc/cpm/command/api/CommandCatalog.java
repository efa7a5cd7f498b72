package org.ippc.cpm.command.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ippc.cpm.domain.commission.Commands;
import org.ippc.cpm.domain.seed.SeedStory;
import org.ippc.cpm.domain.shared.ApiName;
import org.ippc.cpm.domain.shared.RoleTable;
import org.ippc.cpm.domain.shared.Summary;

/**
 * Every command of the domain that people issue ({@code Commands}), as the API names and documents it: who may issue
 * it (the domain's role table), its one-line summary (the record's {@code @Summary}) and, as its example, its first
 * use in the seed story. {@code MarkActionItemOverdue} is the engine's own (C3) and has no endpoint.
 */
public final class CommandCatalog {

    private static final Map<String, CommandType> TYPES = new LinkedHashMap<>();

    static {
        Map<Class<?>, Object> examples = new LinkedHashMap<>();
        Stream.concat(SeedStory.story().stream(), SeedStory.epilogue().stream())
                .map(SeedStory.Dated::command)
                .forEach(command -> examples.putIfAbsent(command.getClass(), command));
        List<Class<?>> commands = Commands.issuedByPeople();
        for (Class<?> command : commands) {
            if (!examples.containsKey(command)) {
                throw new IllegalStateException(command.getSimpleName() + " has no example in the seed story");
            }
        }
        // In the order the story first uses them, which is the lifecycle's.
        examples.forEach((command, example) -> {
            if (commands.contains(command)) {
                add(command, example);
            }
        });
    }

    private CommandCatalog() {}

    private static void add(Class<?> command, Object example) {
        Summary summary = command.getAnnotation(Summary.class);
        if (summary == null) {
            throw new IllegalStateException(command.getSimpleName() + " says not what it does (@Summary)");
        }
        String name = ApiName.of(command);
        TYPES.put(name, new CommandType(name, command, RoleTable.mayIssue(command), example, summary.value()));
    }

    public static Optional<CommandType> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    public static Collection<CommandType> all() {
        return TYPES.values();
    }
}
