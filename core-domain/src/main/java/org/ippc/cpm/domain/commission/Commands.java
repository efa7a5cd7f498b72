package org.ippc.cpm.domain.commission;

import java.lang.reflect.Executable;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.RoleTable;

/**
 * The domain's one list of commands, read off its handlers (the aggregates and the handlers that span them, as
 * {@link CommissionModule} registers them): the command API, its documentation and its role checks follow from it.
 */
public final class Commands {

    /** Every command any handler takes, by name. */
    public static final List<Class<?>> ALL = Stream.concat(
                    AggregateTypes.ALL.stream(), CommissionModule.SPANNING.keySet().stream())
            .flatMap(handler -> Stream.<Executable>concat(
                    Stream.of(handler.getDeclaredMethods()), Stream.of(handler.getDeclaredConstructors())))
            .filter(executable -> executable.isAnnotationPresent(CommandHandler.class))
            .<Class<?>>map(executable -> executable.getParameterTypes()[0])
            .distinct()
            .sorted(Comparator.comparing(Class::getSimpleName))
            .toList();

    private Commands() {}

    /** The commands people issue: all but those only the engine issues itself (C3's {@code MarkActionItemOverdue}). */
    public static List<Class<?>> issuedByPeople() {
        return ALL.stream()
                .filter(command -> !RoleTable.mayIssue(command).equals(EnumSet.of(Role.ENGINE)))
                .toList();
    }
}
