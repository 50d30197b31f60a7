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

    /** Appends {@code LoadLocal slot} to {@code block}, defining a new value of type Top, and returns that value. */
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

    /**
     * Asserts the value is gone from the function: neither defined, used, released, owned by a frame
     * state, nor used by a terminator. Failure messages include the printed function.
     */
    public static void assertGone(Function fn, Value value) {
        for (Instr instruction : all(fn)) {
            assertFalse(value.equals(instruction.result()), () -> value + " still defined:\n" + Printer.print(fn));
            assertFalse(instruction.operands().contains(value), () -> value + " still used:\n" + Printer.print(fn));
            if (instruction.state() != null) {
                assertFalse(instruction.state().owned().contains(value), () -> value + " still owned:\n" + Printer.print(fn));
            }
        }
        for (Block block : fn.blocks()) {
            assertFalse(block.terminator().operands().contains(value), () -> value + " still used:\n" + Printer.print(fn));
        }
    }
}
