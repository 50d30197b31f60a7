package dev.pyjit.llvm;

import dev.pyjit.runtime.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shared libraries of compiled code, which the C runtime loads itself (dlopen) with no JVM and
 * no LLVM in the process: an object made by {@link NativeJit#objectFile} (position-independent),
 * linked by LLVM's own linker. Its undefined symbols are CPython's and the runtime's, which the
 * process has loaded; its own calls bind to its own definitions (-Bsymbolic), as in the JIT.
 */
public final class SharedLibraries {
    private static final long TIMEOUT_SECONDS = 60;

    private SharedLibraries() {}

    public static byte[] link(byte[] object) throws IOException {
        Path folder = Files.createTempDirectory("pyjit-link");
        try {
            Path input = folder.resolve("code.o");
            Path output = folder.resolve("code.so");
            Files.write(input, object);
            Process linker = new ProcessBuilder(List.of(Toolchain.lld().toString(), "-flavor", "gnu", "-shared", "-Bsymbolic", "--build-id=none",
                    "-z", "noexecstack", "-o", output.toString(), input.toString()))
                    .redirectErrorStream(true).redirectOutput(folder.resolve("messages").toFile()).start();
            if (!linker.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                linker.destroyForcibly();
                throw new IOException("lld did not finish");
            }
            if (linker.exitValue() != 0) {
                throw new IOException("lld failed: " + Files.readString(folder.resolve("messages")).strip());
            }
            return Files.readAllBytes(output);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while linking", interrupted);
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
    }
}
