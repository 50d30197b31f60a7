package dev.pyjit.ir;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where the interpreter takes over when a speculation made by compiled code turns out wrong (a
 * local no longer has the type inference gave it), or when a poll finds a tracer or other
 * monitoring tool switched on: the bytecode offset to resume at, the value
 * stack the interpreter resumes with (bottom first), and the values compiled code holds at that
 * point that are not on that stack, which are released. An unboxed double in either list stands
 * for a float object; on the stack it is boxed again. The instruction that speculates may name its
 * own result: it is the object it loaded. The {@link VirtualLocal}s are written to their slots
 * before the interpreter takes the frame.
 *
 * <p>Each place the stack or the released list holds an object is a reference compiled code
 * owns, except for the {@code borrowed} ones: a value there once per reference a pass found it
 * need not take (CancelRefcountPairs), which the hand-over takes first.
 */
public record ResumeState(int offset, List<Value> stack, List<Value> released, List<VirtualLocal> locals, List<Value> borrowed) {
    public ResumeState {
        stack = List.copyOf(stack);
        released = List.copyOf(released);
        locals = List.copyOf(locals);
        borrowed = List.copyOf(borrowed);
    }

    public ResumeState(int offset, List<Value> stack, List<Value> released, List<VirtualLocal> locals) {
        this(offset, stack, released, locals, List.of());
    }

    public ResumeState(int offset, List<Value> stack, List<Value> released) {
        this(offset, stack, released, List.of());
    }

    public ResumeState withReplaced(UnaryOperator<Value> replace) {
        return new ResumeState(offset, stack.stream().map(replace).toList(), released.stream().map(replace).toList(),
                locals.stream().map(local -> local.withReplaced(replace)).toList(), borrowed.stream().map(replace).toList());
    }

    public ResumeState withLocals(List<VirtualLocal> virtualLocals) {
        return new ResumeState(offset, stack, released, virtualLocals, borrowed);
    }

    /** Whether handing the frame over passes on or releases a reference to the value. */
    public boolean handsOver(Value value) {
        return stack.contains(value) || released.contains(value);
    }

    /** This state with one more reference to {@code value} not taken. */
    public ResumeState withBorrowed(Value value) {
        List<Value> more = new java.util.ArrayList<>(borrowed);
        more.add(value);
        return new ResumeState(offset, stack, released, locals, more);
    }
}
