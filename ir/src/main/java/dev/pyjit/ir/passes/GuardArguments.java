package dev.pyjit.ir.passes;

import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Specialises a function for the argument types it is expected to receive: one
 * {@link Instr.GuardArgument} per argument of an exact type, at the very start of the entry
 * block, so a call with other types goes to the interpreter before anything has happened. Runs
 * before type inference, which then knows those slots' types. {@link Type#OBJECT} means no
 * assumption.
 */
public final class GuardArguments {
    private GuardArguments() {}

    public static void insert(Function function, List<Type> argumentTypes) {
        if (argumentTypes.size() > function.argumentSlots()) {
            throw new IllegalArgumentException(function.name() + " takes " + function.argumentSlots() + " arguments, not "
                    + argumentTypes.size());
        }
        List<Instr> guards = new ArrayList<>();
        for (int slot = 0; slot < argumentTypes.size(); slot++) {
            Type type = argumentTypes.get(slot);
            if (type.isExact()) {
                guards.add(new Instr.GuardArgument(slot, type));
            } else if (!type.equals(Type.OBJECT)) {
                throw new IllegalArgumentException("cannot guard on " + type + ": one exact type or Object");
            }
        }
        function.entry().instructions().addAll(0, guards);
    }
}
