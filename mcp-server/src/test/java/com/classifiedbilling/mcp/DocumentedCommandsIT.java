package com.classifiedbilling.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.NodeClients;
import com.classifiedbilling.support.NodeClients.Result;
import com.classifiedbilling.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The commands {@code docs/mcp.md} tells a newcomer to run, run as written: read from the page's
 * "Connecting" block, with only the server's address and the demo key put in for {@code
 * http://localhost:8080} and {@code cb_live_...}, by bash, on this machine's own Node and npm.
 */
class DocumentedCommandsIT {

    private static final Path PAGE = Path.of("..", "docs", "mcp.md");

    @Test
    void theInspectorCommandsOfTheMcpPageShouldWorkAsWritten() throws Exception {
        List<String> commands = commands(Files.readString(PAGE), "## Connecting");
        assertThat(commands).hasSize(2).allMatch(command -> command.startsWith("npx "));

        try (ServerProcess server = ServerProcess.startWithDemo("documented-commands", Map.of())) {
            String base = server.uri("").toString();
            for (String written : commands) {
                String command =
                        written.replace("http://localhost:8080", base).replace("cb_live_...", server.demoKey());
                assertThat(command).as("the page's address and key were put in").isNotEqualTo(written);
                // npm's cache is the other Node tests': what the commands fetch is fetched once
                Result result = NodeClients.shell(command, 300);
                assertThat(result.exitCode())
                        .as(written + "\n" + result.stderr())
                        .isZero();
                assertThat(result.stdout())
                        .as(written)
                        .contains(written.contains("tools/list") ? "\"name\": \"list_workspaces\"" : "Demo Studio");
            }
        }
    }

    /** The commands of the first {@code sh} block after this heading, continuation lines joined. */
    static List<String> commands(String page, String heading) {
        int block = page.indexOf("```sh", page.indexOf(heading));
        String body = page.substring(page.indexOf('\n', block) + 1, page.indexOf("```", block + 5));
        List<String> commands = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            command.append(line.strip());
            if (line.endsWith("\\")) {
                command.setLength(command.length() - 1);
            } else {
                commands.add(command.toString().replaceAll("\\s+", " "));
                command.setLength(0);
            }
        }
        return commands;
    }
}
