package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiers: a function's first compilation is quick unless it has a loop; quick code entered
 * PYJIT_OPTIMISE_AFTER times (1000 by default) is compiled again, optimised, and the frames after
 * that run the new code, even where frames of the quick code are still on the stack or suspended.
 */
class TieringTest {
    private static final Path PROGRAM = Path.of("src/test/resources/cli-cases/tiers.py").toAbsolutePath();
    private static final String OUTPUT = "90\n4501500\n40\n12497500\n3377250\n4950\n";

    @TempDir
    Path directory;

    private JitStatsFile run(Map<String, String> environment) throws Exception {
        Path stats = directory.resolve("stats.json");
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("PYJIT_THRESHOLD", "0");
        all.put("PYJIT_STATS", stats.toString());
        Pyjit.Outcome outcome = Pyjit.run(all, null, PROGRAM.getParent(), "run", PROGRAM.toString());
        assertEquals(new Pyjit.Outcome(0, OUTPUT, ""), outcome);
        return JitStatsFile.read(stats);
    }

    private static void assertTier(JitStatsFile json, String name, String tier, int compilations, long minimumEntries) {
        JsonNode function = json.compiled(PROGRAM, name);
        assertTrue(function != null, () -> name + " was not compiled: " + json);
        assertEquals(tier, function.get("tier").asText(), () -> name + ": " + function);
        assertEquals(compilations, function.get("compilations").asInt(), () -> name + ": " + function);
        assertTrue(function.get("entries").asLong() >= minimumEntries, () -> name + ": " + function);
    }

    @Test
    void hotQuickCodeIsOptimisedAndLoopsAreOptimisedAtOnce() throws Exception {
        JitStatsFile json = run(Map.of());
        assertTier(json, "lukewarm", "quick", 1, 10);
        assertTier(json, "hot", "optimised", 2, 3000);
        assertTier(json, "descend", "optimised", 2, 60 * 41);
        assertTier(json, "counter", "optimised", 1, 5000);
        assertTier(json, "three", "optimised", 2, 1500 * 4);
        assertTier(json, "loops", "optimised", 1, 1);
    }

    /**
     * Compiled code that keeps handing its frames to the interpreter because the interpreter's
     * specialisations it was compiled from no longer hold is compiled again without them, once:
     * 50 frames hand over, the rest run natively to the end.
     */
    @Test
    void codeWhoseSpeculationsKeepFailingIsCompiledAgainGenerically() throws Exception {
        Path program = PROGRAM.resolveSibling("speculation_fails.py");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "5", "PYJIT_LOOP_THRESHOLD", "5", "PYJIT_STATS", stats.toString()),
                null, program.getParent(), "run", program.toString());
        assertEquals(new Pyjit.Outcome(0, "1500.0\n45\n", ""), outcome);
        JsonNode function = JitStatsFile.read(stats).compiled(program, "total");
        assertEquals(50, function.get("deopts").asInt(), function::toString);
        assertEquals(2, function.get("compilations").asInt(), function::toString);
        assertEquals(10 - 4 + 300 + 1, function.get("entries").asInt(), function::toString);
    }

    /**
     * A loop the interpreter leaves unspecialised is compiled on the speculation that its
     * iterator's next item runs no Python code; itertools.repeat's does not (random.choices loops
     * over one), and its native code used to deoptimise at every call, 50 times, until compiled
     * again without speculation.
     */
    @Test
    void aLoopOverItertoolsRepeatStaysInItsNativeCode() throws Exception {
        Path program = java.nio.file.Files.writeString(directory.resolve("repeat.py"), String.join("\n",
                "from itertools import repeat",
                "def picks(k):",
                "    return [i * 2 for i in repeat(3, k)]",
                "total = 0",
                "for n in range(300):",
                "    total += sum(picks(n % 7))",
                "print(total)",
                ""));
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "5", "PYJIT_STATS", stats.toString()), null, directory, "run",
                program.toString());
        assertEquals(new Pyjit.Outcome(0, "5382\n", ""), outcome);
        JsonNode function = JitStatsFile.read(stats).compiled(program, "picks");
        assertEquals(0, function.get("deopts").asInt(), function::toString);
        assertEquals(1, function.get("compilations").asInt(), function::toString);
        assertTrue(function.get("entries").asInt() > 290, function::toString);
    }

    @Test
    void optimiseAfterZeroOptimisesEveryFirstCompilation() throws Exception {
        JitStatsFile json = run(Map.of("PYJIT_OPTIMISE_AFTER", "0"));
        for (String name : new String[] {"lukewarm", "hot", "descend", "counter", "three", "loops"}) {
            assertTier(json, name, "optimised", 1, 1);
        }
    }
}
