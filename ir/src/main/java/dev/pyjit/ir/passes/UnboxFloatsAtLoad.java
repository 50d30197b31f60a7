package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A float local or float constant that is loaded only to be unboxed (and released) is read as a
 * double where it is loaded: {@code LoadLocalFloat} reads the double out of the frame slot and
 * {@code FloatConstant} is the constant's value, so no reference is taken and none released.
 * The read stays at the load's position, because a store to the same local may follow before
 * the value is used. A local's read keeps the load's check and resume state.
 *
 * <p>So does an attribute that is only guarded to be a float and unboxed ({@code a.x - b.x}):
 * {@code LoadAttrFloat} reads the double where the interpreter's cache finds an exact float, with
 * no reference taken and none released, and checks the type itself, resuming after the load with
 * the object where it is anything else; states that held the object name the double.
 */
public final class UnboxFloatsAtLoad implements Pass {
    @Override
    public String name() {
        return "unbox-floats-at-load";
    }

    @Override
    public void run(Function function) {
        Uses uses = Uses.of(function);
        Map<Value, Value> replacement = new HashMap<>();
        // by identity: a record's own hash walks its whole frame state, for every instruction
        Set<Instr> unboxes = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Value, Value> unneeded = new HashMap<>();
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                Instr load = instructions.get(i);
                Value loaded = load.result();
                // an attribute is the object a float guard takes; a local or a constant is typed a float already
                Value floatObject = load instanceof Instr.LoadAttr attribute ? guardedAsFloat(uses, attribute) : loaded;
                if (floatObject == null || !floatObject.type().equals(Type.FLOAT) || !onlyUnboxed(uses, floatObject)) {
                    continue;
                }
                Instr unboxed = unboxedLoad(function, load);
                if (unboxed == null) {
                    continue;
                }
                instructions.set(i, unboxed);
                for (Instr use : uses.instructions(floatObject)) {
                    if (use instanceof Instr.UnboxFloat unbox) {
                        replacement.put(unbox.result(), unboxed.result());
                        unboxes.add(unbox);
                    }
                }
                unneeded.put(loaded, unboxed.result());
                unneeded.put(floatObject, unboxed.result());
            }
        }
        for (Block block : function.blocks()) {
            block.instructions().removeIf(unboxes::contains);
        }
        function.replaceUses(replacement);
        Uses.removeUnneeded(function, unneeded);
    }

    private static boolean onlyUnboxed(Uses uses, Value value) {
        return uses.instructions(value).stream().anyMatch(Instr.UnboxFloat.class::isInstance)
                && uses.onlyBy(value, use -> use instanceof Instr.UnboxFloat || use.op() == Op.DECREF);
    }

    /**
     * The result of the one instruction that uses a cached attribute load's object, a guard that
     * it is a float; null where the object has any other use or the load could not resume after itself.
     */
    private static Value guardedAsFloat(Uses uses, Instr.LoadAttr load) {
        if (load.after() == null || load.hint() == CacheHint.NONE || !uses.onlyBy(load.result(), use -> true)) {
            return null;
        }
        List<Instr> users = uses.instructions(load.result());
        return users.size() == 1 && users.get(0) instanceof Instr.GuardType guard && guard.type().equals(Type.FLOAT) ? guard.result() : null;
    }

    /**
     * The resume state of a load that did not speculate, made ready to hand over: the references
     * its frame state borrows (CancelRefcountPairs never took them) are borrowed there too, as they
     * would have been had the load speculated then.
     */
    private static ResumeState handingOverBorrowed(ResumeState after, FrameState state) {
        ResumeState ready = after;
        for (Value borrowed : state.borrowed()) {
            if (ready.handsOver(borrowed)) {
                ready = ready.withBorrowed(borrowed);
            }
        }
        return ready;
    }

    /** The double-valued form of a load, or null for any other instruction. */
    private static Instr unboxedLoad(Function function, Instr load) {
        if (load instanceof Instr.LoadAttr attribute) {
            return new Instr.LoadAttrFloat(function.newValue(Type.CDOUBLE), attribute.owner(), attribute.nameIndex(), attribute.hint(),
                    attribute.state(), attribute.speculates() ? attribute.after() : handingOverBorrowed(attribute.after(), attribute.state()));
        }
        if (load instanceof Instr.LoadLocal local && local.resume() != null && !local.orUnbound()) {
            return new Instr.LoadLocalFloat(function.newValue(Type.CDOUBLE), local.slot(), local.resume());
        }
        if (load instanceof Instr.LoadConst constant) {
            OptionalDouble value = function.floatConstant(constant.index());
            return value.isPresent() ? new Instr.FloatConstant(function.newValue(Type.CDOUBLE), constant.index(), value.getAsDouble()) : null;
        }
        return null;
    }
}
