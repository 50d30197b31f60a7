package dev.pyjit.ir;

/**
 * The specialisation CPython's interpreter had given a LOAD_GLOBAL, LOAD_ATTR or STORE_ATTR when
 * the code was read: its quickened opcode (the number is CPython 3.13's). Compiled code takes that
 * specialisation's fast path, reading the interpreter's inline cache as it is when the instruction
 * runs (type and dict-keys versions, indexes, the cached descriptor), exactly as the interpreter's
 * guards read it; if the instruction has been specialised differently since, or a guard fails, it
 * takes the generic path. A hint can therefore cost speed but never correctness.
 */
public enum CacheHint {
    NONE(-1),
    GLOBAL_BUILTIN(203),
    GLOBAL_MODULE(204),
    ATTR_CLASS(191),
    ATTR_INSTANCE_VALUE(193),
    ATTR_METHOD_NO_DICT(195),
    ATTR_METHOD_WITH_VALUES(196),
    ATTR_MODULE(197),
    ATTR_NONDESCRIPTOR_NO_DICT(198),
    ATTR_NONDESCRIPTOR_WITH_VALUES(199),
    ATTR_SLOT(201),
    ATTR_WITH_HINT(202),
    STORE_ATTR_INSTANCE_VALUE(209),
    STORE_ATTR_SLOT(210);

    /** The quickened opcode in CPython 3.13, or -1. */
    public final int opcode;

    CacheHint(int opcode) {
        this.opcode = opcode;
    }

    /** The CPython name of the specialised opcode, as {@code opcode._specialized_opmap} has it. */
    public String cpythonName() {
        return this == NONE ? "" : name().startsWith("STORE_") ? name() : "LOAD_" + name();
    }

    /** The hint a quickened opcode gives, or NONE for an opcode that is not one of these. */
    public static CacheHint of(int quickenedOpcode) {
        for (CacheHint hint : values()) {
            if (hint.opcode == quickenedOpcode) {
                return hint;
            }
        }
        return NONE;
    }

    /** Printed among an instruction's immediates: nothing for NONE. */
    String suffix() {
        return this == NONE ? "" : "," + name().toLowerCase(java.util.Locale.ROOT);
    }
}
