package dev.pyjit.cli.embed;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the JIT behaves in one run: from the environment ({@code PYJIT_THRESHOLD}, {@code PYJIT_STATS},
 * {@code PYJIT_DEBUG}, {@code PYJIT_SYNC}, {@code PYJIT_CACHE}, {@code XDG_CACHE_HOME},
 * {@code PYJIT_PERF_MAP}, {@code PYJIT_OPTIMISE_AFTER}, {@code PYJIT_DUMP_IR}, {@code PYJIT_COMPILE_DELEGATORS}),
 * overridden by command-line options.
 *
 * @param statsTarget where stats go at exit: {@code null} nowhere, {@code "-"} stderr, else a file
 * @param synchronous compile on the program's thread, which waits for the native code (tests, dumps)
 * @param cacheDirectory where compiled code is kept between runs; null: nowhere
 * @param perfMap       announce compiled functions to perf in /tmp/perf-PID.map
 * @param optimiseAfter entries of a function's quick code after which it is compiled again, optimised
 *                      (0: every function is optimised from its first compilation)
 * @param irDump        a file the optimised IR of every function compiled in this run is appended to,
 *                      as the live profile shaped it (the code cache is not used then); null: none
 * @param compileDelegators compile also the generators that only delegate ({@code yield from} and no
 *                      other loop), which the interpreter resumes faster: a testing switch, so that
 *                      small programs exercise native code's delegation, which generators with loops use
 */
public record JitOptions(boolean enabled, int threshold, String statsTarget, boolean debug, boolean synchronous, Path cacheDirectory,
                         boolean perfMap, int optimiseAfter, Path irDump, boolean compileDelegators) {
    /** The threshold when none is given: hot functions are found by sampling, not by counting calls. */
    public static final int SAMPLED = -1;
    public static final int DEFAULT_OPTIMISE_AFTER = 1000;

    public static JitOptions fromEnvironment(Map<String, String> env) {
        String stats = env.get("PYJIT_STATS");
        String cache = env.get("PYJIT_CACHE");
        String irDump = env.get("PYJIT_DUMP_IR");
        return new JitOptions(true, count(env, "PYJIT_THRESHOLD", SAMPLED), stats == null || stats.isEmpty() ? null : stats,
                isSet(env.get("PYJIT_DEBUG")), isSet(env.get("PYJIT_SYNC")),
                cache != null && cache.equals("0") ? null : CodeCache.defaultDirectory(env), isSet(env.get("PYJIT_PERF_MAP")),
                count(env, "PYJIT_OPTIMISE_AFTER", DEFAULT_OPTIMISE_AFTER), irDump == null || irDump.isEmpty() ? null : Path.of(irDump),
                isSet(env.get("PYJIT_COMPILE_DELEGATORS")));
    }

    private static int count(Map<String, String> env, String name, int byDefault) {
        String configured = env.get(name);
        if (configured != null && !configured.isBlank()) {
            try {
                return Math.max(0, Integer.parseInt(configured.trim()));
            } catch (NumberFormatException ignored) {
                // like CPython with a malformed PYTHON* variable: keep the default
            }
        }
        return byDefault;
    }

    private static boolean isSet(String flag) {
        return flag != null && !flag.isEmpty() && !flag.equals("0");
    }

    public JitOptions withCommandLine(boolean noJit, Integer threshold, String statsTarget, boolean synchronous, boolean noCache) {
        return new JitOptions(enabled && !noJit, threshold == null ? this.threshold : Math.max(0, threshold),
                statsTarget == null ? this.statsTarget : statsTarget, debug, this.synchronous || synchronous,
                noCache ? null : cacheDirectory, perfMap, optimiseAfter, irDump, compileDelegators);
    }
}
