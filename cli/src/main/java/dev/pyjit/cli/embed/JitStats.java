package dev.pyjit.cli.embed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pyjit.ir.Type;
import dev.pyjit.llvm.NativeJit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * What the JIT did in one run, per function (not per compilation), written as JSON at exit. A
 * function's entries and deoptimisations are read from the counters its native code keeps, so
 * {@code entered} proves that native code really ran.
 */
final class JitStats {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Compiled(String file, int line, String name, @JsonProperty("specialised_for") List<String> specialisedFor,
                    int compilations, long entries, long deopts) {}

    record Interpreted(String file, int line, String name, String reason) {}

    /** Everything known of one function: its native codes (one per compilation), or why it has none. */
    private static final class Record {
        final List<NativeJit.NativeCode> codes = new ArrayList<>();
        List<Type> specialisedFor = List.of();
        String reason;
    }

    private final Map<FunctionCompiler.Where, Record> functions = new LinkedHashMap<>();
    private long compileNanos;

    void record(FunctionCompiler.Result result, long nanos) {
        compileNanos += nanos;
        Record record = functions.computeIfAbsent(result.where(), where -> new Record());
        if (result.code() != null) {
            record.codes.add(result.code());
            record.specialisedFor = result.specialisedFor();
        } else {
            record.reason = result.reason();
        }
    }

    String toJson() {
        List<Compiled> compiled = new ArrayList<>();
        List<Interpreted> interpreted = new ArrayList<>();
        functions.forEach((where, record) -> {
            if (record.codes.isEmpty()) {
                interpreted.add(new Interpreted(where.file(), where.line(), where.name(), record.reason));
                return;
            }
            long entries = record.codes.stream().mapToLong(code -> read(code.entries())).sum();
            long deopts = record.codes.stream().mapToLong(code -> read(code.deopts())).sum();
            compiled.add(new Compiled(where.file(), where.line(), where.name(),
                    record.specialisedFor.stream().map(Type::pythonName).toList(), record.codes.size(), entries, deopts));
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seen", functions.size());
        json.put("compiled", compiled.size());
        json.put("entered", compiled.stream().filter(function -> function.entries() > 0).count());
        json.put("interpreted", interpreted.size());
        json.put("compile_time_ms", compileNanos / 1_000_000.0);
        json.put("compiled_functions", compiled);
        json.put("interpreted_functions", interpreted);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long read(long counter) {
        return new LongPointer(new Pointer() {
            {
                address = counter;
            }
        }).get();
    }
}
