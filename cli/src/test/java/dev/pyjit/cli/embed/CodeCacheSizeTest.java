package dev.pyjit.cli.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's size comes from its size file; the entries are looked at when that says it is full. */
class CodeCacheSizeTest {
    @TempDir
    Path directory;

    private static String key(int n) {
        return String.format("%064x", n);
    }

    @Test
    void everyWriteKeepsTheSizeFileAndAFullCacheLosesItsOldestEntries() throws Exception {
        Path root = directory.resolve("pyjit");
        CodeCache cache = new CodeCache(root, 10_000);
        byte[] object = new byte[1_000];
        for (int n = 0; n < 20; n++) {
            cache.put(key(n), object);
            Files.setLastModifiedTime(rootEntry(root, n), java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (n + 1)));
        }
        long onDisk = cache.summary().bytes();
        assertTrue(onDisk <= 10_000, "trimmed to the limit: " + onDisk);
        assertEquals(onDisk, Long.parseLong(Files.readString(root.resolve("size"))), "the size file tells the truth after a trim");
        assertNull(cache.get(key(0)), "the least recently used went first");
        assertArrayEquals(object, cache.get(key(19)));
    }

    @Test
    void anotherProcessLearnsTheSizeFromTheFileWithoutLookingAtTheEntries() throws Exception {
        Path root = directory.resolve("pyjit");
        new CodeCache(root, 1 << 20).put(key(1), new byte[100]);
        long written = Long.parseLong(Files.readString(root.resolve("size")));
        new CodeCache(root, 1 << 20).put(key(2), new byte[100]);
        assertEquals(2 * written, Long.parseLong(Files.readString(root.resolve("size"))));
        assertEquals(2 * written, new CodeCache(root, 1 << 20).summary().bytes());
    }

    @Test
    void clearingForgetsTheSize() throws Exception {
        Path root = directory.resolve("pyjit");
        CodeCache cache = new CodeCache(root, 1 << 20);
        cache.put(key(1), new byte[100]);
        assertEquals(1, cache.clear());
        assertTrue(Files.notExists(root.resolve("size")));
    }

    private static Path rootEntry(Path root, int n) {
        return root.resolve(key(n).substring(0, 2)).resolve(key(n) + ".o");
    }
}
