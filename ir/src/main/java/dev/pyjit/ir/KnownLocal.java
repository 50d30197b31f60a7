package dev.pyjit.ir;

/**
 * A local whose object compiled code holds as an SSA value while the frame's slot holds it too
 * (see {@code PromoteLocals}): a pointer borrowed from the frame, alive as long as the slot keeps it.
 */
public record KnownLocal(int slot, Value value) {
    public KnownLocal withReplaced(java.util.function.UnaryOperator<Value> replace) {
        return new KnownLocal(slot, replace.apply(value));
    }
}
