package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops an Incref and a later Decref of the same value in one block when nothing between them can
 * release the value's other reference: no store or flush of a local (one of which may own it),
 * no other release of it or of anything that could hold it, nothing that takes it over or runs
 * Python code. A local loaded twice for one expression ({@code x * x}) then costs no reference
 * counting, a float a virtual local holds is used as its double alone, and a loop's float local
 * copied into {@code acc += values[i] * k} goes around the loop unboxed. An instruction between
 * them that can raise or hand the frame to the interpreter with the value among what it releases
 * or passes on then borrows that reference ({@link Instr#withBorrowed}): its exit takes it first.
 */
public final class CancelRefcountPairs implements Pass {
    /** Releasing an object of these types frees nothing else. */
    private static final Type LEAF = Type.NONE.union(Type.BOOL).union(Type.INT).union(Type.FLOAT).union(Type.STR).union(Type.CDOUBLE)
            .union(Type.CINT64);

    @Override
    public String name() {
        return "cancel-refcount-pairs";
    }

    @Override
    public void run(Function function) {
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < instructions.size() && !changed; i++) {
                    if (instructions.get(i).op() == Op.INCREF) {
                        Set<Value> aliases = new LinkedHashSet<>(instructions.get(i).operands());
                        int release = matchingRelease(instructions, i, aliases);
                        if (release >= 0) {
                            for (int between = i + 1; between < release; between++) {
                                for (Value alias : aliases) {
                                    instructions.set(between, instructions.get(between).withBorrowed(alias));
                                }
                            }
                            instructions.remove(release);
                            instructions.remove(i);
                            changed = true;
                        }
                    }
                }
            }
        }
    }

    /**
     * Whether the value is a reference to a local's object that was loaded (and type-checked)
     * between the Incref and its release: nothing between stores or flushes a local (the search
     * stops at those), so the frame still holds the object and releasing the loaded reference frees
     * nothing ({@code acc += values[i]} releases the list it indexed).
     */
    private static boolean loadedFromLocal(List<Instr> instructions, int increment, int release, Value value) {
        for (int i = release - 1; i > increment; i--) {
            Instr instruction = instructions.get(i);
            if (value.equals(instruction.result())) {
                if (instruction instanceof Instr.GuardType guard) {
                    value = guard.value();
                } else {
                    return instruction instanceof Instr.LoadLocal;
                }
            }
        }
        return false;
    }

    /** Whether the instruction takes one of the references over (a type guard's result is one more alias). */
    private static boolean takesOver(Instr instruction, Set<Value> aliases) {
        return instruction.op().stealsOperands && instruction.op() != Op.GUARD_TYPE && instruction.operands().stream().anyMatch(aliases::contains);
    }

    /**
     * The index of the Decref that cancels the Incref at {@code increment}, or -1: a release of the
     * value or of a type guard's result on it ({@code x * y} over a zip's items guards them floats).
     * {@code aliases}, the value at first, gains the results of the guards on it on the way (the
     * same object).
     */
    private static int matchingRelease(List<Instr> instructions, int increment, Set<Value> aliases) {
        for (int i = increment + 1; i < instructions.size(); i++) {
            Instr between = instructions.get(i);
            if (between instanceof Instr.GuardType guard && aliases.contains(guard.value())) {
                aliases.add(guard.result());
            }
            if (between.op() == Op.DECREF) {
                Value released = between.operands().get(0);
                if (aliases.contains(released)) {
                    return i;
                }
                if ((!released.type().isSubtypeOf(LEAF) || released.type().isBottom()) && !loadedFromLocal(instructions, increment, i, released)) {
                    return -1;
                }
            } else if (between.op() == Op.STORE_LOCAL || between.op() == Op.FLUSH_LOCAL || PromoteLocals.runsCode(between)
                    || takesOver(between, aliases)) {
                return -1;
            }
        }
        return -1;
    }
}
