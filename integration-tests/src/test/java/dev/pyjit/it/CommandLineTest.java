package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyjit.runtime.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pyjit behaves like python3.13 at the command line: arguments, streams, exit statuses, errors. */
class CommandLineTest {
    @TempDir
    Path directory;

    private Pyjit.Outcome pyjit(String... arguments) throws Exception {
        return Pyjit.run(Map.of(), null, directory, arguments);
    }

    @Test
    void scriptArgumentsReachSysArgvAndPathZeroIsTheScriptsDirectory() throws Exception {
        Path script = Files.writeString(directory.resolve("args.py"), "import sys\nprint(sys.argv)\nprint(sys.path[0])\n");
        Pyjit.Outcome outcome = pyjit(script.toString(), "a", "-b", "--c");
        assertEquals(0, outcome.exitCode());
        assertEquals("['" + script + "', 'a', '-b', '--c']\n" + directory.toRealPath() + "\n", outcome.stdout());
    }

    @Test
    void runIsTheDefaultSubcommand() throws Exception {
        assertEquals("3\n", pyjit("run", "-c", "print(1 + 2)").stdout());
        assertEquals("3\n", pyjit("-c", "print(1 + 2)").stdout());
    }

    @Test
    void dashCSetsArgvZeroAndKeepsArgumentsThatLookLikeOptions() throws Exception {
        Pyjit.Outcome outcome = pyjit("-c", "import sys; print(sys.argv)", "x", "--no-jit");
        assertEquals("['-c', 'x', '--no-jit']\n", outcome.stdout());
    }

    /** CPython's options as python3.13 takes them: alone, together, with their values joined or apart, before the program. */
    @Test
    void cpythonOptionsInEverySpellingReachTheInterpreter() throws Exception {
        String show = "import sys; f = sys.flags; print(f.ignore_environment, f.optimize, f.quiet, f.dev_mode, "
                + "f.bytes_warning, f.no_site, sys.stdout.write_through, sys.warnoptions, sys.argv[1:])";
        String expected = "1 2 1 True 1 1 True ['default', 'error', 'default::BytesWarning'] ['-E', 'x']\n";  // as python3.13 prints it
        Path script = Files.writeString(directory.resolve("flags.py"), show + "\n");
        for (String[] spelling : new String[][] {
                {"-u", "-E", "-O", "-O", "-q", "-b", "-S", "-X", "dev", "-W", "error", "-c", show, "-E", "x"},
                {"-uE", "-OO", "-qbS", "-Xdev", "-Werror", "-c", show, "-E", "x"},
                {"-uEOOqbSXdev", "-Werror", "-c" + show, "-E", "x"},
                {"--no-jit", "-uE", "-OO", "-qbS", "-X", "dev", "-W", "error", "-c", show, "-E", "x"},
                {"-uEOOqbS", "-X", "dev", "-Werror", script.toString(), "-E", "x"}}) {
            Pyjit.Outcome outcome = pyjit(spelling);
            assertEquals(new Pyjit.Outcome(0, expected, ""), outcome, String.join(" ", spelling));
        }
    }

    /**
     * A program starts with the modules python3.13 starts with, and under the JIT the runtime's
     * extension besides, with the two built-in modules it imports: the launcher and the start-up
     * load their files through the import system's own modules, not importlib.util.
     */
    @Test
    void aProgramStartsWithTheModulesPython313StartsWith() throws Exception {
        String show = "import sys; print(' '.join(sorted(sys.modules)))";
        Path python = Toolchain.pythonHome().resolve("bin").resolve("python3.13");
        Pyjit.Outcome reference = Pyjit.outcome(new ProcessBuilder(python.toString(), "-c", show).directory(directory.toFile()), null);
        assertEquals(0, reference.exitCode(), reference.stderr());
        assertEquals(reference, pyjit("--no-jit", "-c", show));
        TreeSet<String> withRuntime = new TreeSet<>(List.of(reference.stdout().strip().split(" ")));
        withRuntime.addAll(List.of("_pyjit_rt", "atexit", "itertools"));
        assertEquals(new Pyjit.Outcome(0, String.join(" ", withRuntime) + "\n", ""), pyjit("-c", show));
    }

