package dev.pyjit.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * The C toolchain and CPython headers that ship inside the bytedeco artifacts.
 *
 * <p>pyjit needs no system compiler: the LLVM artifact carries clang and lld, the CPython
 * artifact carries Python.h (with {@code internal/}). JavaCPP extracts them into its cache;
 * the clang executable only starts once the versioned library names it was linked against
 * exist beside it, so they are created here as links.
 */
public final class Toolchain {
    private Toolchain() {}

    public static Path clang() throws IOException {
        Path clang = Path.of(Loader.load(org.bytedeco.llvm.program.clang.class));
        Path dir = clang.getParent();
        for (String lib : List.of("libclang-cpp.so", "libLLVM.so")) {
            Path versioned = dir.resolve(lib + ".20.1");
            if (!Files.exists(versioned) && Files.exists(dir.resolve(lib))) {
                try {
                    Files.createSymbolicLink(versioned, Path.of(lib));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process made it first
                }
            }
        }
        return clang;
    }

    /** The root of the bundled CPython: bin/, lib/python3.13/, include/python3.13/, libpython3.13.so.1.0. */
    public static Path pythonHome() throws IOException {
        File home = org.bytedeco.cpython.presets.python.cachePackage();
        return home.toPath();
    }

    public static Path pythonInclude() throws IOException {
        return pythonHome().resolve("include/python3.13");
    }

    public static Path libpython() throws IOException {
        return pythonHome().resolve("libpython3.13.so.1.0");
    }
}
