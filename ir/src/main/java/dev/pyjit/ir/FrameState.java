package dev.pyjit.ir;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What an instruction that can raise needs to leave the function the way the interpreter would:
 * the bytecode offset to report (tracebacks, line numbers) and the values it owns at that point,
 * which are released if the instruction raises. An unboxed double among them is a float that no
 * longer exists as an object, so there is nothing to release for it.
 */
public record FrameState(int offset, List<Value> owned) {
    public FrameState {
        owned = List.copyOf(owned);
    }

    public FrameState withReplaced(UnaryOperator<Value> replace) {
        return new FrameState(offset, owned.stream().map(replace).toList());
    }
}
