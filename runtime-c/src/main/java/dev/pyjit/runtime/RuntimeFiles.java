package dev.pyjit.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Loader;

/**
 * The compiled C runtime, packaged as resources of this module by {@code CompileRuntime}. The
 * extension module, the native launcher and the start-up's Python are written to a folder named by
 * their digest under JavaCPP's cache, where CPython's importer can load the extension and the
 * launcher finds it beside itself, with the helpers' bitcode: every build of pyjit has files of its
 * own, so a process never loads (or links its compiled code against) a runtime another build of
 * pyjit wrote over its own while it ran.
 */
public final class RuntimeFiles {
    public static final String EXTENSION = "_pyjit_rt.cpython-313-x86_64-linux-gnu.so";
    public static final String LAUNCHER = "pyjit-launch";
    /** The pyjit command without its script (front.c), which the script installs as bin/pyjit. */
    public static final String FRONT = "pyjit-front";
    public static final String STARTUP = "pyjit_startup.py";
    public static final String HELPERS_BITCODE = "helpers.bc";
    private static final List<String> WRITTEN = List.of(EXTENSION, LAUNCHER, FRONT, STARTUP, HELPERS_BITCODE);

    /**
     * The folder of the native launcher that started this process, as the pyjit command names it:
     * one that {@link #launcher} gave, with this build's files. It is taken as it is, since reading
     * and digesting the files to find it again took 30 ms of the first compilation in a new JVM.
     */
    private static final String LAUNCHED_FROM = "pyjit.runtime";

    private static Path folder;

    private RuntimeFiles() {}

    /** The _pyjit_rt extension module, as a file CPython's importer can load. */
    public static Path extension() throws IOException {
        return folder().resolve(EXTENSION);
    }

    /** The native launcher of {@code pyjit run} (its extension is the one beside it). */
    public static Path launcher() throws IOException {
        return folder().resolve(LAUNCHER);
    }

    /** The pyjit command as a program of its own, beside the launcher it starts. */
    public static Path front() throws IOException {
        return folder().resolve(FRONT);
    }

    /** The Python module that sets a process up for the program ({@code start()}). */
    public static Path startup() throws IOException {
        return folder().resolve(STARTUP);
    }

    private static synchronized Path folder() throws IOException {
        if (folder == null) {
            String launchedFrom = System.getProperty(LAUNCHED_FROM);
            folder = launchedFrom != null ? Path.of(launchedFrom) : written();
        }
        return folder;
    }

    /** This build's folder, its files written there unless they are already. */
    private static Path written() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : WRITTEN) {
            files.put(name, resource(name));
        }
        Path written = Loader.getCacheDir().toPath().resolve("pyjit-runtime").resolve(digest(files.values()));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            write(written.resolve(file.getKey()), file.getValue());
        }
        return written;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length) {
            return;
        }
        Files.createDirectories(file.getParent());
        // written under a name of its own, then renamed: a process that starts meanwhile sees a whole file or none
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        Files.write(partial, bytes);
        if (file.getFileName().toString().equals(LAUNCHER) || file.getFileName().toString().equals(FRONT)) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Read from the folder's file: a resource of the jar took 7 ms to read in a new JVM. */
    public static byte[] helpersBitcode() throws IOException {
        return Files.readAllBytes(folder().resolve(HELPERS_BITCODE));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RuntimeFiles.class.getResourceAsStream("native/" + name)) {
            if (in == null) {
                throw new IOException("pyjit runtime file missing from the build: " + name);
            }
            return in.readAllBytes();
        }
    }

    private static String digest(Iterable<byte[]> contents) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            contents.forEach(digest::update);
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
