package dev.pyjit.runtime.build;

import dev.pyjit.runtime.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step (run by Maven in runtime-c's process-classes phase): compiles the C runtime
 * with the bundled clang into
 * <ul>
 *   <li>{@code helpers.bc}, LLVM bitcode linked into every JIT module so helpers inline;</li>
 *   <li>{@code _pyjit_rt.cpython-313-x86_64-linux-gnu.so}, the extension module whose PEP 523
 *       frame evaluator enters native code, and which runs programs for the launcher;</li>
 *   <li>{@code pyjit-launch}, the native launcher of {@code pyjit run};</li>
 *   <li>{@code pyjit-front}, the pyjit command without its script's shell;</li>
 *   <li>{@code pyjit_startup.py}, copied: the Python side of the start.</li>
 * </ul>
 * Usage: {@code CompileRuntime <c source dir> <python source dir> <output dir>}.
 */
public final class CompileRuntime {
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path python = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        Path clang = Toolchain.clang();
        Path include = Toolchain.pythonInclude();
        // the launcher's half (launch.c) creates the JVM through JNI: the JDK that builds has jni.h
        Path jni = Path.of(System.getProperty("java.home"), "include");
        List<String> common = List.of("-O2", "-DNDEBUG", "-fPIC", "-g0", "-std=c11", "-Wall", "-Werror",
                "-I" + include, "-I" + include.resolve("internal"), "-I" + source, "-I" + jni, "-I" + jni.resolve("linux"));

        run(clang, common, "-c", "-emit-llvm", source.resolve("helpers.c").toString(),
                "-o", out.resolve("helpers.bc").toString());

        Path objects = Files.createTempDirectory("pyjit-rt");
        List<String> linkInputs = new ArrayList<>();
        for (String unit : List.of("helpers", "module", "osr", "recycled", "native_cache", "cache_fill", "known_callees", "launch", "program_faults")) {
            Path object = objects.resolve(unit + ".o");
            run(clang, common, "-c", source.resolve(unit + ".c").toString(), "-o", object.toString());
            linkInputs.add(object.toString());
        }
        // Undefined Py* symbols resolve against the libpython already loaded in the process,
        // as with every extension module; -nostdlib because libc is there too. The library's calls
        // of its own functions are direct, not through its PLT (nothing interposes them): a
        // generator resumed from compiled code went through three PLT stubs.
        List<String> link = new ArrayList<>(List.of("-shared", "-nostdlib", "-fuse-ld=lld", "-Wl,-Bsymbolic-functions",
                "-B" + clang.getParent(), "-o", out.resolve(dev.pyjit.runtime.RuntimeFiles.EXTENSION).toString()));
        link.addAll(linkInputs);
        run(clang, List.of(), link.toArray(String[]::new));

        // an executable needs the C library's start files and libc: the system's, as any program's
        List<String> executable = List.of("-O2", "-g0", "-std=gnu11", "-Wall", "-Werror", "-fuse-ld=lld", "-B" + clang.getParent());
        run(clang, executable, source.resolve("launcher.c").toString(), "-o", out.resolve(dev.pyjit.runtime.RuntimeFiles.LAUNCHER).toString());
        run(clang, executable, source.resolve("front.c").toString(), "-o", out.resolve(dev.pyjit.runtime.RuntimeFiles.FRONT).toString());
        Files.copy(python.resolve(dev.pyjit.runtime.RuntimeFiles.STARTUP), out.resolve(dev.pyjit.runtime.RuntimeFiles.STARTUP),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void run(Path clang, List<String> common, String... rest) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(clang.toString());
        command.addAll(common);
        command.addAll(List.of(rest));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("failed: " + String.join(" ", command));
        }
    }
}
