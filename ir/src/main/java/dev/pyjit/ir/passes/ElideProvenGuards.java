package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * A type guard on a value that inference already knows to be of that type is dropped: its result
 * is the value itself (the guard took the reference over and gave it back). Guards come from the
 * interpreter's specialisations, made before inference; a local that stays a float around a loop,
 * say, needs none, and would otherwise have to stay a float object for the guard to look at.
 */
public final class ElideProvenGuards implements Pass {
    @Override
    public String name() {
        return "elide-proven-guards";
    }

    @Override
    public void run(Function function) {
        Map<Value, Value> replacement = new HashMap<>();
        for (Block block : function.blocks()) {
            block.instructions().removeIf(instruction -> {
                if (instruction instanceof Instr.GuardType guard && !guard.speculates()) {
                    replacement.put(guard.result(), guard.value());
                    return true;
                }
                return false;
            });
        }
        if (!replacement.isEmpty()) {
            function.replaceUses(replacement);
        }
    }
}
