package dev.pyjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The extension module lands in a folder named by its digest: two builds of pyjit never share the file. */
class RuntimeFilesTest {
    @Test
    void theExtensionIsWrittenUnderItsOwnDigest() throws Exception {
        byte[] packaged;
        try (InputStream in = RuntimeFiles.class.getResourceAsStream("native/" + RuntimeFiles.EXTENSION)) {
            packaged = in.readAllBytes();
        }
        Path file = RuntimeFiles.extension();
        assertArrayEquals(packaged, Files.readAllBytes(file));
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(packaged), 0, 16);
        assertEquals(digest, file.getParent().getFileName().toString());
        assertEquals(RuntimeFiles.EXTENSION, file.getFileName().toString());
        assertEquals(file, RuntimeFiles.extension(), "the same file for the whole process");
        assertTrue(RuntimeFiles.helpersBitcode().length > 0);
    }
}
