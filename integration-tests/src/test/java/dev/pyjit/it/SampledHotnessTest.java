package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Without a threshold no frame evaluator is installed: hot functions are found by sampling the
 * running frame, and a function with native code is entered through a vectorcall of its own. The
 * program calls its functions through every way in (keywords, defaults, *args and **kwargs,
 * methods, closures made after the compilation, an exception), is traced and profiled after its
 * native code is in, and ends with an uncaught exception: everything it prints must be what the
 * interpreter prints, and its hot functions' native code must have run.
 */
class SampledHotnessTest {
    private static final Path PROGRAM = Path.of("src/test/resources/sampled/hot_by_sampling.py").toAbsolutePath();
    private static final Path GENERATORS = Path.of("src/test/resources/sampled/generators_by_sampling.py").toAbsolutePath();
    private static final Path PROPERTIES = Path.of("src/test/resources/sampled/properties_by_sampling.py").toAbsolutePath();

    @ParameterizedTest(name = "PYJIT_SYNC={0}")
    @ValueSource(strings = {"1", "0"})
    void hotFunctionsFoundBySamplingRunNativelyAndPrintWhatTheInterpreterPrints(String synchronous, @TempDir Path directory)
            throws Exception {
        Pyjit.Outcome outcome = sameAsInterpreted(PROGRAM, synchronous, Map.of(), directory, List.of("one_round", "add", "Box.grow"));
        assertEquals(1, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stdout().startsWith("56 True\n"), outcome.stdout());
    }

    /**
     * Runs the program under --no-jit and then sampled ({@code PYJIT_SYNC=synchronous}, with the
     * testing {@code switches}): the same outcome, which it returns, and each of the named functions ran natively.
     */
    private static Pyjit.Outcome sameAsInterpreted(Path program, String synchronous, Map<String, String> switches, Path directory,
                                                   List<String> ranNatively) throws Exception {
        Pyjit.Outcome interpreted = Pyjit.run(Map.of(), null, directory, "--no-jit", program.toString());
        Path stats = directory.resolve("stats.json");
        Map<String, String> environment = new HashMap<>(switches);
        environment.putAll(Map.of("PYJIT_SYNC", synchronous, "PYJIT_STATS", stats.toString()));
        Pyjit.Outcome jit = Pyjit.run(environment, null, directory, program.toString());
        assertEquals(interpreted, jit);
        JitStatsFile json = JitStatsFile.read(stats);
        for (String name : ranNatively) {
            assertTrue(json.entries(program, name) > 0, () -> name + " never ran natively: " + json);
        }
        return interpreted;
    }

    /**
     * Generators found hot by sampling are resumed in their native code wherever C resumes them
     * (sum(), max(), a native for loop, yield from): a generator expression, a chain of
     * generators, a delegation. After that, everything a program does with a generator looks as
     * under the interpreter: partly consumed, inspected while suspended, sent to, thrown into,
     * closed, iterated once done, iterated by its own frame, seeing its caller's exception,
     * raising StopIteration (PEP 479) and an uncaught exception through two generators.
     */
    @ParameterizedTest(name = "PYJIT_SYNC={0}")
    @ValueSource(strings = {"1", "0"})
    void hotGeneratorsAreResumedNativelyAndBehaveAsInTheInterpreter(String synchronous, @TempDir Path directory) throws Exception {
        // `delegating` only delegates: compiled all the same, so that its native resumption is tested here
        Pyjit.Outcome outcome = sameAsInterpreted(GENERATORS, synchronous, Map.of("PYJIT_COMPILE_DELEGATORS", "1"), directory,
                List.of("numbers", "evens", "running_means", "delegating", "total_of", "largest.<locals>.<genexpr>"));
        assertEquals(1, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stderr().endsWith("ValueError: failed at 6\n"), outcome.stderr());
    }

