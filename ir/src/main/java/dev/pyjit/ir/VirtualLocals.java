package dev.pyjit.ir;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds an instruction record with other virtual locals in its states. Every kind of
 * instruction is a record whose states are components, so one reflective copy serves them all and
 * a new kind needs nothing here.
 */
final class VirtualLocals {
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private VirtualLocals() {}

    static Instr written(Instr instruction, List<VirtualLocal> locals) {
        boolean unchanged = (instruction.state() == null || instruction.state().locals().equals(locals))
                && (instruction.resume() == null || instruction.resume().locals().equals(locals));
        if (unchanged) {
            return instruction;
        }
        RecordComponent[] components = instruction.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Object value = components[i].getAccessor().invoke(instruction);
                if (value instanceof FrameState state) {
                    value = state.withLocals(locals);
                } else if (value instanceof ResumeState resume) {
                    value = resume.withLocals(locals);
                }
                arguments[i] = value;
            }
            return (Instr) CONSTRUCTORS.computeIfAbsent(instruction.getClass(), type -> canonical(type, components))
                    .newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + instruction, e);
        }
    }

    private static Constructor<?> canonical(Class<?> type, RecordComponent[] components) {
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }
}
