package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code cache: a second run links the code the first one compiled; a changed function is
 * compiled again; a damaged entry is ignored; a cache that cannot be written is no cache; two
 * processes filling it at once do no harm. Every function is compiled before it runs
 * ({@code PYJIT_SYNC=1}, threshold 0), so the two runs compile the same functions.
 */
class CodeCacheTest {
    private static final String PROGRAM = String.join("\n",
            "def area(w, h):",
            "    return w * h",
            "def total(items):",
            "    s = 0",
            "    for item in items:",
            "        s += area(item, item + 1)",
            "    return s",
            "def label(n):",
            "    return f'total {n}'",
            "print(label(total(range(10))))",
            "");

    @TempDir
    Path directory;

    private Path script() throws IOException {
        return Files.writeString(directory.resolve("shapes.py"), PROGRAM);
    }

    /** Runs the script; checks its output, and that its three functions ran natively (compiled or from the cache). */
    private JitStatsFile run(Path script, Path cacheHome, String expectedOutput) throws Exception {
        return run(script, cacheHome, expectedOutput, Map.of());
    }

    private JitStatsFile run(Path script, Path cacheHome, String expectedOutput, Map<String, String> settings) throws Exception {
        Path stats = Files.createTempFile(directory, "stats", ".json");
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.putAll(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_CACHE", "1", "XDG_CACHE_HOME", cacheHome.toString(),
                "PYJIT_STATS", stats.toString()));
        Pyjit.Outcome outcome = Pyjit.run(environment, null, directory, script.toString());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals(expectedOutput, outcome.stdout(), outcome.stderr());
        assertEquals("", outcome.stderr());
        JitStatsFile json = JitStatsFile.read(stats);
        for (String function : List.of("area", "total", "label")) {
            assertTrue(json.entries(script, function) > 0, () -> function + " ran natively: " + json);
        }
        return json;
    }

    private static List<Path> entries(Path cacheHome) throws IOException {
        try (Stream<Path> files = Files.walk(cacheHome.resolve("pyjit"))) {
            return files.filter(file -> file.toString().endsWith(".o")).toList();
        }
    }

    /** A cache filled by one run of the script: an entry for each compilation, all of them misses. */
    private Path primed(Path script) throws Exception {
        Path cacheHome = directory.resolve("cache");
        JitStatsFile first = run(script, cacheHome, "total 330\n");
        assertTrue(first.get("cache_misses").asInt() > 0, first::toString);
        assertEquals(first.get("cache_misses").asInt(), entries(cacheHome).size(), first::toString);
        return cacheHome;
    }

    @Test
    void theSecondRunLinksWhatTheFirstCompiled() throws Exception {
        Path script = script();
        JitStatsFile second = run(script, primed(script), "total 330\n");
        assertEquals(0, second.get("cache_misses").asInt(), second::toString);
        assertEquals(second.get("compilations").asInt(), second.get("cache_hits").asInt(), second::toString);
    }

    /**
     * The build identity scripts/pyjit hands the launcher (PYJIT_BUILD, which the launcher passes
     * its JVM) names the entries in place of the compiler's jars: another build compiles again,
     * the same build links what it kept.
     */
    @Test
    void theLaunchersBuildIdentityNamesTheEntries() throws Exception {
        Path script = script();
        Path cacheHome = directory.resolve("cache");
        JitStatsFile first = run(script, cacheHome, "total 330\n", Map.of("PYJIT_BUILD", "build-one"));
        JitStatsFile other = run(script, cacheHome, "total 330\n", Map.of("PYJIT_BUILD", "build-two"));
        JitStatsFile same = run(script, cacheHome, "total 330\n", Map.of("PYJIT_BUILD", "build-one"));
        assertEquals(0, other.get("cache_hits").asInt(), other::toString);
        assertEquals(0, other.get("native_cache_hits").asInt(), other::toString);
        assertEquals(first.get("cache_misses").asInt(), other.get("cache_misses").asInt(), other::toString);
        assertEquals(0, same.get("cache_misses").asInt(), same::toString);
        assertTrue(same.get("cache_hits").asInt() > 0, same::toString);
    }

    @Test
    void aChangedFunctionIsCompiledAgainAndNothingElse() throws Exception {
        Path script = script();
        Path cacheHome = primed(script);
        Files.writeString(script, PROGRAM.replace("f'total {n}'", "f'sum {n}'"));
        JitStatsFile changed = run(script, cacheHome, "sum 330\n");
        // the function, and the module body whose constants hold its code
        assertEquals(2, changed.get("cache_misses").asInt(), changed::toString);
        assertEquals(changed.get("compilations").asInt() - 2, changed.get("cache_hits").asInt(), changed::toString);
    }

    @Test
    void aDamagedEntryIsIgnoredAndReplaced() throws Exception {
        Path script = script();
        Path cacheHome = primed(script);
        List<Path> entries = entries(cacheHome);
        for (int i = 0; i < entries.size(); i++) {
            byte[] bytes = Files.readAllBytes(entries.get(i));
            if (i % 2 == 0) {
                Files.write(entries.get(i), Arrays.copyOf(bytes, bytes.length / 2));
            } else {
                bytes[bytes.length - 7] ^= 0x5a;
                Files.write(entries.get(i), bytes);
            }
        }
        JitStatsFile damaged = run(script, cacheHome, "total 330\n");
        assertEquals(0, damaged.get("cache_hits").asInt(), damaged::toString);
        assertEquals(entries.size(), damaged.get("cache_misses").asInt(), damaged::toString);
        JitStatsFile repaired = run(script, cacheHome, "total 330\n");
        assertEquals(0, repaired.get("cache_misses").asInt(), repaired::toString);
    }

    @Test
    void aCacheThatCannotBeWrittenIsNoCache() throws Exception {
        Path script = script();
        Path notADirectory = Files.writeString(directory.resolve("file"), "in the way\n");
        run(script, notADirectory, "total 330\n");
        JitStatsFile second = run(script, notADirectory, "total 330\n");
        assertEquals(0, second.get("cache_hits").asInt(), () -> "nothing was kept by the first run: " + second);
    }

    @Test
    void twoProcessesFillingTheCacheAtOnceDoNoHarm() throws Exception {
        Path script = script();
        Path cacheHome = directory.resolve("cache");
        // with stats, as the third run: the exit hook that writes them is compiled too
        Map<String, String> environment = Map.of("PYJIT_THRESHOLD", "0", "PYJIT_CACHE", "1", "XDG_CACHE_HOME", cacheHome.toString(),
                "PYJIT_STATS", directory.resolve("concurrent.json").toString());
        Process one = Pyjit.builder(environment, directory, script.toString()).redirectErrorStream(true).start();
        Process two = Pyjit.builder(environment, directory, script.toString()).redirectErrorStream(true).start();
        for (Process process : List.of(one, two)) {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals("total 330\n", new String(process.getInputStream().readAllBytes()));
            assertEquals(0, process.exitValue());
        }
        JitStatsFile third = run(script, cacheHome, "total 330\n");
        assertEquals(0, third.get("cache_misses").asInt(), third::toString);
    }

    @Test
    void cacheInfoAndClear() throws Exception {
        Path script = script();
        Path cacheHome = primed(script);
        int kept = entries(cacheHome).size();
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", cacheHome.toString());
        Pyjit.Outcome info = Pyjit.run(environment, null, directory, "cache", "info");
        assertTrue(info.stdout().startsWith(cacheHome.resolve("pyjit") + ": " + kept + " entries"), info.stdout());
        assertFalse(info.stdout().contains("filler"), info.stdout());
        // a run's requests left for the cache filler (the filler itself is not started here)
        Path fill = Files.createDirectories(cacheHome.resolve("pyjit").resolve("fill"));
        Path spool = Files.write(fill.resolve("123.spool"), new byte[] {0});
        info = Pyjit.run(environment, null, directory, "cache", "info");
        assertTrue(info.stdout().endsWith("\n1 spool of requests waits for the cache filler\n"), info.stdout());
        // and a forked worker's, a spool for each request, named by its key
        List<Path> worker = List.of(Files.write(fill.resolve("ab01.spool"), new byte[] {0}), Files.write(fill.resolve("cd02.spool"), new byte[] {0}));
        info = Pyjit.run(environment, null, directory, "cache", "info");
        assertTrue(info.stdout().endsWith("\n3 spools of requests wait for the cache filler\n"), info.stdout());
        Pyjit.Outcome clear = Pyjit.run(environment, null, directory, "cache", "clear");
        assertEquals(cacheHome.resolve("pyjit") + ": removed " + kept + " entries\n", clear.stdout());
        assertEquals(0, entries(cacheHome).size());
        assertFalse(Files.exists(spool));
        assertFalse(worker.stream().anyMatch(Files::exists), worker::toString);
    }
}
