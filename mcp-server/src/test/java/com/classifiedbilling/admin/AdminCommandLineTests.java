package com.classifiedbilling.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classifiedbilling.admin.AdminCommandLine.Command;
import com.classifiedbilling.admin.AdminCommandLine.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdminCommandLineTests {

    @Test
    void shouldParseACommandAndItsFlags() {
        AdminCommandLine line = AdminCommandLine.parse(
                new String[] {"create-user", "--email", "a@b.co", "--name", "Ann", "--plan", "Starter"});

        assertThat(line.command()).isEqualTo(Command.CREATE_USER);
        assertThat(line.option("email")).isEqualTo("a@b.co");
        assertThat(line.option("plan")).isEqualTo("Starter");
    }

    @Test
    void shouldTakeOptionalFlags() {
        AdminCommandLine line = AdminCommandLine.parse(
                new String[] {"create-workspace", "--owner", "a@b.co", "--title", "T", "--currency", "EUR"});

        assertThat(line.option("currency")).isEqualTo("EUR");
        assertThat(line.option("slug")).isNull();
    }

    @Test
    void whenRequiredFlagMissingThenUsageNamesIt() {
        assertThatThrownBy(() -> AdminCommandLine.parse(new String[] {"create-user", "--email", "a@b.co"}))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("missing --name");
    }

    @Test
    void whenUnknownCommandOrFlagOrNoValueThenUsage() {
        assertThatThrownBy(() -> AdminCommandLine.parse(new String[] {"drop-all"}))
                .hasMessageContaining("unknown command 'drop-all'");
        assertThatThrownBy(() -> AdminCommandLine.parse(new String[] {"list-keys", "--user", "x"}))
                .hasMessageContaining("'--user' is not an option of list-keys");
        assertThatThrownBy(() -> AdminCommandLine.parse(new String[] {"list-keys", "--email"}))
                .hasMessageContaining("--email needs a value");
        assertThatThrownBy(() -> AdminCommandLine.parse(new String[] {"revoke-key", "--id", "a", "--id", "b"}))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> AdminCommandLine.parse(new String[] {"revoke-key", "--id", " "}))
                .hasMessageContaining("missing --id");
    }

    @Test
    void whenUsageWrongThenExitTwoWithOneErrorLineAndNothingOnStdout() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = AdminCli.run(new String[] {"create-key", "--email", "a@b.co"}, print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "admin: missing --name; usage: admin create-key --email EMAIL --name NAME [--access full|read]"
                                + System.lineSeparator());
    }

    @Test
    void shouldListEveryCommandInTheUsage() {
        String usage = AdminCommandLine.usage();
        for (Command command : Command.values()) {
            assertThat(usage).contains("admin " + command.word);
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
