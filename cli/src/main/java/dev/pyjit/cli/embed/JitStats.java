package dev.pyjit.cli.embed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pyjit.ir.StageClock;
import dev.pyjit.ir.Type;
import dev.pyjit.llvm.NativeJit;
import dev.pyjit.llvm.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * What the JIT did in one run, per function (not per compilation), written as JSON at exit. A
 * function's entries and deoptimisations are read from the counters its native code keeps
 * (before that code is freed, if its function died), so {@code entered} proves that native code
 * really ran. Compilations are recorded from the compiler's thread, hence the locking.
 */
final class JitStats {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Compiled(String file, int line, String name, @JsonProperty("specialised_for") List<String> specialisedFor,
                    String tier, int compilations, @JsonProperty("compile_ms") double compileMs,
                    @JsonProperty("native_cache_loads") Integer nativeCacheLoads, long entries, long deopts,
                    @JsonProperty("deopt_lines") Map<Integer, Long> deoptLines, List<String> inlined) {}

    record Interpreted(String file, int line, String name, String reason) {}

    /** Everything known of one function: its live native codes, what its freed ones counted, or why it has none. */
    private static final class Record {
        final List<NativeJit.NativeCode> codes = new ArrayList<>();
        int compilations;
        long compileNanos;
        long freedEntries;
        long freedDeopts;
        List<Type> specialisedFor = List.of();
        Tier tier = Tier.QUICK;
        String reason;
        /** Codes the runtime loaded from the native code cache, and what they counted. */
        int nativeLoads;
        long nativeEntries;
        long nativeDeopts;
        /** The methods inlined into its calls, in the code compiled or loaded in this run. */
        List<String> inlined = List.of();
    }

    private final Map<FunctionCompiler.Where, Record> functions = new LinkedHashMap<>();
    private final List<Long> compileNanos = new ArrayList<>();
    private final Map<String, Long> stageNanos = new LinkedHashMap<>();
    private final Map<String, Long> passNanos = new LinkedHashMap<>();
    private int freed;
    private int cacheHits;
    private int cacheMisses;
    private long nativeCacheHits;
    private int queueMax;
    private long firstNativeEntryNanos;
    /** The runtime's counts by their names in the stats, in the order they are written; 0 until the runtime gives them. */
    static final List<String> RUNTIME_COUNTS = List.of("inlined_entries", "intrinsic_results", "reused_ints", "recycled_floats",
            "constructed_in_place", "consumed_items", "consumed_unboxed");
    private final Map<String, Long> runtimeCounts = new LinkedHashMap<>();
    /** Where each code's native code deoptimised, by the code's file, first line and qualified name: line -> count. */
    private final Map<FunctionCompiler.Where, Map<Integer, Long>> deoptLines = new LinkedHashMap<>();
    private long processStartNanos;

    /** Compile times (total, median, maximum) are of the compilations that made code; the stages count every attempt. */
    synchronized void record(FunctionCompiler.Result result, StageClock clock) {
        clock.nanosByStage().forEach((stage, nanos) -> stageNanos.merge(stage, nanos, Long::sum));
        clock.nanosByPass().forEach((pass, nanos) -> passNanos.merge(pass, nanos, Long::sum));
        cacheHits += result.cache() == FunctionCompiler.CacheUse.HIT ? 1 : 0;
        cacheMisses += result.cache() == FunctionCompiler.CacheUse.MISS ? 1 : 0;
        Record record = functions.computeIfAbsent(result.where(), where -> new Record());
        if (result.code() != null) {
            compileNanos.add(clock.totalNanos());
            record.codes.add(result.code());
            record.compilations++;
            record.compileNanos += clock.totalNanos();
            record.specialisedFor = result.specialisedFor();
            record.tier = result.tier().number() > record.tier.number() ? result.tier() : record.tier;
            record.inlined = result.inlined().isEmpty() ? record.inlined : result.inlined();
        } else {
            record.reason = result.reason();
        }
    }

    synchronized void nativeCacheHits(long hits) {
        nativeCacheHits = hits;
    }

    /** Native code the runtime loaded from the native code cache, and what it counted. */
    synchronized void loadedFromNativeCache(FunctionCompiler.Where where, Tier tier, List<Type> specialisedFor, long entries, long deopts,
                                            List<String> inlined) {
        Record record = functions.computeIfAbsent(where, unused -> new Record());
        record.inlined = inlined.isEmpty() ? record.inlined : inlined;
        record.nativeLoads++;
        record.nativeEntries += entries;
        record.nativeDeopts += deopts;
        record.specialisedFor = specialisedFor;
        record.tier = tier.number() > record.tier.number() ? tier : record.tier;
        record.reason = null;
    }

    /** The code is about to be freed: keep what it counted. */
    synchronized void retire(FunctionCompiler.Where where, NativeJit.NativeCode code) {
        Record record = functions.get(where);
        if (record != null && record.codes.remove(code)) {
            record.freedEntries += read(code.entries());
            record.freedDeopts += read(code.deopts());
            freed++;
        }
    }

