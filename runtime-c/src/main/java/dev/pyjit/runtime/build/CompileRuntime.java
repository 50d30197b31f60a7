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
 *       frame evaluator enters native code.</li>
 * </ul>
 * Usage: {@code CompileRuntime <c source dir> <output dir>}.
 */
public final class CompileRuntime {
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Path clang = Toolchain.clang();
        Path include = Toolchain.pythonInclude();
        List<String> common = List.of("-O2", "-DNDEBUG", "-fPIC", "-g0", "-std=c11", "-Wall", "-Werror",
                "-I" + include, "-I" + include.resolve("internal"), "-I" + source);

        run(clang, common, "-c", "-emit-llvm", source.resolve("helpers.c").toString(),
                "-o", out.resolve("helpers.bc").toString());

        Path objects = Files.createTempDirectory("pyjit-rt");
        List<String> linkInputs = new ArrayList<>();
        for (String unit : List.of("helpers", "module")) {
            Path object = objects.resolve(unit + ".o");
            run(clang, common, "-c", source.resolve(unit + ".c").toString(), "-o", object.toString());
            linkInputs.add(object.toString());
        }
        // Undefined Py* symbols resolve against the libpython already loaded in the process,
        // as with every extension module; -nostdlib because libc is there too.
        List<String> link = new ArrayList<>(List.of("-shared", "-nostdlib", "-fuse-ld=lld",
                "-B" + clang.getParent(), "-o", out.resolve(dev.pyjit.runtime.RuntimeFiles.EXTENSION).toString()));
        link.addAll(linkInputs);
        run(clang, List.of(), link.toArray(String[]::new));
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
