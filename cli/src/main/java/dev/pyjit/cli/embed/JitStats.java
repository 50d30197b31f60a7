package dev.pyjit.cli.embed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pyjit.ir.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the JIT did in one run, written as JSON at exit. */
final class JitStats {
    /** A compiled function has no reason; a generic or interpreted one no specialisation: those are left out. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Entry(String file, int line, String name, @JsonProperty("specialised_for") List<String> specialisedFor, String reason) {}

    private final List<Entry> compiled = new ArrayList<>();
    private final List<Entry> interpreted = new ArrayList<>();
    private long compileNanos;

    void record(FunctionCompiler.Result result, long nanos) {
        compileNanos += nanos;
        FunctionCompiler.Where where = result.where();
        if (result.address() != 0) {
            List<String> types = result.specialisedFor().stream().map(Type::pythonName).toList();
            compiled.add(new Entry(where.file(), where.line(), where.name(), types, null));
        } else {
            interpreted.add(new Entry(where.file(), where.line(), where.name(), List.of(), result.reason()));
        }
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("compiled", compiled.size());
        json.put("seen", compiled.size() + interpreted.size());
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
}
