package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In a body compiled into its calls ({@link dev.pyjit.ir.Inlined}), an argument that is loaded
 * only to be unboxed, as an int or as a float ({@code def eval_a(i, j): return 1.0 / ((i + j) *
 * ...)}), is unboxed once by the call ({@link Instr.Argument}): each load of it, with its type
 * guard, its unboxing and its release, becomes the number. A call whose argument is anything else
 * (an int past 64 bits among them) is made instead, as it was where the body's guard failed. The
 * body has no stores (see {@link dev.pyjit.ir.Inlinability}), so every load of an argument sees
 * what the call passed; loads used otherwise stay, and read the object from the body's frame.
 */
public final class UnboxArguments implements Pass {
    @Override
    public String name() {
        return "unbox-arguments";
    }

    /** A load of an argument, the object its guard gives (the load itself where it needs none) and the boxed type it is unboxed from. */
    private record Unboxed(Instr.LoadLocal load, Value object, Type boxed) {}

    @Override
    public void run(Function body) {
        Uses uses = Uses.of(body);
        List<Unboxed> found = new ArrayList<>();
        Map<Integer, Type> slotTypes = new HashMap<>();
        Set<Integer> mixed = new HashSet<>();
        for (Block block : body.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.LoadLocal load && load.slot() < body.argumentSlots() && !load.orUnbound()) {
                    Unboxed unboxed = unboxedOnly(uses, load);
                    if (unboxed != null) {
                        found.add(unboxed);
                        if (!slotTypes.getOrDefault(load.slot(), unboxed.boxed()).equals(unboxed.boxed())) {
                            mixed.add(load.slot());
                        }
                        slotTypes.put(load.slot(), unboxed.boxed());
                    }
                }
            }
        }
        // by identity: a record's own hash walks its states
        Map<Instr, Value> arguments = new IdentityHashMap<>();
        Map<Value, Value> numbers = new HashMap<>();
        Map<Value, Value> unneeded = new HashMap<>();
        for (Unboxed unboxed : found) {
            if (mixed.contains(unboxed.load().slot())) {
                continue;
            }
            Value number = body.newValue(unboxed.boxed().equals(Type.FLOAT) ? Type.CDOUBLE : Type.CINT64);
            arguments.put(unboxed.load(), number);
            for (Instr use : uses.instructions(unboxed.object())) {
                if (use instanceof Instr.UnboxInt || use instanceof Instr.UnboxFloat) {
                    numbers.put(use.result(), number);
                }
            }
            unneeded.put(unboxed.load().result(), number);
            unneeded.put(unboxed.object(), number);
        }
        if (arguments.isEmpty()) {
            return;
        }
        for (Block block : body.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                Value number = arguments.get(instructions.get(i));
                if (number != null) {
                    instructions.set(i, new Instr.Argument(number, ((Instr.LoadLocal) instructions.get(i)).slot()));
                }
            }
            instructions.removeIf(instruction -> numbers.containsKey(instruction.result()));
        }
        body.replaceUses(numbers);
        Uses.removeUnneeded(body, unneeded);
    }

    /**
     * The load's object as it is unboxed, where a guard that it is an int or a float (or the
     * load's own type) is all that uses the load, and unboxing and releases all that use the
     * object; else null.
     */
    private static Unboxed unboxedOnly(Uses uses, Instr.LoadLocal load) {
        Value object = load.result();
        Type boxed = object.type();
        List<Instr> users = uses.instructions(object);
        if (users.size() == 1 && users.get(0) instanceof Instr.GuardType guard && uses.onlyBy(object, use -> use == guard)) {
            object = guard.result();
            boxed = guard.type();
        }
        if (!boxed.equals(Type.INT) && !boxed.equals(Type.FLOAT)) {
            return null;
        }
        boolean isFloat = boxed.equals(Type.FLOAT);
        boolean unboxedSomewhere = uses.instructions(object).stream()
                .anyMatch(use -> isFloat ? use instanceof Instr.UnboxFloat : use instanceof Instr.UnboxInt);
        boolean onlyUnboxed = uses.onlyBy(object, use -> use.op() == Op.DECREF
                || (isFloat ? use instanceof Instr.UnboxFloat : use instanceof Instr.UnboxInt));
        return unboxedSomewhere && onlyUnboxed ? new Unboxed(load, object, boxed) : null;
    }
}
