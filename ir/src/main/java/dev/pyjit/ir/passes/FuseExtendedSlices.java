package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code container[start:stop:step]} is BUILD_SLICE then BINARY_SUBSCR: a slice object made only
 * to be unpacked again. Where the slice is used by that subscript alone, right after it is built,
 * the two become one Slice of four operands, which the runtime takes without a slice object for
 * lists and tuples ({@code perm[k::-1]}). The releases of the bounds that came between them move
 * after it, and its error path releases the bounds where it released the slice.
 */
public final class FuseExtendedSlices implements Pass {
    @Override
    public String name() {
        return "fuse-extended-slices";
    }

    @Override
    public void run(Function function) {
        Uses uses = Uses.of(function);
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i) instanceof Instr.Access build && build.op() == Op.BUILD_SLICE && build.operands().size() == 3) {
                    fuse(block, i, build, uses);
                }
            }
        }
    }

    /** Fuses the slice built at {@code at} into the subscript after it, if nothing else needs the slice. */
    private static void fuse(Block block, int at, Instr.Access build, Uses uses) {
        List<Instr> instructions = block.instructions();
        Value slice = build.result();
        List<Value> bounds = build.operands();
        int next = at + 1;
        List<Instr> releasedBounds = new ArrayList<>();
        while (next < instructions.size() && instructions.get(next) instanceof Instr.Refcount release && release.op() == Op.DECREF
                && bounds.contains(release.value())) {
            releasedBounds.add(release);
            next++;
        }
        if (next == instructions.size() || !(instructions.get(next) instanceof Instr.Access subscript) || subscript.op() != Op.SUBSCRIPT
                || !subscript.operands().get(1).equals(slice) || subscript.operands().get(0).equals(slice)) {
            return;
        }
        FrameState state = subscript.state();
        int position = state.owned().indexOf(slice);
        if (position < 0 || (state.handler() != null && position < state.handler().depth()) || state.borrowed().contains(slice)
                || !uses.onlyBy(slice, use -> use == subscript || use.op() == Op.DECREF && block.indexOf(use) >= 0)) {
            return;
        }
        List<Value> owned = new ArrayList<>(state.owned());
        owned.remove(position);
        owned.addAll(position, bounds);
        List<Value> operands = List.of(subscript.operands().get(0), bounds.get(0), bounds.get(1), bounds.get(2));
        Instr fused = new Instr.Access(subscript.result(), Op.SLICE, operands,
                new FrameState(state.offset(), owned, state.handler(), state.locals(), state.borrowed()));
        instructions.subList(at, next + 1).clear();
        instructions.add(at, fused);
        instructions.addAll(at + 1, releasedBounds);
        instructions.removeIf(instruction -> instruction instanceof Instr.Refcount release && release.value().equals(slice));
    }
}
