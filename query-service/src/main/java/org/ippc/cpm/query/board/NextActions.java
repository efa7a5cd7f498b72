package org.ippc.cpm.query.board;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.domain.programme.ProgrammeLifecycle;
import org.ippc.cpm.domain.programme.ProgrammeStage;
import org.ippc.cpm.domain.shared.ApiName;
import org.ippc.cpm.domain.shared.RoleTable;

/** What each stage lets a programme do next and who may do it: the lifecycle's commands with the role table's roles. */
final class NextActions {

    private static final Map<ProgrammeStage, List<NextAction>> BY_STAGE = new EnumMap<>(ProgrammeStage.class);

    static {
        for (ProgrammeStage stage : ProgrammeStage.values()) {
            BY_STAGE.put(
                    stage,
                    ProgrammeLifecycle.commandsIn(stage).stream()
                            .map(command -> new NextAction(
                                    ApiName.of(command),
                                    RoleTable.mayIssue(command).stream()
                                            .map(Enum::name)
                                            .sorted()
                                            .toList()))
                            .toList());
        }
    }

    private NextActions() {}

    static List<NextAction> in(String stage) {
        return BY_STAGE.get(ProgrammeStage.valueOf(stage));
    }
}
