package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.List;

/**
 * A call whose callee's body is compiled into it returns what that body returns, unless the call
 * is made after all (another function was bound there). Where every return of the body gives an
 * object of one exact type (an int its arithmetic boxed, a float, a bool), the call's result is
 * guarded to be of that type right after the call, where the interpreter would push it: the
 * caller then computes with it as with any value of a known type ({@code t = add(t, i) & 0xFFFF}
 * takes the int's 64 bits instead of calling the runtime's generic and). A call made instead that
 * returns something else hands the frame to the interpreter there, with the result on its stack.
 * Runs before PromoteLocals, which gives the guard's resumption the virtual locals it needs.
 */
public final class GuardInlinedResults implements Pass {
    private static final List<Type> GUARDABLE = List.of(Type.NONE, Type.BOOL, Type.INT, Type.FLOAT, Type.STR, Type.TUPLE, Type.LIST, Type.DICT);

    @Override
    public String name() {
        return "guard-inlined-results";
    }

    @Override
    public void run(Function function) {
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i) instanceof Instr.Call call && call.inlined() != null && call.after() != null) {
                    Type returned = returnedType(call.inlined().callee());
                    if (GUARDABLE.contains(returned) && !call.result().type().isSubtypeOf(returned)) {
                        Value guarded = function.newValue(returned);
                        renameUses(function, call, call.result(), guarded);
                        instructions.add(i + 1, new Instr.GuardType(guarded, call.result(), returned, call.after()));
                    }
                }
            }
        }
    }

    /** The one type every return of the body gives, or null if they give several or none is known. */
    private static Type returnedType(Function body) {
        Type returned = null;
        for (Block block : body.blocks()) {
            if (block.terminator() instanceof Terminator.Return exit) {
                Type type = exit.value().type();
                if (returned != null && !returned.equals(type)) {
                    return null;
                }
                returned = type;
            }
        }
        return returned;
    }

    /** Everything but the call itself (whose resumption pushes its own result) uses {@code guarded} for {@code result}. */
    private static void renameUses(Function function, Instr.Call call, Value result, Value guarded) {
        java.util.function.UnaryOperator<Value> renamed = value -> value.equals(result) ? guarded : value;
        for (Block block : function.blocks()) {
            block.instructions().replaceAll(instruction -> instruction == call ? call : instruction.mapOperands(renamed));
            block.setTerminator(block.terminator().mapOperands(renamed));
        }
    }
}
