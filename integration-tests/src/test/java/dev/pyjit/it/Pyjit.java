package dev.pyjit.it;

import dev.pyjit.runtime.RuntimeFiles;
import dev.pyjit.runtime.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the pyjit command the way scripts/pyjit does, on the classes under test, and captures what
 * it did: through the native launcher, which hands what it does not take (dump, help, a usage
 * error) to {@code pyjit-jvm}, a command written here that runs the CLI on a JVM.
 */
final class Pyjit {
    record Outcome(int exitCode, String stdout, String stderr) {}

    /** Assertions on (-ea): the compiler verifies its IR after every pass. */
    private static final List<String> JVM_OPTIONS = List.of("-ea", "-Xrs", "-XX:+UseSerialGC", "-Xmn8m", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:-UsePerfData",
            "-Djava.class.path=" + System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    private static List<String> launcher;

    private Pyjit() {}

    /** The launcher's command line up to pyjit's own arguments. */
    private static synchronized List<String> launcher() throws IOException {
        if (launcher == null) {
            Path java = Path.of(System.getProperty("java.home"));
            Path jvmCommand = Files.createTempDirectory("pyjit-it").resolve("pyjit-jvm");
            StringBuilder script = new StringBuilder("#!/bin/sh\nunset PYJIT_LAUNCH\nexec '").append(java.resolve("bin/java")).append("'");
            JVM_OPTIONS.forEach(option -> script.append(" '").append(option).append("'"));
            Files.writeString(jvmCommand, script.append(" dev.pyjit.cli.Main \"$@\"\n").toString());
            Files.setPosixFilePermissions(jvmCommand, PosixFilePermissions.fromString("rwxr-xr-x"));
            jvmCommand.toFile().deleteOnExit();
            List<String> command = new ArrayList<>(List.of(RuntimeFiles.launcher().toString(), jvmCommand.toString(),
                    Toolchain.pythonHome().toString(), java.resolve("lib/server/libjvm.so").toString(),
                    Integer.toString(JVM_OPTIONS.size())));
            command.addAll(JVM_OPTIONS);
            launcher = List.copyOf(command);
        }
        return launcher;
    }

    /**
     * The command line of a pyjit run, with the environment cleared of pyjit's own variables. The
     * program waits for each compilation ({@code PYJIT_SYNC=1}), so that what the compiler made of
     * it is the same in every run; {@code PYJIT_SYNC=0} in {@code environment} runs the compiler
     * on its own thread, as users run it. Nothing is taken from or kept in a code cache
     * ({@code PYJIT_CACHE=0}) unless {@code environment} says otherwise, and no filler compiles
     * for the cache after a run ({@code PYJIT_CACHE_FILL=0}), nor stays to serve it
     * ({@code PYJIT_SERVE_SECONDS=0}): it would outlive the test.
     */
    static ProcessBuilder builder(Map<String, String> environment, Path workingDirectory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("PYJIT_THRESHOLD");
        builder.environment().remove("PYJIT_LOOP_THRESHOLD");
        builder.environment().remove("PYJIT_STATS");
        builder.environment().remove("PYJIT_DEBUG");
        builder.environment().put("PYJIT_SYNC", "1");
        builder.environment().put("PYJIT_CACHE", "0");
        builder.environment().put("PYJIT_CACHE_FILL", "0");
        builder.environment().put("PYJIT_SERVE_SECONDS", "0");
        Path signalChaining = Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
        if (Files.isRegularFile(signalChaining)) {
            builder.environment().put("LD_PRELOAD", signalChaining.toString());
            builder.environment().put("PYJIT_PRELOADED", signalChaining.toString());
        }
        builder.environment().putAll(environment);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        return builder;
    }

    static Outcome run(Map<String, String> environment, String stdin, Path workingDirectory, String... arguments)
            throws IOException, InterruptedException {
        return outcome(builder(environment, workingDirectory, arguments), stdin);
    }

    /** Runs a command line made elsewhere (a virtual environment's python, a shell) to its end. */
    static Outcome outcome(ProcessBuilder builder, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile("pyjit-out", ".txt");
        Path err = Files.createTempFile("pyjit-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("pyjit timed out: " + builder.command());
        }
        Outcome outcome = new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return outcome;
    }
}
