package dev.pyjit.runtime;

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
    private static final String STAMP = ".pyjit-extracted";
    private static Path pythonHome;

    private Toolchain() {}

    public static Path clang() throws IOException {
        Path clang = Path.of(Loader.load(org.bytedeco.llvm.program.clang.class));
        for (String lib : List.of("libclang-cpp.so", "libLLVM.so")) {
            linkVersioned(clang.resolveSibling(lib));
        }
        return clang;
    }

    /** Makes the name an LLVM executable was linked against (the library's, .20.1) where it is missing. */
    private static void linkVersioned(Path library) throws IOException {
        Path versioned = library.resolveSibling(library.getFileName() + ".20.1");
        if (!Files.exists(versioned) && Files.exists(library)) {
            try {
                Files.createSymbolicLink(versioned, library.getFileName());
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it first
            }
        }
    }

    /**
     * LLVM's linker, which makes shared libraries of compiled code for the native code cache: the
     * artifact's {@code lld}, whose GNU flavour is to be named ({@code -flavor gnu}). It needs
     * libLLVM under its versioned name beside it, as clang does.
     */
    public static synchronized Path lld() throws IOException {
        java.io.File extracted = Loader.cacheResource(org.bytedeco.llvm.global.LLVM.class, "/org/bytedeco/llvm/" + Loader.getPlatform() + "/lld");
        if (extracted == null) {
            throw new IOException("LLVM's artifact has no lld for " + Loader.getPlatform());
        }
        Path lld = extracted.toPath();
        if (!Files.isExecutable(lld) && !lld.toFile().setExecutable(true, true)) {
            throw new IOException("cannot make " + lld + " executable");
        }
        linkVersioned(lld.resolveSibling("libLLVM.so"));
        return lld;
    }

    /**
     * The root of the bundled CPython: bin/, lib/python3.13/, include/python3.13/, libpython3.13.so.1.0.
     * JavaCPP checks every file of the package against its jar on each call (a tenth of a second,
     * on every start of pyjit), so once the package is in the cache a stamp naming the jar (its
     * name and size: a released artifact never changes, wherever Maven copied it) is left beside
     * it, and while the stamp matches the jar the check is skipped.
     */
    public static synchronized Path pythonHome() throws IOException {
        if (pythonHome == null) {
            Path jar = platformJar();
            String jarStamp = jar == null ? null : jar.getFileName() + " " + Files.size(jar);
            Path stamped = jar == null ? null : Loader.getCacheDir().toPath().resolve(jar.getFileName().toString()).resolve(packagePath());
            pythonHome = stamped != null && jarStamp.equals(readStamp(stamped)) ? stamped : extractHome(jarStamp);
        }
        return pythonHome;
    }

    private static String readStamp(Path home) {
        try {
            return Files.readString(home.resolve(STAMP));
        } catch (IOException none) {
            return null;
        }
    }

    /** JavaCPP's own check and extraction; then the stamp, if the cache can take it (it is only a shortcut). */
    private static Path extractHome(String jarStamp) throws IOException {
        Path home = org.bytedeco.cpython.presets.python.cachePackage().toPath();
        if (jarStamp != null) {
            Path temporary = null;
            try {
                temporary = Files.createTempFile(home, STAMP, ".tmp");
                Files.writeString(temporary, jarStamp);
                Files.move(temporary, home.resolve(STAMP), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException readOnly) {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            }
        }
        return home;
    }

    private static String packagePath() {
        return "org/bytedeco/cpython/" + Loader.getPlatform();
    }

    /** The jar of the platform's CPython build, or null when it is not a jar on the class path. */
    private static Path platformJar() {
        java.net.URL library = Toolchain.class.getResource("/" + packagePath() + "/libpython3.13.so.1.0");
        if (library == null || !library.getProtocol().equals("jar")) {
            return null;
        }
        String path = library.getPath();
        try {
            return Path.of(new java.net.URI(path.substring(0, path.indexOf("!/"))));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    public static Path pythonInclude() throws IOException {
        return pythonHome().resolve("include/python3.13");
    }

    public static Path libpython() throws IOException {
        return pythonHome().resolve("libpython3.13.so.1.0");
    }
}
