package com.classifiedbilling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary folders for the integration tests (servers' work folders, a PostgreSQL of their own),
 * deleted with everything in them when the test JVM ends, so that a run leaves nothing in /tmp.
 */
public final class TempFolders {

    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFolders::deleteAll, "delete-temp-folders"));
    }

    private TempFolders() {}

    /** A new empty folder in the system's temporary folder, its name starting with {@code prefix}. */
    public static Path create(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        CREATED.add(folder);
        return folder;
    }

    private static void deleteAll() {
        for (Path folder : CREATED) {
            try (Stream<Path> tree = Files.walk(folder)) {
                tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException stillInUse) {
                        // a file a process still holds open; the rest goes
                    }
                });
            } catch (IOException | UncheckedIOException gone) {
                // already gone
            }
        }
    }
}
