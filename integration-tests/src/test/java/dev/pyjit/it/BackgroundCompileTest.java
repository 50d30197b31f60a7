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

    /** Runs the script with the compiler on its own thread, counting calls (the default threshold of 100); checks its exit status and output, returns its stats. */
    private JitStatsFile runInBackground(Path script, int exitCode, String stdout) throws Exception {
        Path stats = directory.resolve("stats.json");
        Pyjit.Outcome outcome = Pyjit.run(Map.of("PYJIT_SYNC", "0", "PYJIT_THRESHOLD", "100", "PYJIT_STATS", stats.toString()), null, directory, script.toString());
        assertEquals(exitCode, outcome.exitCode(), outcome.stderr());
        assertEquals(stdout, outcome.stdout(), outcome.stderr());
        assertEquals("", outcome.stderr());
        return JitStatsFile.read(stats);
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
        JitStatsFile json = runInBackground(script, 0, "True True\n");
        assertTrue(json.entries(script, "add") >= 1001, json::toString);
        assertTrue(json.get("compile_queue_max").asInt() >= 1, json::toString);
        assertTrue(json.get("first_native_entry_ms").asDouble() > 0, json::toString);
        JsonNode stages = json.get("compile_ms_by_stage");
        for (String stage : new String[] {"read", "build", "ir-passes", "emit", "llvm-passes", "codegen"}) {
            assertTrue(stages.has(stage), () -> stage + " missing: " + json);
        }
        // each pass's time is a part of the passes' stage
        JsonNode passes = json.get("compile_ms_by_pass");
        double passTotal = 0;
        for (String pass : new String[] {"TypeInference", "PromoteLocals", "EliminateBoxing", "ElideImmortalRefcounts"}) {
            assertTrue(passes.has(pass), () -> pass + " missing: " + json);
            passTotal += passes.get(pass).asDouble();
        }
        assertTrue(passTotal > 0 && passTotal <= stages.get("ir-passes").asDouble(), json::toString);
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
        JitStatsFile json = runInBackground(script, 0, "45150\n");
        assertEquals(300, json.get("freed").asInt(), json::toString);
        JsonNode g = json.compiled(Path.of("<string>"), "g");
        assertNotNull(g, json::toString);
        assertEquals(300, g.get("compilations").asInt(), json::toString);
        assertTrue(g.get("entries").asLong() >= 300, () -> "each freed g was entered at least once: " + json);
    }

    @Test
    void theProgramEndsWhileFunctionsWaitToBeCompiled() throws Exception {
        // once the compiler is there (the launcher starts it as the program starts), requests flood it
        Path script = Files.writeString(directory.resolve("busy.py"), WAIT_COMPILED + String.join("\n",
                "import sys",
                "def warm_up():",
                "    pass",
                "wait_compiled(warm_up)",
                "for n in range(200):",
                "    space = {}",
                "    exec(f'def h(k):\\n    t = 0\\n    for i in range(k):\\n        t += i * {n}\\n    return t\\n', space)",
                "    space['h'](3)",
                "    space['h'](3)",  // a function with a loop is compiled at its second call
                "print('done', flush=True)",
                "sys.exit(3)",
                ""));
        JitStatsFile json = runInBackground(script, 3, "done\n");
        assertTrue(json.get("compile_queue_max").asInt() > 1, () -> "requests came faster than compilations: " + json);
        // the 200 functions share one name and place: the stats count their compilations together
        JsonNode h = json.compiled(Path.of("<string>"), "h");
        int compiled = h == null ? 0 : h.get("compilations").asInt();
        assertTrue(compiled < 200, () -> "the exit dropped the compilations not started: " + json);
        if (h == null) {
            assertEquals("still waiting to be compiled at exit", json.interpreted(Path.of("<string>"), "h").get("reason").asText(), json::toString);
        }
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
