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
 * own result: it is the object it loaded.
 */
public record ResumeState(int offset, List<Value> stack, List<Value> released) {
    public ResumeState {
        stack = List.copyOf(stack);
        released = List.copyOf(released);
    }

    public ResumeState withReplaced(UnaryOperator<Value> replace) {
        return new ResumeState(offset, stack.stream().map(replace).toList(), released.stream().map(replace).toList());
    }
}