    /**
     * Property loads, which only the interpreter of sampled mode specialises, are calls of their
     * getters with the getters' bodies compiled in, for the subclasses that share a property and
     * the one that overrides it. After that every owner the site does not know loads as the
     * interpreter loads it: a plain class attribute, a getter that is no function, a type with
     * __getattr__, a class whose property was replaced, given a new getter in place and deleted,
     * an instance whose class changed, and a getter that raises, caught and uncaught.
     */
    @ParameterizedTest(name = "PYJIT_SYNC={0}")
    @ValueSource(strings = {"1", "0"})
    void propertyLoadsCallTheirGettersInlinedAndLoadAnyOtherOwnerAsTheInterpreter(String synchronous, @TempDir Path directory)
            throws Exception {
        Pyjit.Outcome outcome = sameAsInterpreted(PROPERTIES, synchronous, Map.of(), directory, List.of("measure"));
        assertEquals(1, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stdout().contains("AttributeError: 'Square' object has no attribute 'size'\n"), outcome.stdout());
        JitStatsFile json = JitStatsFile.read(directory.resolve("stats.json"));
        assertTrue(json.compiled(PROPERTIES, "measure").get("inlined").toString().contains("Shape.size"), json::toString);
        assertTrue(json.get("inlined_entries").asLong() > 0, json::toString);
    }

    /**
     * A generator expression consumed by C (sum) can be the first native code a program enters:
     * its resumption measures the thread's stack itself, which until then only a native call had.
     */
    @Test
    void aGeneratorExpressionCanBeTheFirstNativeCodeAProgramEnters(@TempDir Path directory) throws Exception {
        printsAndRunsNatively(directory, "0 True\n", "<genexpr>",
                "import _pyjit_rt, time",
                "r = range(1000)",
                "total, deadline = 0, time.monotonic() + 60",
                "while not _pyjit_rt.first_native_entry() and time.monotonic() < deadline:",
                "    total += sum(x % 7 for x in r)",
                "print(total % 2997, _pyjit_rt.first_native_entry() > 0)");
    }

    /**
     * Runs the program made of {@code lines}, waiting for each compilation: it prints
     * {@code expected}, and the function named {@code ranNatively} ran natively.
     */
    private static void printsAndRunsNatively(Path directory, String expected, String ranNatively, String... lines) throws Exception {
        Path script = Files.writeString(directory.resolve("program.py"), String.join("\n", lines) + "\n");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_STATS", stats.toString()), null, directory, script.toString());
        assertEquals(new Pyjit.Outcome(0, expected, ""), outcome);
        JitStatsFile json = JitStatsFile.read(stats);
        assertTrue(json.entries(script, ranNatively) > 0, () -> ranNatively + " never ran natively: " + json);
    }

    /**
     * A call that spends its time in a list comprehension inside a loop (the comprehension's loop
     * is covered by its hidden exception handler, where compiled code cannot be entered) moves to
     * native code at the loop around it.
     */
    @Test
    void aLoopAroundAComprehensionIsEnteredMidFrame(@TempDir Path directory) throws Exception {
        printsAndRunsNatively(directory, "2997000000\n", "render (loop at line 5)",
                "def cell(x, y):",
                "    return (x * 31 + y * 17) % 1000",
                "def render(height, width):",
                "    total = 0",
                "    for y in range(height):",
                "        total += sum([cell(x, y) for x in range(width)])",
                "    return total",
                // 0.7 s in the interpreter: the JVM attaches in its first half even on a loaded machine
                "print(render(20000, 300))");
    }

    /**
     * A program that ends while its hot function is being compiled ends as under the interpreter:
     * the request does not keep the function (and with it the module's globals) alive, so a file
     * left open is flushed and closed when they are collected.
     */
    @Test
    void aCompilationUnderWayAtExitKeepsNothingAlive(@TempDir Path directory) throws Exception {
        Path script = Files.writeString(directory.resolve("unclosed.py"), String.join("\n",
                "import sys, time",
                "def work(n):",
                "    t = 0",
                "    for i in range(n):",
                "        t += i * 3",
                "    return t",
                "out = open(sys.argv[1], 'w')",
                "out.write('result %d\\n' % work(10))",
                "end = time.monotonic() + 0.6",
                "while time.monotonic() < end:",
                "    work(50)",
                ""));
        Path written = directory.resolve("written.txt");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_SYNC", "0"), null, directory, script.toString(), written.toString());
        assertEquals(new Pyjit.Outcome(0, "", ""), outcome);
        assertEquals("result 135\n", Files.readString(written));
    }
}
