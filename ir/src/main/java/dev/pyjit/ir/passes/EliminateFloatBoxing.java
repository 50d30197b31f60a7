package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps doubles unboxed between float operations. An unbox of a value that a box just made is
 * the double that went into the box. A box whose object is then used by nothing but its own
 * release is never allocated: the box and its Decref go, and frame and resume states name the
 * double instead.
 */
public final class EliminateFloatBoxing implements Pass {
    @Override
    public String name() {
        return "eliminate-float-boxing";
    }

    @Override
    public void run(Function function) {
        Map<Value, Value> boxedFrom = new HashMap<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.BoxFloat box) {
                    boxedFrom.put(box.result(), box.value());
                }
            }
        }
        Map<Value, Value> replacement = new HashMap<>();
        for (Block block : function.blocks()) {
            block.instructions().removeIf(instruction -> {
                if (instruction instanceof Instr.UnboxFloat unbox && boxedFrom.containsKey(unbox.value())) {
                    replacement.put(unbox.result(), boxedFrom.get(unbox.value()));
                    return true;
                }
                return false;
            });
        }
        // an unbox of a box of an unbox that went stands for the double the first one unboxed
        replacement.replaceAll((unbox, unboxed) -> resolved(replacement, unboxed));
        boxedFrom.replaceAll((box, unboxed) -> resolved(replacement, unboxed));
        if (!replacement.isEmpty()) {
            function.replaceUses(replacement);
        }
        removeUnusedBoxes(function, boxedFrom);
    }

    private static Value resolved(Map<Value, Value> replacement, Value value) {
        Value result = value;
        while (replacement.containsKey(result)) {
            result = replacement.get(result);
        }
        return result;
    }

    private static void removeUnusedBoxes(Function function, Map<Value, Value> boxedFrom) {
        Uses uses = Uses.of(function);
        Map<Value, Value> unused = new HashMap<>();
        boxedFrom.forEach((box, unboxed) -> {
            if (uses.onlyReleased(box)) {
                unused.put(box, unboxed);
            }
        });
        Uses.removeUnneeded(function, unused);
    }
}
