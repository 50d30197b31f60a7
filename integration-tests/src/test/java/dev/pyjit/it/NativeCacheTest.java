package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native code cache: what one run compiled, the next loads as shared libraries in the C
 * runtime, without asking the compiler; a changed function is compiled again; a damaged entry is
 * never loaded; quick code, without a build identity, or with the cache off, no library is kept.
 * Every function is compiled before it runs ({@code PYJIT_SYNC=1}, threshold 0) and optimised at
 * once ({@code PYJIT_OPTIMISE_AFTER=0}), so runs ask for the same code.
 */
class NativeCacheTest {
    private static final String PROGRAM = String.join("\n",
            "def area(w, h):",
            "    return w * h",
            "def total(items):",
            "    s = 0.0",
            "    for item in items:",
            "        s += area(item, item + 0.5)",
            "    return s",
            "def label(n):",
            "    return f'total {n}'",
            "print(label(total([float(i) for i in range(10)])))",
            "");
    private static final String OUTPUT = "total 307.5\n";
    private static final List<String> FUNCTIONS = List.of("area", "total", "label");

    @TempDir
    Path directory;

    private Path script(String program) throws IOException {
        return Files.writeString(directory.resolve("shapes.py"), program);
    }

    private JitStatsFile run(Path script, Map<String, String> more) throws Exception {
        Path stats = Files.createTempFile(directory, "stats", ".json");
        Map<String, String> environment = new HashMap<>(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_OPTIMISE_AFTER", "0", "PYJIT_CACHE", "1",
                "XDG_CACHE_HOME", directory.resolve("cache").toString(), "PYJIT_STATS", stats.toString(), "PYJIT_BUILD", "native-cache-test"));
        environment.putAll(more);
        Pyjit.Outcome outcome = Pyjit.run(environment, null, directory, script.toString());
        assertEquals(new Pyjit.Outcome(0, OUTPUT, ""), outcome);
        JitStatsFile json = JitStatsFile.read(stats);
        for (String function : FUNCTIONS) {
            assertTrue(json.entries(script, function) > 0, () -> function + " ran natively: " + json);
        }
        return json;
    }

    private List<Path> libraries() throws IOException {
        Path cache = directory.resolve("cache").resolve("pyjit");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(file -> file.toString().endsWith(".so")).toList();
        }
    }

    private static JsonNode function(JitStatsFile json, Path script, String name) {
        for (JsonNode function : json.compiledIn(script)) {
            if (function.get("name").asText().equals(name)) {
                return function;
            }
        }
        throw new AssertionError(name + " is not in the statistics: " + json);
    }

    private static int loads(JsonNode function) {
        return function.has("native_cache_loads") ? function.get("native_cache_loads").asInt() : 0;
    }

    @Test
    void theSecondRunLoadsTheCodeWithoutTheCompiler() throws Exception {
        Path script = script(PROGRAM);
        JitStatsFile first = run(script, Map.of());
        assertEquals(0, first.get("native_cache_hits").asInt(), first::toString);
        List<Path> kept = libraries();
        assertTrue(kept.size() >= FUNCTIONS.size(), () -> "libraries kept: " + kept);
        JitStatsFile second = run(script, Map.of());
        for (String name : FUNCTIONS) {
            JsonNode function = function(second, script, name);
            assertEquals(0, function.get("compilations").asInt(), function::toString);
            assertTrue(loads(function) > 0, function::toString);
        }
        assertTrue(second.get("native_cache_hits").asInt() >= FUNCTIONS.size(), second::toString);
    }

    @Test
    void aChangedFunctionIsCompiledAgain() throws Exception {
        run(script(PROGRAM), Map.of());
        Path changed = script(PROGRAM.replace("    return w * h", "    return h * w"));
        JitStatsFile second = run(changed, Map.of());
        assertEquals(0, loads(function(second, changed, "area")), second::toString);
        assertTrue(function(second, changed, "area").get("compilations").asInt() > 0, second::toString);
        assertTrue(loads(function(second, changed, "label")) > 0, second::toString);
    }

    @Test
    void aDamagedEntryIsNeverLoaded() throws Exception {
        Path script = script(PROGRAM);
        run(script, Map.of());
        List<Path> kept = libraries();
        for (int i = 0; i < kept.size(); i++) {
            byte[] bytes = Files.readAllBytes(kept.get(i));
            if (i % 2 == 0) {
                bytes[bytes.length - 100] ^= 0x40;  // in the library, past the checked head
                Files.write(kept.get(i), bytes);
            } else {
                Files.write(kept.get(i), java.util.Arrays.copyOf(bytes, bytes.length / 2));
            }
        }
        JitStatsFile second = run(script, Map.of());
        assertEquals(0, second.get("native_cache_hits").asInt(), second::toString);
        for (String name : FUNCTIONS) {
            assertTrue(function(second, script, name).get("compilations").asInt() > 0, second::toString);
        }
    }

    /** A function called once is compiled quick, which is not kept; one with a loop is optimised at once, and kept. */
    @Test
    void onlyOptimisedCodeIsKept() throws Exception {
        Path script = script(PROGRAM);
        Map<String, String> quickFirst = Map.of("PYJIT_OPTIMISE_AFTER", "1000");
        run(script, quickFirst);
        JitStatsFile second = run(script, quickFirst);
        assertEquals(0, loads(function(second, script, "label")), second::toString);
        assertTrue(loads(function(second, script, "total")) > 0, second::toString);
    }

    @Test
    void anEntryFromAnotherBuildIsNeverFound() throws Exception {
        Path script = script(PROGRAM);
        run(script, Map.of());
        JitStatsFile other = run(script, Map.of("PYJIT_BUILD", "another-build"));
        assertEquals(0, other.get("native_cache_hits").asInt(), other::toString);
    }

    @Test
    void noLibraryIsKeptWithoutACacheOrABuildIdentity() throws Exception {
        Path script = script(PROGRAM);
        run(script, Map.of("PYJIT_CACHE", "0"));
        run(script, Map.of("PYJIT_BUILD", ""));
        assertEquals(List.of(), libraries());
    }
}
