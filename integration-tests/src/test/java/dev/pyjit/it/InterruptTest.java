package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C reaches a program stuck in a compiled loop: the loop polls the eval breaker, the
 * program gets KeyboardInterrupt with a traceback through the compiled frame, and the process
 * ends as CPython's does, killed by SIGINT (status 130). It also interrupts a blocking call while
 * the JVM's threads run in the process: the program's thread takes the signal, as python3's does.
 */
class InterruptTest {
    // A process started from a background job inherits SIGINT ignored, and CPython then leaves it
    // ignored: the program installs the default handler itself so the test does not depend on that.
    private static final String PROGRAM = String.join("\n",
            "import signal",
            "signal.signal(signal.SIGINT, signal.default_int_handler)",
            "def spin(n):",
            "    i = 0",
            "    while True:",
            "        i += 1",
            "        if i == n:",
            "            print('ready', flush=True)",
            "spin(100000)",
            "");

    @TempDir
    Path directory;

    @Test
    void sigintInterruptsACompiledLoop() throws Exception {
        Path script = Files.writeString(directory.resolve("spin.py"), PROGRAM);
        Path stats = directory.resolve("stats.json");
        ProcessBuilder builder = Pyjit.builder(Map.of("PYJIT_THRESHOLD", "100", "PYJIT_STATS", stats.toString()), directory, "run", script.toString());
        Path err = directory.resolve("stderr.txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine(), "the loop is running");
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "SIGINT ended the program");
        } finally {
            process.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertEquals(130, process.exitValue(), stderr);
        assertTrue(stderr.startsWith("Traceback (most recent call last):"), stderr);
        assertTrue(stderr.contains("line 9, in <module>") && stderr.contains(", in spin"), stderr);
        assertTrue(stderr.endsWith("KeyboardInterrupt\n"), stderr);
        JitStatsFile json = JitStatsFile.read(stats);
        assertEquals(1, json.entries(script, "spin"), () -> "the loop that was interrupted was compiled code: " + json);
    }

    @Test
    void sigintInterruptsABlockingCallWhileTheJvmRuns() throws Exception {
        Path script = Files.writeString(directory.resolve("sleep.py"), String.join("\n",
                "import signal, time, _pyjit_rt",
                "signal.signal(signal.SIGINT, signal.default_int_handler)",
                "def f(x):",
                "    return x + 1",
                "t, deadline = 0, time.monotonic() + 60",
                "while _pyjit_rt.compiler_phase() != 'attached' and time.monotonic() < deadline:",
                "    t = f(t)",
                "print('ready', _pyjit_rt.compiler_phase(), flush=True)",
                "start = time.monotonic()",
                "try:",
                "    time.sleep(100)",
                "except KeyboardInterrupt:",
                "    print('interrupted', time.monotonic() - start < 50, flush=True)",
                ""));
        Process process = Pyjit.builder(Map.of("PYJIT_SYNC", "0"), directory, script.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready attached", out.readLine());
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertEquals("interrupted True", out.readLine());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue());
    }
}
