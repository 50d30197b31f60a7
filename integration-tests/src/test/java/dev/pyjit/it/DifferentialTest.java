package dev.pyjit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backbone: every corpus program must print the same stdout and stderr and exit with the same
 * status under {@code --no-jit} and with every function compiled at its first call
 * ({@code PYJIT_THRESHOLD=0}). Each program's first line, {@code # jit-expect-compiled: f g},
 * names functions whose native code must really have run (their entries in the stats), so neither a
 * silent fallback to the interpreter nor native code that is never entered can pass. A second
 * line {@code # jit-threshold: N} compiles at the N-th call instead, still synchronously, so the
 * interpreter has specialised the code (its inline caches) before it is compiled;
 * {@code # jit-loop-threshold: N} does the same for code with a loop. A line
 * {@code # jit-expect-deopts: f g} names functions whose native code must have handed a frame to
 * the interpreter, so a program written to break a speculation proves that it did, and
 * {@code # jit-expect-no-deopts: f g} functions whose native code never did, so a program written
 * for a speculation proves that it held; a line
 * {@code # jit-expect-inlined[: NAMES]}, that a method's body compiled into a call ran in its place
 * (and that the bodies of the methods or functions NAMES were compiled into calls),
 * {@code # jit-expect-intrinsics} that compiled code computed a builtin's call itself,
 * {@code # jit-expect-reused-ints} that compiled code boxed ints in objects kept when ints died,
 * {@code # jit-expect-recycled-floats} that dead floats went onto the freelist straight, and
 * {@code # jit-expect-constructed-in-place} that compiled code's calls of classes made instances
 * themselves, without type.__call__. A line
 * {@code # jit-compile-delegators} compiles also the generators that only delegate by
 * {@code yield from}, which the JIT leaves to the interpreter (PYJIT_COMPILE_DELEGATORS): native
 * code's delegation, which generators with loops use, is tested in small programs that way.
 *
 * <p>The programs of {@code corpus-numpy/} run the same way with NumPy on the path: bytedeco's
 * build for this CPython, unpacked at build time (see the module's pom).
 *
 * <p>At threshold 0 every module and class body of the standard library a program imports is
 * compiled too; the programs share one code cache, made afresh for the run, so each of those is
 * compiled once per run rather than once per program. It is a native code cache too (a build
 * identity is given, as scripts/pyjit gives the launcher): code the compiler made for one program
 * (the standard library's), and in the runs below for the same program, is loaded by the runtime
 * from shared libraries, and must behave as compiled code does.
 *
 * <p>Each corpus program runs a third time with {@code PYJIT_OSR_EVERY_LOOP=1}: every frame of
 * code with a loop starts in the interpreter and goes on natively from its first back edge, so
 * each loop's returns, exceptions, deoptimisations and exits go through on-stack replacement. A
 * line {@code # jit-skip-every-loop: reason} leaves a program out of that run, and in at least
 * four of five programs of that run (most have a loop in a function) a loop must have run
 * natively that way.
 */
class DifferentialTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    /** Programs using NumPy: bytedeco's build for this CPython, its extensions linked against OpenBLAS. */
    private static final Path NUMPY_CORPUS = Path.of("src/test/resources/corpus-numpy");
    private static final Map<String, String> WITH_NUMPY = Map.of("PYTHONPATH", System.getProperty("numpy.path"),
            "LD_LIBRARY_PATH", System.getProperty("openblas.path"));
    private static final String HEADER = "# jit-expect-compiled:";
    private static final String THRESHOLD = "# jit-threshold:";
    private static final String LOOP_THRESHOLD = "# jit-loop-threshold:";
    private static final String EXPECT_DEOPTS = "# jit-expect-deopts:";
    private static final String EXPECT_NO_DEOPTS = "# jit-expect-no-deopts:";
    private static final String SKIP_EVERY_LOOP = "# jit-skip-every-loop:";
    private static final String EXPECT_INLINED = "# jit-expect-inlined";
    /** A header that requires one of the runtime's counts in the stats to be above 0, and what that count shows. */
    private record ExpectedCount(String header, String count, String shows) {}

    private static final List<ExpectedCount> EXPECTED_COUNTS = List.of(
            new ExpectedCount("# jit-expect-intrinsics", "intrinsic_results", "a builtin's call was computed by compiled code"),
            new ExpectedCount("# jit-expect-reused-ints", "reused_ints", "compiled code boxed ints in kept objects"),
            new ExpectedCount("# jit-expect-recycled-floats", "recycled_floats", "dead floats went onto the freelist straight"),
            new ExpectedCount("# jit-expect-constructed-in-place", "constructed_in_place", "compiled code made instances without type.__call__"),
            new ExpectedCount("# jit-expect-consumed", "consumed_items", "a generator's native code handed items to sum(), any(), all(), min() or max() itself"),
            new ExpectedCount("# jit-expect-unboxed-consumed", "consumed_unboxed", "a generator's native code handed such a builtin numbers it never boxed"));
    private static final String COMPILE_DELEGATORS = "# jit-compile-delegators";
    private static final AtomicInteger ranEveryLoop = new AtomicInteger();
    private static final AtomicInteger replaced = new AtomicInteger();

    private static final Path SHARED_CACHE = Path.of("target/differential-cache").toAbsolutePath();
    private static final String BUILD = "differential-test";

    @BeforeAll
    static void emptySharedCache() throws IOException {
        if (Files.exists(SHARED_CACHE)) {
            try (Stream<Path> entries = Files.walk(SHARED_CACHE)) {
                for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(entry);
                }
            }
        }
    }

    static List<Path> programs() throws IOException {
        List<Path> programs = programsIn(CORPUS);
        assertTrue(programs.size() >= 40, "the corpus has at least 40 programs");
        // -Dpyjit.corpus=TEXT: only the programs whose file names contain it (a quick check while working,
        // which says nothing of how many programs' loops were entered mid-frame)
        String only = System.getProperty("pyjit.corpus");
        return only == null ? programs : programs.stream().filter(program -> program.getFileName().toString().contains(only)).toList();
    }

    static List<Path> numpyPrograms() throws IOException {
        List<Path> programs = programsIn(NUMPY_CORPUS);
        assertTrue(programs.size() >= 6, "the NumPy corpus has at least 6 programs");
        return programs;
    }

    private static List<Path> programsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    /** Each program runs in processes of its own, so two run at once (junit-platform.properties). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    @Execution(ExecutionMode.CONCURRENT)
    void corpus(Path program) throws Exception {
        check(program, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    @Execution(ExecutionMode.CONCURRENT)
    void corpusEnteringEveryLoopMidFrame(Path program) throws Exception {
        String skipped = header(program, SKIP_EVERY_LOOP, null);
        Assumptions.assumeTrue(skipped == null, skipped);
        Path absolute = program.toAbsolutePath();
        Pyjit.Outcome interpreted = Pyjit.run(Map.of(), null, absolute.getParent(), "run", "--no-jit", absolute.toString());
        Path stats = Files.createTempFile("pyjit-stats", ".json");
        Map<String, String> jit = new HashMap<>(Map.of("PYJIT_OSR_EVERY_LOOP", "1", "PYJIT_SYNC", "1", "PYJIT_THRESHOLD", header(program, THRESHOLD, "0"),
                "PYJIT_STATS", stats.toString(), "PYJIT_CACHE", "1", "XDG_CACHE_HOME", SHARED_CACHE.toString(), "PYJIT_BUILD", BUILD));
        jit.putAll(switches(program));
        Pyjit.Outcome replacing = Pyjit.run(jit, null, absolute.getParent(), "run", absolute.toString());
        assertEquals(interpreted, replacing);
        JitStatsFile json = JitStatsFile.read(stats);
        Files.delete(stats);
        boolean entered = false;
        for (JsonNode function : json.compiledIn(absolute)) {
            entered |= function.get("name").asText().contains(" (loop at line ") && function.get("entries").asLong() > 0;
        }
        ranEveryLoop.incrementAndGet();
        if (entered) {
            replaced.incrementAndGet();
        }
    }

    @AfterAll
    static void loopsWereEnteredMidFrame() {
        assertTrue(System.getProperty("pyjit.corpus") != null || replaced.get() * 5 >= ranEveryLoop.get() * 4,
                "programs whose loops ran natively through on-stack replacement: " + replaced.get() + " of " + ranEveryLoop.get());
    }

    /** NumPy's own Python code is compiled too, so its arrays, ufuncs and scalars flow through native code. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyPrograms")
    @Execution(ExecutionMode.CONCURRENT)
    void numpyCorpus(Path program) throws Exception {
        check(program, WITH_NUMPY);
    }

    private static void check(Path program, Map<String, String> environment) throws Exception {
        Path absolute = program.toAbsolutePath();
        Pyjit.Outcome interpreted = Pyjit.run(environment, null, absolute.getParent(), "run", "--no-jit", absolute.toString());
        Path stats = Files.createTempFile("pyjit-stats", ".json");
        Map<String, String> jit = new HashMap<>(environment);
        jit.putAll(Map.of("PYJIT_THRESHOLD", header(program, THRESHOLD, "0"),
                "PYJIT_LOOP_THRESHOLD", header(program, LOOP_THRESHOLD, ""), "PYJIT_STATS", stats.toString(),
                "PYJIT_CACHE", cacheFor(program), "XDG_CACHE_HOME", SHARED_CACHE.toString(), "PYJIT_BUILD", BUILD));
        jit.putAll(switches(program));
        Pyjit.Outcome compiled = Pyjit.run(jit, null, absolute.getParent(), "run", absolute.toString());
        assertEquals(interpreted.stdout(), compiled.stdout(), "stdout");
        assertEquals(interpreted.stderr(), compiled.stderr(), "stderr");
        assertEquals(interpreted.exitCode(), compiled.exitCode(), "exit status");

        JitStatsFile json = JitStatsFile.read(stats);
        Files.delete(stats);
        Set<String> enteredNames = new HashSet<>();
        Set<String> deoptedNames = new HashSet<>();
        Set<String> inlinedNames = new HashSet<>();
        for (JsonNode function : json.compiledIn(absolute)) {
            String qualified = function.get("name").asText();
            String name = qualified.substring(qualified.lastIndexOf('.') + 1);
            if (function.has("inlined")) {
                function.get("inlined").forEach(callee -> inlinedNames.add(callee.asText().substring(callee.asText().lastIndexOf('.') + 1)));
            }
            if (function.get("entries").asLong() > 0) {
                enteredNames.add(name);
            }
            if (function.get("deopts").asLong() > 0) {
                deoptedNames.add(name);
                // a loop compiled on its own ("f (loop at line 3)") deoptimised in f
                deoptedNames.add(name.replaceFirst(" \\(loop at line \\d+\\)$", ""));
            }
        }
        String first = Files.readAllLines(program).get(0);
        assertTrue(first.startsWith(HEADER), "first line names the functions to compile");
        for (String expected : names(first.substring(HEADER.length()))) {
            assertTrue(enteredNames.contains(expected), expected + " ran as native code; stats: " + json);
        }
        for (String expected : names(header(program, EXPECT_DEOPTS, ""))) {
            assertTrue(deoptedNames.contains(expected), expected + " handed a frame to the interpreter; stats: " + json);
        }
        for (String expected : names(header(program, EXPECT_NO_DEOPTS, ""))) {
            assertTrue(enteredNames.contains(expected) && !deoptedNames.contains(expected),
                    expected + " ran as native code and never handed a frame to the interpreter; stats: " + json);
        }
        for (ExpectedCount expected : EXPECTED_COUNTS) {
            if (header(program, expected.header(), null) != null) {
                assertTrue(json.get(expected.count()).asLong() > 0, expected.shows() + "; stats: " + json);
            }
        }
        String inlined = header(program, EXPECT_INLINED, null);
        if (inlined != null) {
            assertTrue(json.get("inlined_entries").asLong() > 0, "a method's body inlined into a call ran; stats: " + json);
            for (String expected : names(inlined.replaceFirst("^:", ""))) {
                assertTrue(inlinedNames.contains(expected), expected + " was inlined into a call; stats: " + json);
            }
        }
    }

    /** The testing switches a program's header asks for: {@code # jit-compile-delegators}. */
    /**
     * A program whose functions must deoptimise compiles its own code: once a run of it (the run
     * entering every loop mid-frame) made them generic, the cache would give their generic code,
     * which has no guard to fail.
     */
    private static String cacheFor(Path program) throws IOException {
        return header(program, EXPECT_DEOPTS, null) != null ? "0" : "1";
    }

    private static Map<String, String> switches(Path program) throws IOException {
        return header(program, COMPILE_DELEGATORS, null) != null ? Map.of("PYJIT_COMPILE_DELEGATORS", "1") : Map.of();
    }

    /** The value of a header line among the program's leading comments, or {@code absent}. */
    private static String header(Path program, String prefix, String absent) throws IOException {
        for (String line : Files.readAllLines(program)) {
            if (!line.startsWith("#")) {
                break;
            }
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        return absent;
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
