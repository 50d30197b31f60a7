package dev.pyjit.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bytedeco.javacpp.Loader;

/**
 * The compiled C runtime, packaged as resources of this module by {@code CompileRuntime}. The
 * extension module is written to a folder named by its own digest under JavaCPP's cache, where
 * CPython's importer can load it: every build of pyjit has a file of its own, so a process never
 * loads (or links its compiled code against) a runtime another build of pyjit wrote over its own
 * while it ran. The helpers' bitcode is read from the resource itself.
 */
public final class RuntimeFiles {
    public static final String EXTENSION = "_pyjit_rt.cpython-313-x86_64-linux-gnu.so";
    public static final String HELPERS_BITCODE = "helpers.bc";

    private static Path extension;

    private RuntimeFiles() {}

    /** The _pyjit_rt extension module, as a file CPython's importer can load. */
    public static synchronized Path extension() throws IOException {
        if (extension == null) {
            byte[] bytes = resource(EXTENSION);
            Path folder = Loader.getCacheDir().toPath().resolve("pyjit-runtime").resolve(digest(bytes));
            Path file = folder.resolve(EXTENSION);
            if (!Files.isRegularFile(file) || Files.size(file) != bytes.length) {
                Files.createDirectories(folder);
                // written under a name of its own, then renamed: a process that starts meanwhile sees a whole file or none
                Path partial = Files.createTempFile(folder, EXTENSION, ".partial");
                Files.write(partial, bytes);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            extension = file;
        }
        return extension;
    }

    public static byte[] helpersBitcode() throws IOException {
        return resource(HELPERS_BITCODE);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RuntimeFiles.class.getResourceAsStream("native/" + name)) {
            if (in == null) {
                throw new IOException("pyjit runtime file missing from the build: " + name);
            }
            return in.readAllBytes();
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
