package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code perm[:k + 1] = perm[k::-1]} makes a list only to store its items into another: a slice
 * whose one use, besides releasing it, is the value of a slice store becomes a
 * STORE_TEMPORARY_SLICE, after which the runtime keeps the list, emptied, for the next slice of
 * its length to fill (where it is a list compiled code holds the only reference to) instead of
 * freeing it. The slice is still made where it was:
 * moving it past the code between the two could change what it holds. It becomes a
 * TEMPORARY_SLICE, whose list the collector does not track: nothing but compiled code refers to it
 * (a deopt tracks it as it hands it to the interpreter), so it is in no cycle, and fannkuch spent a
 * tenth of its time tracking and untracking it. The two are taken in one block only, so that no
 * yield, which hands the frame's stack to its generator, comes between them.
 */
public final class StoreTemporarySlices implements Pass {
    @Override
    public String name() {
        return "store-temporary-slices";
    }

    @Override
    public void run(Function function) {
        Map<Value, Instr.Access> slices = new HashMap<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.Access slice && slice.op() == Op.SLICE) {
                    slices.put(slice.result(), slice);
                }
            }
        }
        if (slices.isEmpty()) {
            return;
        }
        Uses uses = Uses.of(function);
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i) instanceof Instr.Effect store && store.op() == Op.STORE_SLICE) {
                    Value value = store.operands().get(3);
                    Instr.Access slice = slices.get(value);
                    int at = slice == null ? -1 : block.indexOf(slice);
                    if (at >= 0 && !store.operands().subList(0, 3).contains(value)
                            && uses.onlyBy(value, use -> use == store || use.op() == Op.DECREF)) {
                        instructions.set(i, new Instr.Effect(Op.STORE_TEMPORARY_SLICE, store.operands(), store.state()));
                        instructions.set(at, new Instr.Access(value, Op.TEMPORARY_SLICE, slice.operands(), slice.state()));
                    }
                }
            }
        }
    }
}
