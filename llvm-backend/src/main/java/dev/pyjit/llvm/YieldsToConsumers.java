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
import java.util.Set;

/**
 * Where a generator's yield may hand its value to the C caller that consumes it (sum(), any(),
 * all(), min(), max(): pyjit_native_entry's consumer) and go on without suspending, and which of
 * those values the consumer can be offered before they are boxed.
 */
final class YieldsToConsumers {
    private YieldsToConsumers() {}

    /**
     * The jump the yield's resume point makes, which code the consumer took the value from makes
     * instead; null where the value must always be yielded. Only where the resume point takes the
     * suspended stack and nothing else (as a generator expression's does), and nothing else uses
     * what it takes (a pass may forward a block parameter of one predecessor).
     */
    static Terminator.Jump resumption(Function function, Terminator.ResumeDispatch resumedAt, Terminator.Yield yield) {
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
        return jump.edge().arguments().equals(items) && !usedBeyond(function, jump, items) ? jump : null;
    }

    private static boolean usedBeyond(Function function, Terminator.Jump jump, List<Value> items) {
        for (Block block : function.blocks()) {
            if (block.instructions().stream().anyMatch(instruction -> instruction.operands().stream().anyMatch(items::contains))
                    || block.terminator() != jump && block.terminator().operands().stream().anyMatch(items::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The boxings of an int or a float made only to be yielded where a consumer may take the value,
     * with nothing after them in their block that could leave it: the consumer is offered the number
     * first, and the object is made only where it does not take it. A float that sum() adds costs no
     * float made and freed then, an int of more than a byte no allocation.
     */
    static Set<Instr> boxesOnlyYielded(Function function, Terminator.ResumeDispatch resumedAt) {
        Set<Instr> boxes = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block block : function.blocks()) {
            if (!(block.terminator() instanceof Terminator.Yield yield) || resumption(function, resumedAt, yield) == null) {
                continue;
            }
            List<Instr> instructions = block.instructions();
            int at = instructions.size() - 1;
            while (at >= 0 && cannotLeave(instructions.get(at), yield.value())) {
                at--;
            }
            Instr box = at >= 0 ? instructions.get(at) : null;
            if ((box instanceof Instr.BoxFloat || box instanceof Instr.BoxInt) && box.result() == yield.value() && usedOnlyBy(function, yield)) {
                boxes.add(box);
            }
        }
        return boxes;
    }

    /**
     * Reference counts and flushes of other objects, which raise nothing (what a release runs, a
     * {@code __del__}, cannot see what the consumer took, nor that it took it first).
     */
    private static boolean cannotLeave(Instr instruction, Value yielded) {
        if (instruction instanceof Instr.Refcount count) {
            return count.value() != yielded;
        }
        return instruction instanceof Instr.FlushLocal flush && flush.value() != yielded && !flush.value().type().isUnboxed();
    }

    private static boolean usedOnlyBy(Function function, Terminator.Yield yield) {
        Value yielded = yield.value();
        for (Block block : function.blocks()) {
            if (block.instructions().stream().anyMatch(instruction -> instruction.operands().contains(yielded))
                    || (block.terminator() != yield && block.terminator().operands().contains(yielded))) {
                return false;
            }
        }
        return !yield.stack().contains(yielded);
    }
}
