package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code v2 = ToBool v1} where v1 is already an exact bool becomes {@code Incref v1}, and every use
 * of v2 uses v1: {@code bool(b) is b} for a bool. The reference the ToBool created is still
 * created (by the Incref), so ownership is unchanged; ElideImmortalRefcounts then drops it.
 */
public final class SimplifyToBool implements Pass {
    @Override
    public String name() {
        return "simplify-to-bool";
    }

    @Override
    public void run(Function function) {
        Map<Value, Value> replacement = new HashMap<>();
        for (Block block : function.blocks()) {
            block.instructions().replaceAll(instruction -> {
                if (instruction instanceof Instr.ToBool toBool && toBool.operand().type().isSubtypeOf(Type.BOOL)) {
                    // ToBool of an earlier rewritten ToBool: go back to the original bool.
                    Value original = replacement.getOrDefault(toBool.operand(), toBool.operand());
                    replacement.put(toBool.result(), original);
                    return new Instr.Refcount(Op.INCREF, original);
                }
                return instruction;
            });
        }
        if (!replacement.isEmpty()) {
            function.replaceUses(replacement);
        }
    }
}
