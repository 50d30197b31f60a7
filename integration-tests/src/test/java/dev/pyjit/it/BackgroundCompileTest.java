package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler as users run it, on its own thread: the program goes on in the interpreter while a
 * function is compiled, then runs its native code; native code of dead functions is freed; the
 * program can end at any moment. The programs wait for compilation through the runtime's
 * is_compiled(), never for a length of time.
 */
class BackgroundCompileTest {
    /** Calls f until its native code is installed (at most a minute), then once more. */
    private static final String WAIT_COMPILED = String.join("\n",
            "import _pyjit_rt, time",
            "deadline = time.monotonic() + 60",
            "def wait_compiled(f, *args):",
            "    while not _pyjit_rt.is_compiled(f.__code__) and time.monotonic() < deadline:",
            "        f(*args)",
            "    return f(*args)",
            "");

    @TempDir
    Path directory;

    private Pyjit.Outcome runInBackground(Path script, Path stats, String... options) throws Exception {
        String[] arguments = new String[options.length + 1];
        System.arraycopy(options, 0, arguments, 0, options.length);
        arguments[options.length] = script.toString();
        return Pyjit.run(Map.of("PYJIT_SYNC", "0", "PYJIT_STATS", stats.toString()), null, directory, arguments);
    }

    @Test
    void aHotFunctionRunsNativelyOnceItsCodeIsPublished() throws Exception {
        Path script = Files.writeString(directory.resolve("hot.py"), WAIT_COMPILED + String.join("\n",
                "def add(x, y):",
                "    return x + y",
                "s = wait_compiled(add, 0, 1)",
                "for i in range(1000):",
                "    s = add(s, 1)",
                "print(_pyjit_rt.is_compiled(add.__code__), s > 1000)",
                ""));
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = runInBackground(script, stats);
        assertEquals("True True\n", outcome.stdout(), outcome.stderr());
        JitStatsFile json = JitStatsFile.read(stats);
        assertTrue(json.entries(script, "add") >= 1001, json::toString);
        assertTrue(json.get("compile_queue_max").asInt() >= 1, json::toString);
        assertTrue(json.get("first_native_entry_ms").asDouble() > 0, json::toString);
        JsonNode stages = json.get("compile_ms_by_stage");
        for (String stage : new String[] {"read", "build", "ir-passes", "emit", "llvm-passes", "codegen"}) {
            assertTrue(stages.has(stage), () -> stage + " missing: " + json);
        }
    }

    @Test
    void theNativeCodeOfDeadFunctionsIsFreedAndItsEntriesStillCount() throws Exception {
        Path script = Files.writeString(directory.resolve("churn.py"), WAIT_COMPILED + String.join("\n",
                "import gc",
                "total = 0",
                "for n in range(300):",
                "    space = {}",
                "    exec(f'def g(x):\\n    return x + {n}\\n', space)",
                "    total += wait_compiled(space['g'], 1)",
                "    del space",
                "gc.collect()",
                "wait_compiled(lambda: 1)",  // its request hands the dead functions to the compiler
                "print(total)",
                ""));
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = runInBackground(script, stats);
        assertEquals("45150\n", outcome.stdout(), outcome.stderr());
        JitStatsFile json = JitStatsFile.read(stats);
        assertEquals(300, json.get("freed").asInt(), json::toString);
        JsonNode g = null;
        for (JsonNode function : json.get("compiled_functions")) {
            if (function.get("name").asText().equals("g")) {
                g = function;
            }
        }
        assertNotNull(g, json::toString);
        assertEquals(300, g.get("compilations").asInt(), json::toString);
        assertTrue(g.get("entries").asLong() >= 300, () -> "each freed g was entered at least once: " + json);
    }

    @Test
    void theProgramEndsWhileFunctionsWaitToBeCompiled() throws Exception {
        Path script = Files.writeString(directory.resolve("busy.py"), String.join("\n",
                "import sys",
                "for n in range(200):",
                "    space = {}",
                "    exec(f'def h(k):\\n    t = 0\\n    for i in range(k):\\n        t += i * {n}\\n    return t\\n', space)",
                "    space['h'](3)",
                "    space['h'](3)",  // a function with a loop is compiled at its second call
                "print('done', flush=True)",
                "sys.exit(3)",
                ""));
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = runInBackground(script, stats);
        assertEquals(3, outcome.exitCode(), outcome.stderr());
        assertEquals("done\n", outcome.stdout());
        assertEquals("", outcome.stderr());
        JitStatsFile json = JitStatsFile.read(stats);
        assertEquals(json.get("seen").asInt(), json.get("compiled").asInt() + json.get("interpreted").asInt(), json::toString);
        assertTrue(json.get("compile_queue_max").asInt() > 1, () -> "requests came faster than compilations: " + json);
    }

    @Test
    void aFunctionTooLargeToCompileStaysInterpretedWithItsReason() throws Exception {
        StringBuilder body = new StringBuilder("def big(x):\n");
        for (int i = 0; i < 2000; i++) {
            body.append("    x = x + ").append(i).append('\n');
        }
        body.append("    return x\n");
        Path script = Files.writeString(directory.resolve("big.py"), body + "print(big(0))\n");
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_THRESHOLD", "0", "PYJIT_STATS", stats.toString()), null, directory, script.toString());
        assertEquals("1999000\n", outcome.stdout(), outcome.stderr());
        JsonNode big = JitStatsFile.read(stats).interpreted(script, "big");
        assertNotNull(big);
        assertTrue(big.get("reason").asText().startsWith("too large to compile"), big::toString);
    }
}
