package dev.pyjit.ir;

/**
 * A method's or function's body compiled into the call that calls it. {@code callee} is the method's own IR,
 * built from its code with the interpreter's hints; it runs on a frame of its own that the thread
 * never sees (it is never linked, never popped), only for the helpers that read a frame's code,
 * globals and arguments. The runtime matches {@code identity} (the digest of the callee's code,
 * see {@code pyjit_code_identity}) against the function actually called, once per call site and
 * code object. The body is free of effects (see {@link Inlinability}): wherever it cannot go on
 * (a guard or a cache misses, a number must be boxed and memory is out) it drops what it holds and
 * the call is made as if nothing was inlined, which runs the same program in a real frame.
 *
 * @param frameSlots the callee's localsplus slots, which its frame needs room for
 * @param method     whether the call passes a self (a method loaded from an object) before its arguments
 */
public record Inlined(Function callee, String identity, int frameSlots, boolean method) {
    /** The callee's qualified name, as printed at the call. */
    public String name() {
        return callee.name();
    }

    /**
     * The names as compiled code exports them, one per line (Lowering.inlinedSymbol), for code
     * linked from a cache to name them too.
     */
    public static String asText(java.util.List<String> names) {
        return String.join("\n", names);
    }

    /** The names {@link #asText} wrote. */
    public static java.util.List<String> fromText(String text) {
        return text.isEmpty() ? java.util.List.of() : java.util.List.of(text.split("\n"));
    }

    /** The qualified names of the bodies inlined into the function's calls, each once, sorted. */
    public static java.util.List<String> namesIn(Function function) {
        return function.blocks().stream().flatMap(block -> block.instructions().stream())
                .filter(instruction -> instruction instanceof Instr.Call call && call.inlined() != null)
                .map(instruction -> ((Instr.Call) instruction).inlined().name()).distinct().sorted().toList();
    }
}
