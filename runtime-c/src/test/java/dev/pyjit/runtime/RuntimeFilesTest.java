package dev.pyjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The extension, the launcher, bin/pyjit, the start-up's Python and the helpers' bitcode land in one folder named by their digest:
 * two builds of pyjit never share a file, and the launcher finds its own extension beside it.
 */
class RuntimeFilesTest {
    @Test
    void theRuntimeIsWrittenUnderItsOwnDigest() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Path folder = RuntimeFiles.extension().getParent();
        for (String name : List.of(RuntimeFiles.EXTENSION, RuntimeFiles.LAUNCHER, RuntimeFiles.FRONT, RuntimeFiles.STARTUP, RuntimeFiles.HELPERS_BITCODE)) {
            byte[] packaged;
            try (InputStream in = RuntimeFiles.class.getResourceAsStream("native/" + name)) {
                packaged = in.readAllBytes();
            }
            digest.update(packaged);
            assertArrayEquals(packaged, Files.readAllBytes(folder.resolve(name)), name);
        }
        assertEquals(HexFormat.of().formatHex(digest.digest(), 0, 16), folder.getFileName().toString());
        assertEquals(folder.resolve(RuntimeFiles.LAUNCHER), RuntimeFiles.launcher());
        assertEquals(folder.resolve(RuntimeFiles.STARTUP), RuntimeFiles.startup());
        assertTrue(Files.isExecutable(RuntimeFiles.launcher()), "the launcher can be run");
        assertEquals(folder.resolve(RuntimeFiles.FRONT), RuntimeFiles.front());
        assertTrue(Files.isExecutable(RuntimeFiles.front()), "bin/pyjit can be run");
        assertEquals(RuntimeFiles.extension(), RuntimeFiles.extension(), "the same file for the whole process");
        assertArrayEquals(Files.readAllBytes(folder.resolve(RuntimeFiles.HELPERS_BITCODE)), RuntimeFiles.helpersBitcode());
    }
}
