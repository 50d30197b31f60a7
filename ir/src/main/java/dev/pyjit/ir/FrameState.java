package dev.pyjit.ir;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What an instruction that can raise needs to leave the function the way the interpreter would:
 * the bytecode offset to report (tracebacks, line numbers) and the values it owns at that point,
 * which are released if the instruction raises. An unboxed double among them is a float that no
 * longer exists as an object, so there is nothing to release for it.
 *
 * <p>Inside a {@code try} (an exception-table entry covers the offset), the exception goes to the
 * entry's {@link Handler} instead: the first {@code depth} owned values are the value stack the
 * handler keeps (the owned list starts with the stack, bottom first); the rest are released. That
 * is an edge of its own, from the middle of a block to the handler's block.
 *
 * <p>The {@link VirtualLocal}s are written to their slots before the exception leaves the
 * function, so the traceback's frame shows what the interpreter's would.
 *
 * <p>{@code borrowed} holds a value once per reference among the owned ones that a pass found
 * compiled code need not take (CancelRefcountPairs); the error path takes it first.
 *
 * <p>{@code known}: the locals compiled code borrows from the frame where the instruction may run
 * code on a slow path only (an eval-breaker poll, an attribute the interpreter's cache misses, an
 * inlined call made after all). That code could rebind one through {@code frame.f_locals} and
 * free its object: compiled code holds them while it runs, and if a slot changed, the frame is
 * the truth and the interpreter takes it over.
 */
public record FrameState(int offset, List<Value> owned, Handler handler, List<VirtualLocal> locals, List<Value> borrowed,
                         List<KnownLocal> known) {
    /**
     * An exception handler: bytecode offset {@code target}, whose code is {@code block}, entered with
     * the stack cut to {@code depth}, then (if {@code pushLastInstruction}) the raising
     * instruction's offset, then the exception; the block's parameters are those values.
     */
    public record Handler(int target, int depth, boolean pushLastInstruction, Block block) {
        /** How many values the handler's block takes: the kept stack, lasti if pushed, the exception. */
        public int entryDepth() {
            return entryDepth(depth, pushLastInstruction);
        }

        public static int entryDepth(int depth, boolean pushLastInstruction) {
            return depth + (pushLastInstruction ? 1 : 0) + 1;
        }
    }

    /** The values the handler keeps, bottom first (the state must have a handler). */
    public List<Value> kept() {
        return owned.subList(0, handler.depth());
    }

    public FrameState {
        owned = List.copyOf(owned);
        locals = List.copyOf(locals);
        borrowed = List.copyOf(borrowed);
        known = List.copyOf(known);
        if (handler != null && handler.depth() > owned.size()) {
            throw new IllegalArgumentException("a handler keeps " + handler.depth() + " values of " + owned.size());
        }
    }

    public FrameState(int offset, List<Value> owned, Handler handler, List<VirtualLocal> locals, List<Value> borrowed) {
        this(offset, owned, handler, locals, borrowed, List.of());
    }

    public FrameState(int offset, List<Value> owned, Handler handler, List<VirtualLocal> locals) {
        this(offset, owned, handler, locals, List.of());
    }

    public FrameState(int offset, List<Value> owned, Handler handler) {
        this(offset, owned, handler, List.of());
    }

    /** A state outside any try: an exception leaves the function. */
    public FrameState(int offset, List<Value> owned) {
        this(offset, owned, null);
    }

    public FrameState withReplaced(UnaryOperator<Value> replace) {
        return new FrameState(offset, owned.stream().map(replace).toList(), handler,
                locals.stream().map(local -> local.withReplaced(replace)).toList(), borrowed.stream().map(replace).toList(),
                known.stream().map(local -> local.withReplaced(replace)).toList());
    }

    public FrameState withLocals(List<VirtualLocal> virtualLocals) {
        return new FrameState(offset, owned, handler, virtualLocals, borrowed, known);
    }

    public FrameState withKnown(List<KnownLocal> knownLocals) {
        return new FrameState(offset, owned, handler, locals, borrowed, knownLocals);
    }

    /** This state with one more owned reference to {@code value} not taken. */
    public FrameState withBorrowed(Value value) {
        List<Value> more = new java.util.ArrayList<>(borrowed);
        more.add(value);
        return new FrameState(offset, owned, handler, locals, more, known);
    }
}
