package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who uses each value of a function: instructions (as operands) and terminators (branch
 * operands, returned values, edge arguments). A frame state owning a value is not a use: it
 * only says what to release on an error path.
 */
final class Uses {
    private final Map<Value, List<Instr>> byInstructions = new HashMap<>();
    private final Set<Value> byTerminators = new HashSet<>();

    static Uses of(Function function) {
        Uses uses = new Uses();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                for (Value operand : instruction.operands()) {
                    uses.byInstructions.computeIfAbsent(operand, v -> new ArrayList<>()).add(instruction);
                }
            }
            uses.byTerminators.addAll(block.terminator().operands());
        }
        return uses;
    }

    /** The instruction that defines each value an instruction defines (block parameters are not among them). */
    static Map<Value, Instr> definitions(Function function) {
        Map<Value, Instr> definitions = new HashMap<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction.result() != null) {
                    definitions.put(instruction.result(), instruction);
                }
            }
        }
        return definitions;
    }

    /** Whether the instruction names any of the values, as an operand or in its states. */
    static boolean names(Instr instruction, java.util.Collection<Value> values) {
        boolean[] found = {false};
        instruction.mapOperands(value -> {
            found[0] |= values.contains(value);
            return value;
        });
        return found[0];
    }

    List<Instr> instructions(Value value) {
        return byInstructions.getOrDefault(value, List.of());
    }

    /** Whether the value is used only by instructions that pass the test (no terminator uses it). */
    boolean onlyBy(Value value, Predicate<Instr> test) {
        return !byTerminators.contains(value) && instructions(value).stream().allMatch(test);
    }

    /**
     * Whether the value is used for nothing but counting its references, or writing it to its
     * local's slot ({@link Instr.FlushLocal}, which boxes an unboxed number itself): the copies
     * of a local's number on the value stack ({@code dt / (d2 * math.sqrt(d2))}) are references
     * only frame and resume states hold.
     */
    boolean onlyRefcounted(Value value) {
        return onlyBy(value, use -> use.op() == Op.DECREF || use.op() == Op.INCREF || use.op() == Op.FLUSH_LOCAL);
    }

    /**
     * Removes number objects that are no longer needed as objects, each the key of {@code unboxed},
     * whose value is the unboxed number it holds: their definitions, Increfs and Decrefs go, and
     * frame and resume states and frame writes name the number instead (nothing to release on an
     * error path; boxed again where it is written or the interpreter resumes).
     */
    static void removeUnneeded(Function function, Map<Value, Value> unboxed) {
        if (unboxed.isEmpty()) {
            return;
        }
        for (Block block : function.blocks()) {
            block.instructions().removeIf(instruction -> instruction.result() != null && unboxed.containsKey(instruction.result())
                    || (instruction.op() == Op.DECREF || instruction.op() == Op.INCREF) && unboxed.containsKey(instruction.operands().get(0)));
        }
        function.replaceUses(unboxed);
    }
}