    /** The function was waiting to be compiled when the program ended. */
    synchronized void unfinished(FunctionCompiler.Where where) {
        Record record = functions.computeIfAbsent(where, unused -> new Record());
        if (record.compilations == 0) {
            record.reason = "still waiting to be compiled at exit";
        }
    }

    /** What the runtime counted (see {@link #RUNTIME_COUNTS}): a name it did not give stays 0. */
    synchronized void runtimeCounts(Map<String, Long> counted) {
        runtimeCounts.putAll(counted);
    }

    /** Native code of the code at {@code where} (its qualified name) handed frames to the interpreter at that line. */
    synchronized void deoptLine(FunctionCompiler.Where where, int line, long count) {
        deoptLines.computeIfAbsent(where, unused -> new TreeMap<>()).merge(line, count, Long::sum);
    }

    synchronized void queueMax(int waiting) {
        queueMax = waiting;
    }

    /** When native code first ran and when the native launcher started the process (ns since the epoch; 0: never, or not launched so). */
    synchronized void firstNativeEntry(long epochNanos, long launchedNanos) {
        firstNativeEntryNanos = epochNanos;
        processStartNanos = launchedNanos != 0 ? launchedNanos : jvmStartNanos();
    }

    synchronized String toJson() {
        List<Compiled> compiled = new ArrayList<>();
        List<Interpreted> interpreted = new ArrayList<>();
        functions.forEach((where, record) -> {
            if (record.compilations == 0 && record.nativeLoads == 0) {
                interpreted.add(new Interpreted(where.file(), where.line(), where.name(), record.reason));
                return;
            }
            long entries = record.nativeEntries + record.freedEntries + record.codes.stream().mapToLong(code -> read(code.entries())).sum();
            long deopts = record.nativeDeopts + record.freedDeopts + record.codes.stream().mapToLong(code -> read(code.deopts())).sum();
            compiled.add(new Compiled(where.file(), where.line(), where.name(),
                    record.specialisedFor.stream().map(Type::pythonName).toList(), record.tier.label(), record.compilations,
                    milliseconds(record.compileNanos), record.nativeLoads == 0 ? null : record.nativeLoads, entries, deopts,
                    deoptLinesOf(where), record.inlined));
        });
        List<Long> sorted = compileNanos.stream().sorted().toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seen", functions.size());
        json.put("compiled", compiled.size());
        json.put("entered", compiled.stream().filter(function -> function.entries() > 0).count());
        json.put("interpreted", interpreted.size());
        json.put("compilations", sorted.size());
        json.put("compile_ms_total", milliseconds(sorted.stream().mapToLong(Long::longValue).sum()));
        json.put("compile_ms_median", sorted.isEmpty() ? 0.0 : milliseconds(sorted.get(sorted.size() / 2)));
        json.put("compile_ms_max", sorted.isEmpty() ? 0.0 : milliseconds(sorted.get(sorted.size() - 1)));
        Map<String, Double> stages = new LinkedHashMap<>();
        stageNanos.forEach((stage, nanos) -> stages.put(stage, milliseconds(nanos)));
        json.put("compile_ms_by_stage", stages);
        Map<String, Double> passes = new LinkedHashMap<>();
        passNanos.forEach((pass, nanos) -> passes.put(pass, milliseconds(nanos)));
        json.put("compile_ms_by_pass", passes);
        json.put("compile_queue_max", queueMax);
        json.put("cache_hits", cacheHits + nativeCacheHits);
        json.put("native_cache_hits", nativeCacheHits);
        json.put("cache_misses", cacheMisses);
        json.put("freed", freed);
        RUNTIME_COUNTS.forEach(name -> json.put(name, runtimeCounts.getOrDefault(name, 0L)));
        json.put("first_native_entry_ms", firstNativeEntryNanos == 0 ? null : milliseconds(firstNativeEntryNanos - processStartNanos));
        json.put("compiled_functions", compiled);
        json.put("interpreted_functions", interpreted);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The deoptimisations' lines of the function's code: the runtime knows the code, not which of
     * its native codes deoptimised, so its on-stack replacements show them where the function has
     * no code of its own for calls.
     */
    private Map<Integer, Long> deoptLinesOf(FunctionCompiler.Where where) {
        int loop = where.name().indexOf(FunctionCompiler.LOOP_SUFFIX);
        FunctionCompiler.Where code = loop < 0 ? where : new FunctionCompiler.Where(where.file(), where.line(), where.name().substring(0, loop));
        return loop >= 0 && hasCodeForCalls(code) ? Map.of() : deoptLines.getOrDefault(code, Map.of());
    }

    private boolean hasCodeForCalls(FunctionCompiler.Where code) {
        Record record = functions.get(code);
        return record != null && (record.compilations > 0 || record.nativeLoads > 0);
    }

    private static double milliseconds(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    /** When the JVM started, to the millisecond (the process's own start time is read in whole seconds on Linux). */
    private static long jvmStartNanos() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() * 1_000_000L;
    }

    private static long read(long counter) {
        return new LongPointer(new Pointer() {
            {
                address = counter;
            }
        }).get();
    }
}
