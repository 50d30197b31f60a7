package dev.pyjit.ir;

import java.util.List;

/**
 * What an instruction that can raise needs to leave the function the way the interpreter would:
 * the bytecode offset to report (tracebacks, line numbers) and the values it owns at that point,
 * which are released if the instruction raises. Deoptimisation will resume from the same state.
 */
public record FrameState(int offset, List<Value> owned) {
    public FrameState {
        owned = List.copyOf(owned);
    }

    /** Each owned value replaced; one replaced by null is dropped (it no longer exists, so there is nothing to release). */
    public FrameState withReplaced(java.util.function.UnaryOperator<Value> replace) {
        return new FrameState(offset, owned.stream().map(replace).filter(java.util.Objects::nonNull).toList());
    }
}
