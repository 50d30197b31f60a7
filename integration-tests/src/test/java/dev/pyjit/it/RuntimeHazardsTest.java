package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs where pyjit may legitimately differ from the interpreter in one stated way, or where the
 * point is that the process survives: deep recursion on native stacks, forked children.
 */
class RuntimeHazardsTest {
    private static final Path CASES = Path.of("src/test/resources/cli-cases").toAbsolutePath();

    @TempDir
    Path directory;

    private static Pyjit.Outcome compiled(Path program, Path stats) throws Exception {
        return Pyjit.run(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_STATS", stats.toString()), null, program.getParent(), "run", program.toString());
    }

    private static Pyjit.Outcome interpreted(Path program) throws Exception {
        return Pyjit.run(Map.of(), null, program.getParent(), "run", "--no-jit", program.toString());
    }

    /** Runs the case fully compiled and under the interpreter, requires identical results printing {@code expected}, and returns the stats. */
    private JitStatsFile identicalToInterpreter(Path program, String expected) throws Exception {
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome jit = compiled(program, stats);
        assertEquals(interpreted(program), jit);
        assertTrue(jit.stdout().contains(expected), jit.stdout());
        return JitStatsFile.read(stats);
    }

    @Test
    void deepRecursionInAThreadWithABigStackGoesAsDeepAsTheInterpreter() throws Exception {
        Path program = CASES.resolve("deep_recursion_thread.py");
        JitStatsFile json = identicalToInterpreter(program, "\ndepth reached: 100000\n");
        assertTrue(json.entries(program, "rec") > 100_000, "every level ran natively");
    }

    /** Reaches the depth where the interpreter does, or raises RecursionError; never crashes. */
    @Test
    void deepRecursionInAThreadWithTheDefaultStackNeverCrashes() throws Exception {
        Path program = CASES.resolve("deep_recursion_default_stack.py");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome jit = compiled(program, stats);
        Pyjit.Outcome plain = interpreted(program);
        assertEquals("depth reached: 100000\nstill running 100\n", plain.stdout());
        assertEquals(0, jit.exitCode(), jit.stderr());
        assertEquals(plain.stderr(), jit.stderr());
        assertTrue(jit.stdout().equals(plain.stdout())
                || jit.stdout().equals("RecursionError: maximum recursion depth exceeded\nstill running 100\n"), jit.stdout());
        assertTrue(JitStatsFile.read(stats).entries(program, "rec") > 1000, "rec recursed natively");
    }

    /**
     * The JVM polls for safepoints by touching a page that faults: with faulthandler's SIGSEGV
     * handler in front of the JVM's, a poll during a compilation killed the process. Safepoints
     * are forced every millisecond here; the launcher's signal chaining keeps the JVM's handler
     * first, and the program's children do not inherit the preload.
     */
    @Test
    void faulthandlerDoesNotTakeTheJvmsSignalsOver() throws Exception {
        Path program = CASES.resolve("faulthandler_compiles.py");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome jit = Pyjit.run(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_STATS", stats.toString(),
                "JAVA_TOOL_OPTIONS", "-XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=1"),
                null, program.getParent(), "run", program.toString());
        assertEquals(0, jit.exitCode(), jit.stderr());
        assertEquals("total 48940\nFalse False\n", jit.stdout());
        assertTrue(JitStatsFile.read(stats).entries(Path.of("<string>"), "f299") > 0, "the last function ran natively");
    }

    /**
     * The interpreter holds the compiler's hooks for the whole run, while JavaCPP's callbacks keep
     * only weak references to their Java objects: the compiler was collected by the first full
     * collection that met no compilation under way, and the next hook call jumped through freed
     * memory (CI's corpus runs crashed in cfunction_call now and then).
     */
    @Test
    void aFullCollectionOfTheJvmLeavesTheHooksWhole() throws Exception {
        Path program = CASES.resolve("full_gc_between_compiles.py");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        assertTrue(Files.isExecutable(jcmd), "the JDK's jcmd asks the program's JVM for a full collection: " + jcmd);
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome jit = Pyjit.run(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_SYNC", "1", "PYJIT_CACHE", "0",
                "PYJIT_STATS", stats.toString(), "JCMD", jcmd.toString()), null, program.getParent(), "run", program.toString());
        assertEquals(new Pyjit.Outcome(0, "collections survived: 2 True\n", ""), jit);
        long freshEntries = JitStatsFile.read(stats).compiledIn(Path.of("<string>")).stream()
                .filter(function -> function.get("name").asText().equals("fresh")).mapToLong(function -> function.get("entries").asLong()).sum();
        assertEquals(2, freshEntries, "each function compiled after a collection ran natively");
    }

    /**
     * Another user of co_extra: -X perf's trampolines. CPython calls each slot's free function as a
     * code object dies, also with the slots nobody set, and pyjit's took a NULL for its state (every
     * run under -X perf crashed).
     */
    @Test
    void codeExtrasOfPerfTrampolinesLeavePyjitsSlotAlone() throws Exception {
        Path program = CASES.resolve("perf_trampolines_share_co_extra.py");
        Path stats = directory.resolve("stats.json");
        // sampled, as by default: with a threshold pyjit's frame evaluator takes the trampolines' place
        Pyjit.Outcome jit = Pyjit.run(Map.of("PYJIT_SYNC", "1", "PYJIT_CACHE", "0", "PYJIT_STATS", stats.toString()), null,
                program.getParent(), "run", "-X", "perf", program.toString());
        Pyjit.Outcome plain = Pyjit.run(Map.of(), null, program.getParent(), "run", "--no-jit", "-X", "perf", program.toString());
        assertEquals(new Pyjit.Outcome(0, "total 8955350 899997\n", ""), plain);
        assertEquals(plain, jit);
        assertTrue(JitStatsFile.read(stats).compiledIn(program).stream().anyMatch(function -> function.get("entries").asLong() > 0),
                "spin ran natively: " + JitStatsFile.read(stats));
    }

    @Test
    void aForkedChildCompilesNothingAndLeavesTheStatsToItsParent() throws Exception {
        Path program = CASES.resolve("fork_child_exits.py");
        JitStatsFile json = identicalToInterpreter(program,
                "parent 45\nchild 90\nchild compiled False\nchild status 0\nstats written by the child False\n");
        assertTrue(json.entries(program, "work") > 0, json::toString);
    }
}
