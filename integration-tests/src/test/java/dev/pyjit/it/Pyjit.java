package dev.pyjit.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the pyjit command in a fresh JVM, the way scripts/pyjit does, and captures what it did. */
final class Pyjit {
    record Outcome(int exitCode, String stdout, String stderr) {}

    private Pyjit() {}

    /**
     * The command line of a pyjit run, with the environment cleared of pyjit's own variables. The
     * program waits for each compilation ({@code PYJIT_SYNC=1}), so that what the compiler made of
     * it is the same in every run; {@code PYJIT_SYNC=0} in {@code environment} runs the compiler
     * on its own thread, as users run it. Nothing is taken from or kept in a code cache
     * ({@code PYJIT_CACHE=0}) unless {@code environment} says otherwise.
     */
    static ProcessBuilder builder(Map<String, String> environment, Path workingDirectory, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xrs", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.pyjit.cli.Main"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("PYJIT_THRESHOLD");
        builder.environment().remove("PYJIT_STATS");
        builder.environment().remove("PYJIT_DEBUG");
        builder.environment().put("PYJIT_SYNC", "1");
        builder.environment().put("PYJIT_CACHE", "0");
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
        ProcessBuilder builder = builder(environment, workingDirectory, arguments);
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
