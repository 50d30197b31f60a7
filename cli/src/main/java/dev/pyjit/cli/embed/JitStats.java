package dev.pyjit.cli.embed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the JIT did in one run, written as JSON at exit. */
final class JitStats {
    record Entry(String file, int line, String name, String reason) {}

    private final List<Entry> compiled = new ArrayList<>();
    private final List<Entry> interpreted = new ArrayList<>();
    private long compileNanos;

    void record(FunctionCompiler.Result result, long nanos) {
        compileNanos += nanos;
        FunctionCompiler.Where where = result.where();
        if (result.address() != 0) {
            compiled.add(new Entry(where.file(), where.line(), where.name(), null));
        } else {
            interpreted.add(new Entry(where.file(), where.line(), where.name(), result.reason()));
        }
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("compiled", compiled.size());
        json.put("seen", compiled.size() + interpreted.size());
        json.put("interpreted", interpreted.size());
        json.put("compile_time_ms", compileNanos / 1_000_000.0);
        json.put("compiled_functions", compiled.stream().map(e -> Map.of("file", e.file(), "line", e.line(), "name", e.name())).toList());
        json.put("interpreted_functions", interpreted);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
