package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.VirtualLocal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps numbers unboxed between operations, floats as doubles and ints as 64-bit values. An unbox
 * of a value that a box just made is the number that went into the box. A box whose object is
 * then used by nothing but its own reference counting (a copy of a local's number on the value
 * stack is an Incref of its box), or by a write of a virtual local (which boxes the number itself,
 * where it writes), is never allocated here: the box, its Increfs and Decrefs go, and frame and
 * resume states name the unboxed number instead, boxed again where one is materialised.
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
                    if (i + 1 < instructions.size() && instructions.get(i + 1) instanceof Instr.IntConstant number && number.index() == constant.index()) {
                        // an earlier pass took the constant's number already (IndexWithMachineInts): one is enough
                        boxedFrom.put(constant.result(), number.result());
                        continue;
                    }
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
        Set<Value> referenced = new HashSet<>();
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
        Map<Value, Set<Integer>> slots = localSlots(function);
        Map<Value, Value> unused = new HashMap<>();
        boxedFrom.forEach((box, unboxed) -> {
            if (uses.onlyRefcounted(box) && slots.getOrDefault(box, Set.of()).size() <= 1) {
                unused.put(box, unboxed);
            }
        });
        Uses.removeUnneeded(function, unused);
    }

    /**
     * The local slots that hold each value in some frame or resume state, or that it is written
     * to. A box held by two locals ({@code value = start}) is one object to the interpreter, which
     * could compare them ({@code value is start}) where compiled code hands it the frame: each
     * local would get a box of its own, so such a box stays. One local's number copied onto the
     * value stack can be compared with it only by an {@code is} that compiled code runs itself,
     * on the box, which then stays anyway.
     */
    private static Map<Value, Set<Integer>> localSlots(Function function) {
        Map<Value, Set<Integer>> slots = new HashMap<>();
        Consumer<List<VirtualLocal>> add = locals -> locals.forEach(local -> {
            slots.computeIfAbsent(local.value(), v -> new HashSet<>()).add(local.slot());
            if (local.companion() != null) {
                slots.computeIfAbsent(local.companion(), v -> new HashSet<>()).add(local.slot());
            }
        });
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction.state() != null) {
                    add.accept(instruction.state().locals());
                }
                if (instruction.resume() != null) {
                    add.accept(instruction.resume().locals());
                }
                if (instruction instanceof Instr.FlushLocal flush) {
                    slots.computeIfAbsent(flush.value(), v -> new HashSet<>()).add(flush.slot());
                }
            }
        }
        return slots;
    }
}
