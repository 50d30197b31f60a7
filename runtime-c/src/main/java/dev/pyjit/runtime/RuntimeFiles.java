package dev.pyjit.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;

/**
 * The compiled C runtime, packaged as resources of this module by {@code CompileRuntime}
 * and extracted to JavaCPP's cache on first use.
 */
public final class RuntimeFiles {
    public static final String EXTENSION = "_pyjit_rt.cpython-313-x86_64-linux-gnu.so";
    public static final String HELPERS_BITCODE = "helpers.bc";

    private RuntimeFiles() {}

    /** The directory holding the extension module, to put on sys.path. */
    public static Path extensionDirectory() throws IOException {
        return extract(EXTENSION).getParent();
    }

    public static byte[] helpersBitcode() throws IOException {
        return Files.readAllBytes(extract(HELPERS_BITCODE));
    }

    private static Path extract(String name) throws IOException {
        File file = Loader.cacheResource(RuntimeFiles.class, "native/" + name);
        if (file == null) {
            throw new IOException("pyjit runtime file missing from the build: " + name);
        }
        return file.toPath();
    }
}
