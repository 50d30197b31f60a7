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
 * A float boxed only to be stored into an attribute ({@code body.x += dt * body.vx}) or a
 * container's item ({@code row[j] += a * b}) is stored as its double ({@link Instr.StoreAttrFloat},
 * {@link Instr.StoreSubscriptFloat}): where the old float is referenced by the owner or the list
 * alone, that object takes the new value, so the store allocates nothing and frees nothing. Runs
 * after EliminateBoxing, which leaves the boxes that something still needs.
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
                } else if (instruction instanceof Instr.StoreAttr store && onlyStored(uses, boxes, store, store.value())) {
                    Instr.BoxFloat box = boxes.get(store.value());
                    instructions.set(i, new Instr.StoreAttrFloat(store.owner(), store.nameIndex(), box.value(), store.hint(), store.state(),
                            store.after()));
                    unboxed.put(box.result(), box.value());
                } else if (instruction instanceof Instr.Effect store && store.op() == Op.STORE_SUBSCRIPT
                        && onlyStored(uses, boxes, store, store.operands().get(2))) {
                    Instr.BoxFloat box = boxes.get(store.operands().get(2));
                    instructions.set(i, new Instr.StoreSubscriptFloat(store.operands().get(0), store.operands().get(1), box.value(),
                            store.state()));
                    unboxed.put(box.result(), box.value());
                }
            }
        }
        // the boxes and their releases go; states that owned a box name its double, nothing to release
        Uses.removeUnneeded(function, unboxed);
    }

    /** Whether the value is a box of this block that the store is the one use of, besides releases. */
    private static boolean onlyStored(Uses uses, Map<Value, Instr.BoxFloat> boxes, Instr store, Value value) {
        return boxes.containsKey(value) && uses.onlyBy(value, use -> use == store || use.op() == Op.DECREF);
    }
}
