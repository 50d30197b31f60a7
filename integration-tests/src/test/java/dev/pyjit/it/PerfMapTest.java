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
 * {@code PYJIT_PERF_MAP=1}: perf learns the address, size and name of every compiled function, and
 * of the runtime's static helpers its object kept bodies of.
 */
class PerfMapTest {
    @TempDir
    Path directory;

    @Test
    void compiledFunctionsAreInThePerfMapOfTheProcess() throws Exception {
        Path script = Files.writeString(directory.resolve("mapped.py"), String.join("\n",
                "import os",
                "def scaled_sum(xs, k):",
                "    return sum(x * k for x in xs)",
                "print(os.getpid(), scaled_sum(range(10), 3))",
                ""));
        Path stats = directory.resolve("mapped.json");
        // optimised at once: an object keeps the runtime's static helpers it did not inline (the
        // generator expression's inert_iterator); the exported ones stay calls into the runtime
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_OPTIMISE_AFTER", "0", "PYJIT_PERF_MAP", "1",
                "PYJIT_STATS", stats.toString()), null, directory, script.toString());
        JitStatsFile json = JitStatsFile.read(stats);
        assertTrue(json.entries(script, "scaled_sum") > 0, "scaled_sum ran natively: " + json);
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        String[] printed = outcome.stdout().trim().split(" ");
        assertEquals("135", printed[1]);
        Path map = Path.of("/tmp", "perf-" + printed[0] + ".map");
        try {
            List<String> lines = Files.readAllLines(map);
            assertTrue(lines.stream().anyMatch(l -> l.matches("[0-9a-f]+ [0-9a-f]+ pyjit_scaled_sum_[0-9a-f]+")), "scaled_sum is not in " + lines);
            String helper = lines.stream().filter(l -> l.matches("[0-9a-f]+ [0-9a-f]+ \\w+ in pyjit_scaled_sum_\\w+")).findFirst()
                    .orElseThrow(() -> new AssertionError("no helper of scaled_sum's code is named in " + lines));
            String owner = helper.substring(helper.lastIndexOf(' ') + 1);
            String line = lines.stream().filter(l -> l.matches("[0-9a-f]+ [0-9a-f]+ " + owner)).findFirst()
                    .orElseThrow(() -> new AssertionError(owner + " is not in " + lines));
            String[] fields = line.split(" ");
            assertEquals(3, fields.length, line);
            long start = Long.parseLong(fields[0], 16);
            long size = Long.parseLong(fields[1], 16);
            assertTrue(start > 0, line);
            assertTrue(size > 16, "the function's size comes from the object: " + line);
            long helperStart = Long.parseLong(helper.split(" ")[0], 16);
            assertTrue(helperStart >= start + size || helperStart + Long.parseLong(helper.split(" ")[1], 16) <= start,
                    "a helper's code is beside the function's, not in it: " + line + " / " + helper);
            assertTrue(Math.abs(helperStart - start) < 1 << 20, "the helper is in the same object: " + line + " / " + helper);
        } finally {
            Files.deleteIfExists(map);
        }
    }

    @Test
    void withoutItNoMapIsWritten() throws Exception {
        Path script = Files.writeString(directory.resolve("unmapped.py"), "import os\ndef f():\n    return os.getpid()\nprint(f())\n");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_STATS", stats.toString()), null, directory, script.toString());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        JitStatsFile json = JitStatsFile.read(stats);
        assertTrue(json.entries(script, "f") > 0, "f ran natively: " + json);
        assertTrue(Files.notExists(Path.of("/tmp", "perf-" + outcome.stdout().trim() + ".map")));
    }
}
