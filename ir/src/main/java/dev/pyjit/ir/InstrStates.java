package dev.pyjit.ir;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rebuilds an instruction record with its frame and resume states changed (other virtual locals,
 * a borrowed reference). Every kind of instruction is a record whose states are components, so
 * one reflective copy serves them all and a new kind needs nothing here. What the copy needs of a
 * kind is looked up once: asking a class for its record components reads its class file's record
 * attribute and looks each accessor up again, and passes rebuild instructions by the hundred
 * (raytrace's 107 compilations at threshold 0: PromoteLocals 95-102 -> 88-90 ms).
 */
final class InstrStates {
    /** A kind's component accessors, in order, and its canonical constructor. */
    private record Copier(Method[] accessors, Constructor<?> constructor) {
        static Copier of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                parameterTypes[i] = components[i].getType();
            }
            try {
                return new Copier(accessors, type.getDeclaredConstructor(parameterTypes));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    }

    private static final ClassValue<Copier> COPIERS = new ClassValue<>() {
        @Override
        protected Copier computeValue(Class<?> type) {
            return Copier.of(type);
        }
    };

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
        Copier copier = COPIERS.get(instruction.getClass());
        Object[] arguments = new Object[copier.accessors().length];
        try {
            for (int i = 0; i < arguments.length; i++) {
                Object value = copier.accessors()[i].invoke(instruction);
                if (value instanceof FrameState state) {
                    value = frameStates.apply(state);
                } else if (value instanceof ResumeState resume) {
                    value = resumeStates.apply(resume);
                }
                arguments[i] = value;
            }
            return (Instr) copier.constructor().newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + instruction, e);
        }
    }
}
