package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PYJIT_PERF_MAP=1}: perf learns the address, size and name of every compiled function. */
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
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_PERF_MAP", "1", "PYJIT_STATS", stats.toString()),
                null, directory, script.toString());
        JitStatsFile json = JitStatsFile.read(stats);
        assertTrue(json.entries(script, "scaled_sum") > 0, "scaled_sum ran natively: " + json);
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        String[] printed = outcome.stdout().trim().split(" ");
        assertEquals("135", printed[1]);
        Path map = Path.of("/tmp", "perf-" + printed[0] + ".map");
        try {
            List<String> lines = Files.readAllLines(map);
            String line = lines.stream().filter(l -> l.contains(" pyjit_scaled_sum_")).findFirst()
                    .orElseThrow(() -> new AssertionError("scaled_sum is not in " + lines));
            String[] fields = line.split(" ");
            assertEquals(3, fields.length, line);
            assertTrue(Long.parseLong(fields[0], 16) > 0, line);
            assertTrue(Long.parseLong(fields[1], 16) > 16, "the function's size comes from the object: " + line);
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