    @Test
    void systemExitCodeIsTheExitStatus() throws Exception {
        assertEquals(4, pyjit("-c", "raise SystemExit(4)").exitCode());
        Pyjit.Outcome message = pyjit("-c", "import sys; sys.exit('bye')");
        assertEquals(1, message.exitCode());
        assertEquals("bye\n", message.stderr());
    }

    @Test
    void uncaughtExceptionFromCompiledCodePrintsTracebackAndExitsWithOne() throws Exception {
        Path script = Files.writeString(directory.resolve("boom.py"), "def f():\n    return 1 / 0\nf()\n");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_STATS", stats.toString()), null, directory, script.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals("Traceback (most recent call last):\n"
                + "  File \"" + script + "\", line 3, in <module>\n"
                + "    f()\n"
                + "    ~^^\n"
                + "  File \"" + script + "\", line 2, in f\n"
                + "    return 1 / 0\n"
                + "           ~~^~~\n"
                + "ZeroDivisionError: division by zero\n", outcome.stderr());
        assertEquals(1, JitStatsFile.read(stats).entries(script, "f"), "f raised from native code");
    }

    @Test
    void syntaxErrorReadsLikeCPython() throws Exception {
        Pyjit.Outcome outcome = pyjit("-c", "x = (");
        assertEquals(1, outcome.exitCode());
        assertEquals("  File \"<string>\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n", outcome.stderr());
    }

    @Test
    void missingScriptIsReportedWithItsPath() throws Exception {
        Pyjit.Outcome outcome = pyjit(directory.resolve("nope.py").toString());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.stderr().contains("can't open file '" + directory.resolve("nope.py") + "'"), outcome.stderr());
    }

    @Test
    void moduleRunsWithDashM() throws Exception {
        Files.writeString(directory.resolve("greet.py"), "import sys\nprint('hello from', __name__, sys.argv[1:])\n");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYTHONPATH", directory.toString()), null, directory, "-m", "greet", "x");
        assertEquals("hello from __main__ ['x']\n", outcome.stdout());
    }

    @Test
    void programFromStandardInput() throws Exception {
        Pyjit.Outcome outcome = Pyjit.run(Map.of(), "import sys\nprint(sys.argv, 6 * 7)\n", directory, "-", "q");
        assertEquals("['-', 'q'] 42\n", outcome.stdout());
    }

    @Test
    void unknownOptionPrintsUsageAndExitsWithTwo() throws Exception {
        Pyjit.Outcome outcome = pyjit("--bogus", "x.py");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.stderr().contains("Unknown option: '--bogus'"), outcome.stderr());
        assertTrue(outcome.stderr().contains("Usage: pyjit run"), outcome.stderr());
    }

    @Test
    void statsGoToStderrOnlyWhenAskedAndNeverToStdout() throws Exception {
        String program = "def f(x):\n    return x * 2\nprint(f(21))\n";
        Path script = Files.writeString(directory.resolve("stats.py"), program);
        Pyjit.Outcome quiet = Pyjit.run(Map.of("PYJIT_THRESHOLD", "0"), null, directory, script.toString());
        assertEquals("42\n", quiet.stdout());
        assertEquals("", quiet.stderr());
        Pyjit.Outcome loud = Pyjit.run(Map.of(), null, directory, "--threshold", "0", "--jit-stats", script.toString());
        assertEquals("42\n", loud.stdout());
        JsonNode stats = new ObjectMapper().readTree(loud.stderr());
        assertTrue(stats.get("compiled_functions").findValuesAsText("name").contains("f"), loud.stderr());
        assertTrue(Files.readString(script).equals(program), "a bare --jit-stats never takes the script as its file");
    }

    @Test
    void unsupportedFunctionsAreListedWithTheirReason() throws Exception {
        Path script = Files.writeString(directory.resolve("big.py"),
                "def g():\n    x = 0\n" + "    x += 1\n".repeat(1500) + "    return x\nprint(g())\n");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_STATS", stats.toString()), null, directory, script.toString());
        assertEquals("1500\n", outcome.stdout());
        JitStatsFile json = JitStatsFile.read(stats);
        JsonNode g = json.interpreted(script, "g");
        assertNotNull(g, json::toString);
        assertEquals("too large to compile: 7505 bytecode instructions (at most 6000)", g.get("reason").asText());
    }

    /**
     * The interpreter specialises a hot call site to enter the callee's frame directly; the
     * callee's calls must still be counted, so a function without a loop, called from one loop,
     * reaches the threshold and is compiled.
     */
    @Test
    void aFunctionCalledFromOneHotCallSiteReachesTheThreshold() throws Exception {
        Path script = Files.writeString(directory.resolve("hot.py"), String.join("\n",
                "def add(x, y):",
                "    return x + y",
                "s = 0.0",
                "for i in range(1000):",
                "    s = add(s, 1.0)",
                "print(s)",
                ""));
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_STATS", stats.toString()), null, directory, "--threshold", "100", script.toString());
        assertEquals("1000.0\n", outcome.stdout(), outcome.stderr());
        JitStatsFile json = JitStatsFile.read(stats);
        JsonNode add = json.compiled(script, "add");
        assertNotNull(add, json::toString);
        assertEquals(1, add.get("compilations").asInt(), json::toString);
        assertEquals(1000 - 100 + 1, add.get("entries").asLong(), () -> "entered from its threshold call on: " + json);
    }

    /** Calls that keep failing the entry guards get the function compiled again, for their types too. */
    @Test
    void aSpecialisationThatKeepsFailingIsReplaced() throws Exception {
        Path script = Files.writeString(directory.resolve("respec.py"), String.join("\n",
                "def scale(x, k):",
                "    t = 0",
                "    for i in range(3):",
                "        t = t + x * k",
                "    return t",
                "print(scale(1.5, 2.0))",
                "print(sum(scale(i, 3) for i in range(200)))",
                ""));
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "100", "PYJIT_STATS", stats.toString()), null, directory, script.toString());
        assertEquals("9.0\n179100\n", outcome.stdout(), outcome.stderr());
        JitStatsFile json = JitStatsFile.read(stats);
        JsonNode scale = json.compiled(script, "scale");
        assertNotNull(scale, json::toString);
        assertEquals(2, scale.get("compilations").asInt(), "first for floats, then generically: " + json);
        assertNull(scale.get("specialised_for"), "the last compilation is generic: " + json);
        assertTrue(scale.get("entries").asLong() > 1, json::toString);
    }

    /**
     * A speculation that keeps failing hands 50 frames to the interpreter, then the function is
     * compiled generically on the compiler's thread, and until that code is there its frames run
     * in the interpreter rather than deoptimising each: however long the compiler takes, the count
     * stays at 50.
     */
    @Test
    void deoptimisationsStopWhileTheGenericCodeIsCompiled() throws Exception {
        Path script = Files.writeString(directory.resolve("storm.py"), String.join("\n",
                "import time, _pyjit_rt",
                "class P:",
                "    def __init__(self, x, y):",
                "        self.x = x",
                "        self.y = y",
                "def add(p):",
                "    return p.x + p.y",
                "floats = P(1.5, 2.5)",
                "deadline = time.monotonic() + 60",
                "while not _pyjit_rt.is_compiled(add.__code__) and time.monotonic() < deadline:",
                "    for i in range(1000):",
                "        add(floats)",
                "ints = P(1, 2)",
                "total = 0",
                "for i in range(300000):",
                "    total += add(ints)",
                "print(total)",
                ""));
        Path stats = directory.resolve("stats.json");
        // hot code found by sampling, compiled on the compiler's thread
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_SYNC", "0", "PYJIT_STATS", stats.toString()), null, directory, script.toString());
        assertEquals("900000\n", outcome.stdout(), outcome.stderr());
        JsonNode add = JitStatsFile.read(stats).compiled(script, "add");
        assertNotNull(add, outcome.stderr());
        assertEquals(50, add.get("deopts").asInt(), add::toString);
        // each where it happened: the line of the float addition
        assertEquals("{\"7\":50}", add.get("deopt_lines").toString(), add::toString);
        assertEquals(2, add.get("compilations").asInt(), () -> "for floats, then generically: " + add);
    }

    @Test
    void noJitCompilesNothing() throws Exception {
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "0"), null, directory,
                "--no-jit", "--jit-stats=" + stats, "-c", "def f(): return 1\nprint(f())");
        assertEquals("1\n", outcome.stdout());
        String json = Files.readString(stats);
        assertTrue(json.contains("\"compiled\" : 0") && json.contains("\"seen\" : 0"), json);
    }
}
