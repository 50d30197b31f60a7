package dev.pyjit.ir;

/**
 * A local whose current value compiled code holds as an SSA value instead of in its frame slot
 * (see {@code PromoteLocals}); the slot still holds an older object. Wherever the interpreter, a
 * traceback or other code could look at the frame, the value is written to the slot first. An
 * unboxed double stands for a float object, boxed when it is written.
 */
public record VirtualLocal(int slot, Value value) {
    public VirtualLocal withReplaced(java.util.function.UnaryOperator<Value> replace) {
        return new VirtualLocal(slot, replace.apply(value));
    }
}
