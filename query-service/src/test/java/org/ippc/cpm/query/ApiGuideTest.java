package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ippc.cpm.command.HttpApi;
import org.ippc.cpm.command.api.CommandCatalog;
import org.ippc.cpm.command.api.CommandType;
import org.ippc.cpm.command.security.DemoUsers;
import org.ippc.cpm.domain.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * docs/api-guide.md has a curl example for every command, made from the command catalogue's examples; this test
 * keeps the two equal (run with -Dguide.write=true to rewrite the generated part).
 */
class ApiGuideTest {

    private static final Path GUIDE = Path.of("../docs/api-guide.md");
    private static final Pattern BLOCK =
            Pattern.compile("(<!-- commands:start -->\\n)(.*?)(<!-- commands:end -->)", Pattern.DOTALL);

    @Test
    void the_api_guide_has_a_current_example_for_every_command() throws IOException {
        String guide = Files.readString(GUIDE);
        Matcher block = BLOCK.matcher(guide);
        assertThat(block.find()).as("a generated block in " + GUIDE).isTrue();
        String expected = examples();
        if (Boolean.getBoolean("guide.write")) {
            Files.writeString(GUIDE, guide.substring(0, block.start(2)) + expected + guide.substring(block.end(2)));
            return;
        }
        assertThat(block.group(2))
                .as("docs/api-guide.md is stale: run the test with -Dguide.write=true")
                .isEqualTo(expected);
        CommandCatalog.all().forEach(type -> assertThat(expected).contains("/api/commands/" + type.name() + "\n"));
    }

    static String examples() throws IOException {
        StringBuilder text = new StringBuilder();
        for (CommandType type : CommandCatalog.all().stream()
                .sorted(Comparator.comparing(CommandType::name))
                .toList()) {
            ObjectNode body = type.exampleBody();
            String user =
                    userWith(type.allowedRoles().stream().sorted().findFirst().orElseThrow());
            text.append("### ")
                    .append(type.name())
                    .append("\n\n")
                    .append(type.summary())
                    .append(". Roles: ")
                    .append(String.join(
                            ", ",
                            type.allowedRoles().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .toList()))
                    .append(".\n\n```bash\ncurl -u ")
                    .append(user)
                    .append(':')
                    .append(user)
                    .append(" -H 'Content-Type: application/json' \\\n     -d '")
                    .append(HttpApi.JSON.writeValueAsString(body).replace("'", "'\\''"))
                    .append("' \\\n     http://localhost:8080/api/commands/")
                    .append(type.name())
                    .append("\n```\n\n");
        }
        return text.toString();
    }

    private static String userWith(Role role) {
        return DemoUsers.USERS.stream()
                .filter(u -> u.role() == role)
                .map(DemoUsers.DemoUser::name)
                .findFirst()
                .orElseThrow();
    }
}
