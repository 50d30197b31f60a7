package dev.pyjit.ir;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which method and function bodies may be compiled into their calls ({@link Inlined}): those that
 * run no Python code and change nothing before they return. Such a body can stop anywhere (a guard
 * fails, a cached attribute or global is not where the interpreter's cache says, memory runs out as
 * it boxes a number, a float is divided by zero) and the call be made instead, in a real frame, with the same outcome; and no
 * code can look for the frame it does not have. So: loads of arguments and constants, of
 * attributes through the interpreter's caches or the call site's shapes, of globals through the
 * interpreter's caches, guards, unboxed arithmetic and comparisons, boxing, reference counts,
 * truth tests of exact builtin types, and branches on exact bools; operators and comparisons of
 * unknown operands too, which the inlined body computes for ints, floats and strs alone (anything
 * else, whose {@code __dunder__} could run, makes the call); no calls, no try, and small. One
 * attribute store may end a body ({@code self.state |= HELD}): the runtime stores only where that
 * runs no code (the value it replaces has no finalizer to run, see pyjit_store_attr_inline), and
 * makes the call instead where it does not store; after it, nothing may stop the body, since the
 * call made then would store again: until the return only constants and reference counts that
 * cannot free an object (of the value stored, of an argument, which the frame still holds, or of
 * an int, float, str, bool or None, which run nothing when freed).
 */
public final class Inlinability {
    /** The most IR instructions an inlined body has: a getter or a comparison, not an algorithm. */
    public static final int MAX_INSTRUCTIONS = 40;

    private static final Set<Op> ALLOWED = EnumSet.of(Op.LOAD_CONST, Op.LOAD_LOCAL, Op.LOAD_ATTR, Op.LOAD_ATTR_FLOAT, Op.LOAD_GLOBAL, Op.GUARD_TYPE,
            Op.UNBOX_INT, Op.UNBOX_FLOAT, Op.INT_CONSTANT, Op.ARGUMENT, Op.FLOAT_CONSTANT, Op.INT_TO_FLOAT, Op.INT_ARITH, Op.FLOAT_ARITH, Op.FLOAT_DIVIDE,
            Op.INT_COMPARE, Op.FLOAT_COMPARE, Op.IS, Op.NOT, Op.BOX_INT, Op.BOX_FLOAT, Op.CHECK_EVAL_BREAKER, Op.INCREF, Op.DECREF,
            Op.BINARY_OP, Op.COMPARE, Op.STORE_ATTR);
    /** What may follow the one store on the way to the return. */
    private static final Set<Op> AFTER_STORE = EnumSet.of(Op.LOAD_CONST, Op.INT_CONSTANT, Op.FLOAT_CONSTANT, Op.CHECK_EVAL_BREAKER, Op.INCREF, Op.DECREF);
    private static final Type FREED_WITHOUT_CODE = Type.INT.union(Type.FLOAT).union(Type.STR).union(Type.IMMORTAL);

    private Inlinability() {}

    /** Why {@code callee} may not be inlined, or null if it may. */
    public static String reason(Function callee) {
        int count = 0;
        for (Block block : callee.blocks()) {
            for (Instr instruction : block.instructions()) {
                count++;
                if (!ALLOWED.contains(instruction.op()) && !(instruction instanceof Instr.ToBool test && test.runsNoCode())) {
                    return "it has " + Printer.camelCase(instruction.op().name());
                }
                // an attribute the interpreter never loaded (a branch it did not take) is still found
                // by the call site's own shapes, without running code; a global has no such shapes
                if (instruction instanceof Instr.LoadGlobal global && global.hint() == CacheHint.NONE) {
                    return "the interpreter has no cache for its " + Printer.camelCase(instruction.op().name());
                }
                FrameState state = instruction.state();
                if (state != null && (state.handler() != null || !state.locals().isEmpty() || !state.borrowed().isEmpty())) {
                    return "an instruction has a handler, virtual locals or borrowed references";
                }
                ResumeState resume = instruction.resume();
                if (resume != null && (!resume.locals().isEmpty() || !resume.borrowed().isEmpty())) {
                    return "an instruction resumes with virtual locals or borrowed references";
                }
            }
            Terminator terminator = block.terminator();
            if (!(terminator instanceof Terminator.Return || terminator instanceof Terminator.Jump
                    || terminator instanceof Terminator.Branch)) {
                return "it ends a block with " + terminator.getClass().getSimpleName();
            }
        }
        if (count > MAX_INSTRUCTIONS) {
            return "it has " + count + " instructions (at most " + MAX_INSTRUCTIONS + ")";
        }
        return storeReason(callee);
    }

    /** Why the body's stores keep it out: more than one, or one that something could stop after. */
    private static String storeReason(Function callee) {
        int stores = 0;
        for (Block block : callee.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                if (!(instructions.get(i) instanceof Instr.StoreAttr store)) {
                    continue;
                }
                stores++;
                if (!(block.terminator() instanceof Terminator.Return)) {
                    return "its store does not end it";
                }
                for (Instr later : instructions.subList(i + 1, instructions.size())) {
                    if (!AFTER_STORE.contains(later.op()) || (later.op() == Op.DECREF && !freesNothing(((Instr.Refcount) later).value(), store, callee))) {
                        return "something after its store could stop it or run code: " + Printer.camelCase(later.op().name());
                    }
                }
            }
        }
        return stores > 1 ? "it stores " + stores + " times" : null;
    }

    private static boolean freesNothing(Value released, Instr.StoreAttr store, Function callee) {
        if (released.equals(store.value()) || released.type().isSubtypeOf(FREED_WITHOUT_CODE)) {
            return true;
        }
        for (Block block : callee.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.LoadLocal load && load.result().equals(released)) {
                    return load.slot() < callee.argumentSlots();
                }
            }
        }
        return false;
    }
}
