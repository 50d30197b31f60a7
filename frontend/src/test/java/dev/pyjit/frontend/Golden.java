package dev.pyjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. Expected files live in the source tree, {@code src/test/resources/golden/},
 * and are read from there (not from the class path), so a re-bless takes effect without a rebuild.
 *
 * <p>With {@code -Dgolden.bless=true} the expected file is (re)written from the actual output and
 * the check passes; read the diff before committing it.
 */
public final class Golden {
    private Golden() {}

    public static boolean blessing() {
        return Boolean.parseBoolean(System.getProperty("golden.bless", "false"));
    }

    /** The module's directory: surefire runs tests there and also sets {@code basedir}. */
    static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    public static Path file(String name) {
        return moduleDirectory().resolve("src/test/resources/golden").resolve(name + ".txt");
    }

    public static void check(String name, String actual) {
        Path path = file(name);
        try {
            if (blessing()) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(path), "missing golden file " + path + "; create it with -Dgolden.bless=true");
            String expected = Files.readString(path, StandardCharsets.UTF_8);
            assertEquals(expected, actual, "output differs from golden file " + path + " (re-bless with -Dgolden.bless=true)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
