package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps numbers unboxed between operations, floats as doubles and ints as 64-bit values. An unbox
 * of a value that a box just made is the number that went into the box. A box whose object is
 * then used by nothing but its own release, or by a write of a virtual local (which boxes the
 * number itself, where it writes), is never allocated here: the box and its Decref go, and frame
 * and resume states name the unboxed number instead.
 */
public final class EliminateBoxing implements Pass {
    @Override
    public String name() {
        return "eliminate-boxing";
    }

    @Override
    public void run(Function function) {
        Map<Value, Value> boxedFrom = new HashMap<>();
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                Instr instruction = instructions.get(i);
                if (instruction instanceof Instr.BoxFloat box) {
                    boxedFrom.put(box.result(), box.value());
                } else if (instruction instanceof Instr.BoxInt box) {
                    boxedFrom.put(box.result(), box.value());
                } else if (instruction instanceof Instr.LoadConst constant && function.intConstant(constant.index()).isPresent()) {
                    Value value = function.newValue(Type.CINT64);
                    instructions.add(++i, new Instr.IntConstant(value, constant.index(), function.intConstant(constant.index()).getAsLong()));
                    boxedFrom.put(constant.result(), value);
                }
            }
        }
        Map<Value, Value> replacement = new HashMap<>();
        for (Block block : function.blocks()) {
            block.instructions().removeIf(instruction -> {
                Value unboxed = unboxedOperand(instruction);
                if (unboxed != null && boxedFrom.containsKey(unboxed)) {
                    replacement.put(instruction.result(), boxedFrom.get(unboxed));
                    return true;
                }
                return false;
            });
        }
        // an unbox of a box of an unbox that went stands for the number the first one unboxed
        replacement.replaceAll((unbox, unboxed) -> resolved(replacement, unboxed));
        boxedFrom.replaceAll((box, unboxed) -> resolved(replacement, unboxed));
        if (!replacement.isEmpty()) {
            function.replaceUses(replacement);
        }
        removeUnusedBoxes(function, boxedFrom);
        removeUnreferencedIntConstants(function);
    }

    /** The constants made above for loads whose objects stayed, where nothing took their value. */
    private static void removeUnreferencedIntConstants(Function function) {
        java.util.Set<Value> referenced = new java.util.HashSet<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                referenced.addAll(instruction.operands());
                if (instruction.state() != null) {
                    referenced.addAll(instruction.state().owned());
                    instruction.state().locals().forEach(local -> referenced.add(local.value()));
                }
                if (instruction.resume() != null) {
                    referenced.addAll(instruction.resume().stack());
                    referenced.addAll(instruction.resume().released());
                    instruction.resume().locals().forEach(local -> referenced.add(local.value()));
                }
            }
            referenced.addAll(block.terminator().operands());
        }
        for (Block block : function.blocks()) {
            block.instructions().removeIf(instruction -> instruction instanceof Instr.IntConstant && !referenced.contains(instruction.result()));
        }
    }

    /** The object an unbox reads, or null for any other instruction. */
    private static Value unboxedOperand(Instr instruction) {
        if (instruction instanceof Instr.UnboxFloat unbox) {
            return unbox.value();
        }
        return instruction instanceof Instr.UnboxInt unbox ? unbox.value() : null;
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
