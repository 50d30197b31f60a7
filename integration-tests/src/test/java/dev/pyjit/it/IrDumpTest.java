package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PYJIT_DUMP_IR=FILE}: the IR of each function compiled in a run, as the run's own profile shaped it. */
class IrDumpTest {
    @TempDir
    Path directory;

    @Test
    void theIrOfAFunctionCompiledInTheRunShowsWhatTheInterpreterHadSpecialised() throws Exception {
        Path script = Files.writeString(directory.resolve("dumped.py"), String.join("\n",
                "def scale(xs, k):",
                "    total = 0.0",
                "    for x in xs:",
                "        total += x * k",
                "    return total",
                "for _ in range(3):",
                "    print(scale([0.5, 1.5] * 20, 2.0))",
                ""));
        Path ir = directory.resolve("ir.txt");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "100", "PYJIT_LOOP_THRESHOLD", "2", "PYJIT_OPTIMISE_AFTER", "0", "PYJIT_SYNC", "1",
                "PYJIT_DUMP_IR", ir.toString(), "PYJIT_STATS", stats.toString()), null, directory, script.toString());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals("80.0\n80.0\n80.0\n", outcome.stdout());
        assertTrue(JitStatsFile.read(stats).entries(script, "scale") > 0, "scale ran natively");
        String text = Files.readString(ir);
        assertTrue(text.contains("# " + script + ":1 scale, optimised, args [Object, Float]\nfunction scale {"), text);
        // the interpreter's BINARY_OP_MULTIPLY_FLOAT became unboxed arithmetic: only a live profile says so
        String scale = text.substring(text.indexOf("function scale {"));
        assertTrue(scale.contains("FloatArith<MULTIPLY>"), scale);
    }
}
