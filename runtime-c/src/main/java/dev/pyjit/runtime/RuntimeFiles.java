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

    /** The _pyjit_rt extension module, as a file CPython's importer can load. */
    public static Path extension() throws IOException {
        return extract(EXTENSION);
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
