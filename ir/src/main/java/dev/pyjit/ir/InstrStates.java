package dev.pyjit.ir;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds an instruction record with its frame and resume states changed (other virtual locals,
 * a borrowed reference). Every kind of instruction is a record whose states are components, so
 * one reflective copy serves them all and a new kind needs nothing here.
 */
final class InstrStates {
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private InstrStates() {}

    /** The instruction with {@code locals} as the virtual locals of each of its states. */
    static Instr withVirtualLocals(Instr instruction, List<VirtualLocal> locals) {
        boolean unchanged = (instruction.state() == null || instruction.state().locals().equals(locals))
                && (instruction.resume() == null || instruction.resume().locals().equals(locals));
        if (unchanged) {
            return instruction;
        }
        return rebuilt(instruction, state -> state.withLocals(locals), resume -> resume.withLocals(locals));
    }

    /** The instruction with each of its frame states and resume states mapped. */
    static Instr rebuilt(Instr instruction, UnaryOperator<FrameState> frameStates, UnaryOperator<ResumeState> resumeStates) {
        RecordComponent[] components = instruction.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Object value = components[i].getAccessor().invoke(instruction);
                if (value instanceof FrameState state) {
                    value = frameStates.apply(state);
                } else if (value instanceof ResumeState resume) {
                    value = resumeStates.apply(resume);
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
