package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Reaches the depth where the interpreter does, or raises RecursionError; never crashes. */
    private void deepRecursion(String name, String reached) throws Exception {
        Path program = CASES.resolve(name);
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome jit = compiled(program, stats);
        Pyjit.Outcome plain = interpreted(program);
        assertEquals(0, jit.exitCode(), jit.stderr());
        assertEquals(plain.stderr(), jit.stderr());
        List<String> expected = plain.stdout().lines().toList();
        List<String> actual = jit.stdout().lines().toList();
        assertEquals(expected.size(), actual.size(), jit.stdout());
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i).equals(reached)) {
                String line = actual.get(i);
                assertTrue(line.equals(reached) || line.equals("RecursionError: maximum recursion depth exceeded"), line);
            } else {
                assertEquals(expected.get(i), actual.get(i));
            }
        }
        assertTrue(JitStatsFile.read(stats).entries(program, "rec") > 1000, "rec recursed natively");
    }

    @Test
    void deepRecursionInAThreadWithABigStackGoesAsDeepAsTheInterpreter() throws Exception {
        Path program = CASES.resolve("deep_recursion_thread.py");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome jit = compiled(program, stats);
        assertEquals(interpreted(program), jit);
        assertTrue(jit.stdout().contains("depth reached: 100000"), jit.stdout());
        assertTrue(JitStatsFile.read(stats).entries(program, "rec") > 100_000, "every level ran natively");
    }

    @Test
    void deepRecursionInAThreadWithTheDefaultStackNeverCrashes() throws Exception {
        deepRecursion("deep_recursion_default_stack.py", "depth reached: 100000");
    }

    @Test
    void aForkedChildCompilesNothingAndLeavesTheStatsToItsParent() throws Exception {
        Path program = CASES.resolve("fork_child_exits.py");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome jit = compiled(program, stats);
        assertEquals(interpreted(program), jit);
        assertEquals("parent 45\nchild 90\nchild status 0\n", jit.stdout());
        JitStatsFile json = JitStatsFile.read(stats);
        assertTrue(json.entries(program, "work") > 0, json::toString);
        assertEquals(null, json.compiled(program, "first_called_in_child"), "nothing is compiled in the child: " + json);
    }
}
