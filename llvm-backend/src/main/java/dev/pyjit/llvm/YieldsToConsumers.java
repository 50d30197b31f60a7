package dev.pyjit.llvm;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a generator's yield may hand its value to the C caller that consumes it (sum(), any(),
 * all(), min(), max(): pyjit_native_entry's consumer) and go on without suspending, and which of
 * those values the consumer can be offered before they are boxed; found once per function.
 */
final class YieldsToConsumers {
    private final Map<Terminator.Yield, Terminator.Jump> resumptions = new IdentityHashMap<>();
    private final Set<Instr> boxesOnlyYielded = Collections.newSetFromMap(new IdentityHashMap<>());

    /** A function's without yields (an inlined body's). */
    static final YieldsToConsumers NONE = new YieldsToConsumers();

    private YieldsToConsumers() {}

    YieldsToConsumers(Function function, Terminator.ResumeDispatch resumedAt) {
        for (Block block : function.blocks()) {
            if (block.terminator() instanceof Terminator.Yield yield) {
                Terminator.Jump jump = resumption(function, resumedAt, yield);
                if (jump != null) {
                    resumptions.put(yield, jump);
                    Instr box = boxOnlyYielded(function, block, yield);
                    if (box != null) {
                        boxesOnlyYielded.add(box);
                    }
                }
            }
        }
    }

    /**
     * The jump the yield's resume point makes, which code the consumer took the value from makes
     * instead; null where the value must always be yielded.
     */
    Terminator.Jump resumption(Terminator.Yield yield) {
        return resumptions.get(yield);
    }

    /**
     * Whether the instruction boxes an int or a float only to yield it where a consumer may take
     * the value, with nothing after it in its block that could leave it: the consumer is offered
     * the number first, and the object is made only where it does not take it. A float that sum()
     * adds costs no float made and freed then, an int of more than a byte no allocation.
     */
    boolean boxesOnlyToYield(Instr instruction) {
        return boxesOnlyYielded.contains(instruction);
    }

    /**
     * Only where the resume point takes the suspended stack and nothing else (as a generator
     * expression's does), and nothing else uses what it takes (a pass may forward a block
     * parameter of one predecessor).
     */
    private static Terminator.Jump resumption(Function function, Terminator.ResumeDispatch resumedAt, Terminator.Yield yield) {
        int resumePoint = resumedAt == null ? -1 : resumedAt.offsets().indexOf(yield.resumeOffset());
        Block resumed = resumePoint < 0 ? null : resumedAt.targets().get(resumePoint);
        if (resumed == null || resumed.instructions().size() != yield.stack().size() + 1
                || !(resumed.terminator() instanceof Terminator.Jump jump)) {
            return null;
        }
        List<Value> items = new ArrayList<>();
        for (Instr instruction : resumed.instructions()) {
            if (!(instruction instanceof Instr.ResumedStackItem item) || item.index() != items.size()) {
                return null;
            }
            items.add(item.result());
        }
        return jump.edge().arguments().equals(items) && !usedBeyond(function, items, jump) ? jump : null;
    }

    private static Instr boxOnlyYielded(Function function, Block block, Terminator.Yield yield) {
        List<Instr> instructions = block.instructions();
        int at = instructions.size() - 1;
        while (at >= 0 && cannotLeave(instructions.get(at), yield.value())) {
            at--;
        }
        Instr box = at >= 0 ? instructions.get(at) : null;
        boolean onlyYielded = !yield.stack().contains(yield.value()) && !usedBeyond(function, List.of(yield.value()), yield);
        return (box instanceof Instr.BoxFloat || box instanceof Instr.BoxInt) && box.result() == yield.value() && onlyYielded ? box : null;
    }

    /**
     * Reference counts and flushes of other values: what a release runs (a {@code __del__}) cannot
     * see what the consumer took, nor that it took it first; and where boxing a flushed number
     * runs out of memory, the generator raises, and the consumer's total goes with it (the error
     * path's releases are null-safe, so the object not made is nothing to release).
     */
    private static boolean cannotLeave(Instr instruction, Value yielded) {
        if (instruction instanceof Instr.Refcount count) {
            return count.value() != yielded;
        }
        return instruction instanceof Instr.FlushLocal flush && flush.value() != yielded;
    }

    /** Whether an instruction, or a terminator other than {@code user}, uses any of the values. */
    private static boolean usedBeyond(Function function, List<Value> values, Terminator user) {
        for (Block block : function.blocks()) {
            if (block.instructions().stream().anyMatch(instruction -> instruction.operands().stream().anyMatch(values::contains))
                    || block.terminator() != user && block.terminator().operands().stream().anyMatch(values::contains)) {
                return true;
            }
        }
        return false;
    }
}
