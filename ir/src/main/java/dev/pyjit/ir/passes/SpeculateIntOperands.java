package dev.pyjit.ir.passes;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * CPython's interpreter specialises + - * for ints, but never & | ^ << >> // %: it leaves no hint
 * of the types these met, so a value read from a cell, returned by a call or kept in a local
 * that such an operation wrote stays an object, and so does everything computed from it
 * ({@code free = full & ~(cols | down | up)} with {@code full} from the enclosing function). Where
 * one operand of such an operation (hint {@link CacheHint#BINARY_OP_GENERIC}) is known to be an
 * exact int, or is an argument that was an int on every call seen ({@link Function#seenInt}, never
 * stored to), and the other may be one, the operands not known to be ints are guarded to be exact
 * ints right before it, resuming at the operation in the interpreter if one is not:
 * SpecialiseArithmetic then computes it on 64-bit values, and its result is an int too, which
 * makes the next such operation's operand one. Types are inferred again after each round of
 * guards, until no operation gains one.
 *
 * <p>The guard takes the operand's reference over, as the builder's guards of hinted operands do:
 * the rest of the block uses the guarded value in its place. A function whose guards keep failing
 * is compiled again without hints, and then without these guards. Runs on the types of the first
 * inference, before PromoteLocals, which gives each guard's resumption the virtual locals it needs.
 */
public final class SpeculateIntOperands implements Pass {
    /** The operators of ints compiled code computes on 64-bit values that the interpreter never specialises. */
    public static final Set<BinaryOperator> OPERATORS = EnumSet.of(BinaryOperator.AND, BinaryOperator.OR, BinaryOperator.XOR,
            BinaryOperator.LSHIFT, BinaryOperator.RSHIFT, BinaryOperator.FLOOR_DIVIDE, BinaryOperator.REMAINDER);

    @Override
    public String name() {
        return "speculate-int-operands";
    }

    @Override
    public void run(Function function) {
        Set<Value> seenInts = seenIntLoads(function);
        while (guardRound(function, seenInts)) {
            new TypeInference().run(function);
        }
    }

    /** The loads of arguments seen to be ints on every call, where nothing in the function stores to their slots. */
    private static Set<Value> seenIntLoads(Function function) {
        Set<Integer> stored = new HashSet<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.StoreLocal store) {
                    stored.add(store.slot());
                } else if (instruction instanceof Instr.DeleteLocal delete) {
                    stored.add(delete.slot());
                }
            }
        }
        Set<Value> loads = new HashSet<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.LoadLocal load && function.seenInt(load.slot()) && !stored.contains(load.slot())) {
                    loads.add(load.result());
                }
            }
        }
        return loads;
    }

    /** Guards the operands of every operation that qualifies now; whether there was one. */
    private static boolean guardRound(Function function, Set<Value> seenInts) {
        boolean guarded = false;
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i) instanceof Instr.BinaryOp op && op.hint() == CacheHint.BINARY_OP_GENERIC && op.resume() != null
                        && OPERATORS.contains(op.operator().base()) && qualifies(op, seenInts)) {
                    for (Value speculated : new LinkedHashSet<>(op.operands())) {
                        if (!isInt(speculated)) {
                            Value checked = function.newValue(Type.INT);
                            instructions.add(i, new Instr.GuardType(checked, speculated, Type.INT, op.resume()));
                            i++;
                            renameFrom(block, i, speculated, checked);
                            op = (Instr.BinaryOp) instructions.get(i);
                        }
                    }
                    guarded = true;
                }
            }
        }
        return guarded;
    }

    /** One operand is an int or seen to be one, and neither is known not to be one; not both known already. */
    private static boolean qualifies(Instr.BinaryOp op, Set<Value> seenInts) {
        boolean leftInt = isInt(op.left()) || seenInts.contains(op.left()) && mayBeInt(op.left());
        boolean rightInt = isInt(op.right()) || seenInts.contains(op.right()) && mayBeInt(op.right());
        return (leftInt || rightInt) && (leftInt || mayBeInt(op.left())) && (rightInt || mayBeInt(op.right()))
                && !(isInt(op.left()) && isInt(op.right()));
    }

    private static boolean isInt(Value value) {
        return value.type().equals(Type.INT);
    }

    /** Neither known to be an exact int nor known not to be one. */
    private static boolean mayBeInt(Value value) {
        return !value.type().isBottom() && !value.type().equals(Type.INT) && Type.INT.isSubtypeOf(value.type());
    }

    /** The block's instructions from {@code from} on, and its terminator, use {@code to} for {@code from}'s value. */
    private static void renameFrom(Block block, int from, Value original, Value to) {
        UnaryOperator<Value> renamed = value -> value.equals(original) ? to : value;
        List<Instr> instructions = block.instructions();
        for (int i = from; i < instructions.size(); i++) {
            instructions.set(i, instructions.get(i).mapOperands(renamed));
        }
        block.setTerminator(block.terminator().mapOperands(renamed));
    }
}
