package dev.pyjit.ir;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the IR tests, for building functions and inspecting them after a pass. */
public final class IrTesting {
    private IrTesting() {}

    /** A frame state at {@code offset} that owns {@code owned}, in that order. */
    public static FrameState state(int offset, Value... owned) {
        return new FrameState(offset, List.of(owned));
    }

    /** A resume state at {@code offset} with {@code stack} (bottom first) on the value stack, releasing nothing. */
    public static ResumeState resume(int offset, Value... stack) {
        return new ResumeState(offset, List.of(stack), List.of());
    }

    /** An eval-breaker poll with {@code state}; a tool switched on resumes there, with the values it owns as the stack. */
    public static Instr.CheckEvalBreaker poll(FrameState state) {
        return new Instr.CheckEvalBreaker(state, new ResumeState(state.offset(), state.owned(), List.of()));
    }

    /**
     * Appends {@code LoadLocal slot} to {@code block} with the resume state the builder gives a load
     * that ends its bytecode instruction: resume at {@code offset} with {@code below} and then the
     * loaded value on the stack. Defines a new value of {@code type} and returns it.
     */
    public static Value loadResumable(Function fn, Block block, int slot, Type type, int offset, Value... below) {
        Value value = fn.newValue(type);
        List<Value> stack = new ArrayList<>(List.of(below));
        stack.add(value);
        block.add(new Instr.LoadLocal(value, slot, new ResumeState(offset, stack, List.of())));
        return value;
    }

    /** Appends {@code LoadLocal slot} (no resume state) to {@code block}, defining a new value of type Top, and returns that value. */
    public static Value load(Function fn, Block block, int slot) {
        Value value = fn.newValue(Type.TOP);
        block.add(new Instr.LoadLocal(value, slot));
        return value;
    }

    /** Every instruction of the function, block by block in block order, as a new mutable list (terminators excluded). */
    public static List<Instr> all(Function fn) {
        List<Instr> instructions = new ArrayList<>();
        fn.blocks().forEach(block -> instructions.addAll(block.instructions()));
        return instructions;
    }

    /** Every instruction of that kind in the function, in block order. */
    public static <T extends Instr> List<T> all(Function fn, Class<T> kind) {
        return all(fn).stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The op of each instruction of the block, in order (the terminator excluded). */
    public static List<Op> ops(Block block) {
        return block.instructions().stream().map(Instr::op).toList();
    }

    /** Snapshot of every block's instructions and terminator, to check a run changed nothing. */
    public static List<Object> snapshot(Function fn) {
        List<Object> all = new ArrayList<>();
        for (Block block : fn.blocks()) {
            all.add(List.copyOf(block.instructions()));
            all.add(block.terminator());
        }
        return all;
    }

    /** Whether a frame state or resume state of the instruction names the value. */
    public static boolean inStates(Instr instruction, Value value) {
        return instruction.state() != null && instruction.state().owned().contains(value)
                || instruction.resume() != null && (instruction.resume().stack().contains(value) || instruction.resume().released().contains(value));
    }

    /**
     * Asserts the value is gone from the function: neither defined, used, released, owned by a frame
     * state, named by a resume state, nor used by a terminator. Failure messages include the printed function.
     */
    public static void assertGone(Function fn, Value value) {
        for (Instr instruction : all(fn)) {
            assertFalse(value.equals(instruction.result()), () -> value + " still defined:\n" + Printer.print(fn));
            assertFalse(instruction.operands().contains(value), () -> value + " still used:\n" + Printer.print(fn));
            assertFalse(inStates(instruction, value), () -> value + " still in a frame or resume state:\n" + Printer.printTyped(fn));
        }
        for (Block block : fn.blocks()) {
            assertFalse(block.terminator().operands().contains(value), () -> value + " still used:\n" + Printer.print(fn));
        }
    }
}
