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
 * A float boxed only to be stored into an attribute ({@code body.x += dt * body.vx}) is stored as
 * its double ({@link Instr.StoreAttrFloat}): where the attribute's old float is referenced by the
 * owner alone, that object takes the new value, so the store allocates nothing and frees nothing.
 * Runs after EliminateBoxing, which leaves the boxes that something still needs.
 */
public final class StoreFloatsInPlace implements Pass {
    @Override
    public String name() {
        return "store-floats-in-place";
    }

    @Override
    public void run(Function function) {
        Uses uses = Uses.of(function);
        Map<Value, Value> unboxed = new HashMap<>();
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            Map<Value, Instr.BoxFloat> boxes = new HashMap<>();
            for (int i = 0; i < instructions.size(); i++) {
                Instr instruction = instructions.get(i);
                if (instruction instanceof Instr.BoxFloat box) {
                    boxes.put(box.result(), box);
                } else if (instruction instanceof Instr.StoreAttr store && boxes.containsKey(store.value())
                        && uses.onlyBy(store.value(), use -> use == store || use.op() == Op.DECREF)) {
                    Instr.BoxFloat box = boxes.get(store.value());
                    instructions.set(i, new Instr.StoreAttrFloat(store.owner(), store.nameIndex(), box.value(), store.hint(), store.state(),
                            store.after()));
                    unboxed.put(box.result(), box.value());
                }
            }
        }
        // the boxes and their releases go; states that owned a box name its double, nothing to release
        Uses.removeUnneeded(function, unboxed);
    }
}
