package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * A guard on a value that an earlier guard of the same block already checked is dropped, where the
 * earlier one proved a builtin type at least as narrow: its result stands for the later one's. An
 * object of a builtin type keeps its type (CPython refuses a {@code __class__} assignment to it),
 * whatever runs between the two. {@code row[j] += x} guards the list once to read the item and
 * again to store it; an instance of a class could be given another class in between, so guards to
 * such types stay.
 */
public final class ElideRepeatedGuards implements Pass {
    @Override
    public String name() {
        return "elide-repeated-guards";
    }

    @Override
    public void run(Function function) {
        Map<Value, Value> replacement = new HashMap<>();
        for (Block block : function.blocks()) {
            Map<Value, Instr.GuardType> provenIn = new HashMap<>();
            block.instructions().removeIf(instruction -> {
                if (!(instruction instanceof Instr.GuardType guard) || guard.type().isBottom() || !guard.type().isSubtypeOf(Type.EXACT)) {
                    return false;
                }
                Instr.GuardType earlier = provenIn.get(guard.value());
                if (earlier != null && earlier.type().isSubtypeOf(guard.type())) {
                    replacement.put(guard.result(), earlier.result());
                    return true;
                }
                provenIn.put(guard.value(), guard);
                return false;
            });
        }
        if (!replacement.isEmpty()) {
            function.replaceUses(replacement);
        }
    }
}
