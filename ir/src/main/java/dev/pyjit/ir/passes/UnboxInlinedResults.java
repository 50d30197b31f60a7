package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Inlined;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A body compiled into its calls that returns a float or an int it boxed itself returns the
 * number instead, and each call takes it unboxed: the call's result is the double or the 64-bit
 * value, boxed again right after the call where GuardInlinedResults guarded it. EliminateBoxing,
 * which follows, drops that box wherever the caller only computes with the number, so
 * {@code total += eval_a(i, j) * u[j]} allocates no float for eval_a's result. A call made
 * instead (another function was bound there) has its result checked and unboxed where the guard
 * was; an object of another type, or an int past 64 bits, resumes in the interpreter there, with
 * the result on its stack (the call's resume state, the guard's).
 *
 * <p>The IR builder shares one body among the calls of a function that call the same code with
 * as many arguments, so a body changes only where every call of it is guarded to its type.
 */
public final class UnboxInlinedResults implements Pass {
    @Override
    public String name() {
        return "unbox-inlined-results";
    }

    @Override
    public void run(Function function) {
        Map<Inlined, List<Instr.Call>> calls = new IdentityHashMap<>();
        Map<Instr.Call, Instr.GuardType> guards = new IdentityHashMap<>();
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i) instanceof Instr.Call call && call.inlined() != null) {
                    calls.computeIfAbsent(call.inlined(), body -> new ArrayList<>()).add(call);
                    if (i + 1 < instructions.size() && instructions.get(i + 1) instanceof Instr.GuardType guard
                            && guard.value().equals(call.result()) && call.after() != null) {
                        guards.put(call, guard);
                    }
                }
            }
        }
        Map<Instr.Call, Type> unboxed = new IdentityHashMap<>();
        calls.forEach((body, sites) -> {
            Map<Value, Value> returned = new HashMap<>();
            Type boxed = returnedBox(body.callee(), returned);
            if (boxed != null && sites.stream().allMatch(call -> guards.containsKey(call) && guards.get(call).type().equals(boxed))) {
                Uses.removeUnneeded(body.callee(), returned);
                sites.forEach(call -> unboxed.put(call, boxed));
            }
        });
        Map<Value, Value> renamed = new HashMap<>();
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i) instanceof Instr.Call call && unboxed.containsKey(call)) {
                    Type boxed = unboxed.get(call);
                    Instr.GuardType guard = guards.get(call);
                    Value number = function.newValue(boxed.equals(Type.FLOAT) ? Type.CDOUBLE : Type.CINT64);
                    renamed.put(call.result(), number);
                    instructions.set(i, call.withUnboxedResult(number, guard.resume()));
                    // a failure to allocate raises where the call did, holding what it held across the call
                    instructions.set(i + 1, boxed.equals(Type.FLOAT) ? new Instr.BoxFloat(guard.result(), number, call.state())
                            : new Instr.BoxInt(guard.result(), number, call.state()));
                }
            }
        }
        if (!renamed.isEmpty()) {
            function.replaceUses(renamed);
        }
    }

    /**
     * Float or Int, where every return of the body gives a box that its own BoxFloat or BoxInt
     * made and nothing else uses; else null. {@code returned} gets each such box's number.
     */
    private static Type returnedBox(Function body, Map<Value, Value> returned) {
        Map<Value, Instr> boxes = new HashMap<>();
        for (Block block : body.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.BoxFloat || instruction instanceof Instr.BoxInt) {
                    boxes.put(instruction.result(), instruction);
                }
            }
        }
        Uses uses = Uses.of(body);
        Type type = null;
        for (Block block : body.blocks()) {
            if (block.terminator() instanceof Terminator.Return exit) {
                Instr box = boxes.get(exit.value());
                if (box == null || !uses.instructions(box.result()).isEmpty()) {
                    return null;
                }
                Type boxed = box instanceof Instr.BoxFloat ? Type.FLOAT : Type.INT;
                if (type != null && !type.equals(boxed)) {
                    return null;
                }
                type = boxed;
                returned.put(box.result(), box.operands().get(0));
            }
        }
        return type;
    }
}
