package com.classifiedbilling;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.AdminProcess;
import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, as a newcomer runs it: no configuration at all. The server starts on
 * the embedded database in ./data, makes demo data and a key once, and keeps both across restarts.
 */
class EmbeddedDefaultIT {

    private static final Pattern KEY = Pattern.compile("cb_live_[A-Za-z0-9_-]{43}");

    @Test
    void shouldStartWithNoSetupPrintADemoKeyOnceAndKeepData() throws Exception {
        Path workDir = TempFolders.create("cb-embedded-it");
        Map<String, String> noSettings = new HashMap<>();
        noSettings.put("BILLING_DATABASE_URL", null);
        noSettings.put("BILLING_DATA_DIR", null);
        String key;

        try (ServerProcess server = ServerProcess.start("embedded-first", workDir, noSettings)) {
            Matcher printed = KEY.matcher(server.stdout());
            assertThat(printed.find()).as("demo key on stdout").isTrue();
            key = printed.group();
            assertThat(server.stderr()).as("the key is in no log").doesNotContain(key.substring(12));
            assertThat(Files.isDirectory(workDir.resolve("data"))).isTrue();

            assertThat(server.get("/api/me", key).statusCode()).isEqualTo(200);
            assertThat(server.get("/actuator/health", null).body()).contains("\"status\":\"UP\"");

            // the admin CLI works on the embedded database while the server holds it
            AdminProcess.Result another = AdminProcess.run(
                    workDir, noSettings, "create-key", "--email", "demo@classifiedbilling.example", "--name", "two");
            assertThat(another.exitCode()).as(another.stderr()).isZero();
            assertThat(server.get("/api/me", another.stdout().strip()).statusCode())
                    .isEqualTo(200);
        }

        try (ServerProcess again = ServerProcess.start("embedded-restart", workDir, noSettings)) {
            assertThat(KEY.matcher(again.stdout()).find())
                    .as("no second demo key")
                    .isFalse();
            assertThat(again.get("/api/me", key).statusCode()).isEqualTo(200);
        }
    }
}
