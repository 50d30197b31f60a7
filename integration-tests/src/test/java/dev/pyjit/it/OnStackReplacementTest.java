package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions that each run one long loop in one call: sampled twice in the same activation, each
 * is compiled from its loop's header and the running frame moves there at its next back edge.
 * The loops return from inside, raise, re-raise from a handler, change a local's type, nest,
 * break, use a cell, delete a local, switch a tracer on, and run inside try, finally and with
 * blocks and comprehensions, and read a file: everything printed, and the uncaught exception at the end, must be
 * what the interpreter prints, and each loop's native code must have been entered. The compiler works
 * synchronously, so the switch happens while each loop still runs; compiling on its own thread,
 * the switch comes wherever the code is published, or never, and the output is the same.
 */
class OnStackReplacementTest {
    private static final Path PROGRAM = Path.of("src/test/resources/osr/long_loops.py").toAbsolutePath();
    private static final List<String> ENTERED = List.of("floats", "returns_from_inside", "raises_at_the_end", "reraises",
            "switches_type", "nested", "while_with_break", "handler_around_the_loop", "finally_around_the_loop",
            "with_around_the_loop", "comprehension", "uncaught_through_finally", "raises_after_the_try", "reads_a_file", "with_a_cell", "deletes", "traced_midway");

    @Test
    void longLoopsMoveToNativeCodeAndPrintWhatTheInterpreterPrints(@TempDir Path directory) throws Exception {
        Pyjit.Outcome interpreted = Pyjit.run(Map.of(), null, directory, "--no-jit", PROGRAM.toString());
        assertEquals(1, interpreted.exitCode(), interpreted.stderr());
        assertTrue(interpreted.stderr().contains("ZeroDivisionError"), interpreted.stderr());
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome jit = Pyjit.run(Map.of("PYJIT_SYNC", "1", "PYJIT_STATS", stats.toString()), null, directory, PROGRAM.toString());
        assertEquals(interpreted, jit);
        JitStatsFile json = JitStatsFile.read(stats);
        for (String name : ENTERED) {
            long entries = 0;
            for (int line : loopLines(name)) {
                entries += json.entries(PROGRAM, name + " (loop at line " + line + ")");
            }
            assertTrue(entries > 0, () -> name + "'s loop never ran natively: " + json);
        }
        // a file's iterator runs Python code for its next line: the loop takes it the generic way,
        // its locals in the frame, and stays native, compiled once
        JsonNode file = json.compiled(PROGRAM, "reads_a_file (loop at line " + loopLines("reads_a_file").get(0) + ")");
        assertEquals(1, file.get("compilations").asInt(), file::toString);
        assertEquals(0, file.get("deopts").asLong(), file::toString);
    }

    @Test
    void compiledInTheBackgroundTheLoopsPrintWhatTheInterpreterPrints(@TempDir Path directory) throws Exception {
        Pyjit.Outcome interpreted = Pyjit.run(Map.of(), null, directory, "--no-jit", PROGRAM.toString());
        assertEquals(interpreted, Pyjit.run(Map.of("PYJIT_SYNC", "0"), null, directory, PROGRAM.toString()));
    }

    /**
     * The code for an outer loop asked for at its first back edge, when the inner loop had not yet
     * bound its variables: a later call, whose first back edge comes with them bound, must enter
     * too (their types were taken as the frame's then, unbound, and no later frame entered).
     */
    @Test
    void aLoopAskedForBeforeItsInnerLoopBoundItsVariablesIsEnteredLater(@TempDir Path directory) throws Exception {
        Path program = directory.resolve("outer.py");
        java.nio.file.Files.writeString(program, String.join("\n",
                "def outer(n, rows):",
                "    total = 0",
                "    for k in range(n):",
                "        if k > 0 or n < 10:",
                "            for a, b in rows:",
                "                total += a * b + k",
                "    return total",
                "print(outer(50, [(1, 2), (3, 4)]), outer(5, [(5, 6)]))",
                ""));
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome jit = Pyjit.run(Map.of("PYJIT_OSR_EVERY_LOOP", "1", "PYJIT_SYNC", "1", "PYJIT_THRESHOLD", "1000",
                "PYJIT_STATS", stats.toString()), null, directory, "run", program.toString());
        assertEquals(new Pyjit.Outcome(0, "3136 160\n", ""), jit);
        // the first call enters where it asked, the second at its first back edge, where a and b are bound
        assertEquals(2, JitStatsFile.read(stats).entries(program, "outer (loop at line 3)"), JitStatsFile.read(stats).toString());
    }

    /** The lines marked as headers of the function's loops in the program's text (the sampled frame may be in either of two nested loops). */
    private static List<Integer> loopLines(String function) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(PROGRAM);
        int definition = lines.indexOf(lines.stream().filter(line -> line.startsWith("def " + function + "(")).findFirst().orElseThrow());
        List<Integer> marked = new java.util.ArrayList<>();
        for (int i = definition + 1; i < lines.size() && !lines.get(i).startsWith("def "); i++) {
            if (lines.get(i).endsWith("# header")) {
                marked.add(i + 1);
            }
        }
        return marked;
    }
}
