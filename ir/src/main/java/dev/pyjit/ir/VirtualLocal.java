package dev.pyjit.ir;

/**
 * A local whose current value compiled code holds as an SSA value instead of in its frame slot
 * (see {@code PromoteLocals}); the slot still holds an older object. Wherever the interpreter, a
 * traceback or other code could look at the frame, the value is written to the slot first. An
 * unboxed number stands for a float or int object, boxed when it is written, unless it has a
 * {@code companion} (see {@code UnboxParameters}): an object compiled code holds a reference to,
 * which is what the local is if it is not NULL (a constant or argument the number was read from,
 * or the runtime's unbound number for a local that is still unbound); NULL once compiled code
 * computed the number. Null for no companion.
 */
public record VirtualLocal(int slot, Value value, Value companion) {
    public VirtualLocal(int slot, Value value) {
        this(slot, value, null);
    }

    public VirtualLocal withReplaced(java.util.function.UnaryOperator<Value> replace) {
        return new VirtualLocal(slot, replace.apply(value), companion == null ? null : replace.apply(companion));
    }
}
