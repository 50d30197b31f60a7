package dev.pyjit.frontend;

import java.util.EnumSet;
import java.util.Set;

/** The opcodes the IR builder translates; a function using any other stays interpreted. */
final class OpcodeSupport {
    private static final Set<Opcode> SUPPORTED = EnumSet.of(
            Opcode.NOP, Opcode.EXTENDED_ARG, Opcode.CACHE, Opcode.RESUME,
            Opcode.LOAD_CONST, Opcode.RETURN_CONST, Opcode.RETURN_VALUE,
            Opcode.LOAD_FAST, Opcode.LOAD_FAST_CHECK, Opcode.LOAD_FAST_LOAD_FAST,
            Opcode.STORE_FAST, Opcode.STORE_FAST_LOAD_FAST, Opcode.STORE_FAST_STORE_FAST,
            Opcode.LOAD_GLOBAL, Opcode.STORE_GLOBAL, Opcode.LOAD_ATTR, Opcode.STORE_ATTR,
            Opcode.PUSH_NULL, Opcode.POP_TOP, Opcode.END_FOR, Opcode.COPY, Opcode.SWAP,
            Opcode.BINARY_OP, Opcode.UNARY_NEGATIVE, Opcode.UNARY_INVERT, Opcode.UNARY_NOT, Opcode.TO_BOOL,
            Opcode.COMPARE_OP, Opcode.IS_OP, Opcode.CONTAINS_OP,
            Opcode.POP_JUMP_IF_TRUE, Opcode.POP_JUMP_IF_FALSE, Opcode.POP_JUMP_IF_NONE, Opcode.POP_JUMP_IF_NOT_NONE,
            Opcode.JUMP_FORWARD, Opcode.JUMP_BACKWARD, Opcode.JUMP_BACKWARD_NO_INTERRUPT,
            Opcode.CALL, Opcode.CALL_KW,
            Opcode.BUILD_TUPLE, Opcode.BUILD_LIST, Opcode.BUILD_MAP, Opcode.BUILD_CONST_KEY_MAP, Opcode.BUILD_STRING,
            Opcode.FORMAT_SIMPLE, Opcode.LIST_EXTEND,
            Opcode.BINARY_SUBSCR, Opcode.BINARY_SLICE, Opcode.BUILD_SLICE, Opcode.STORE_SUBSCR, Opcode.STORE_SLICE,
            Opcode.UNPACK_SEQUENCE, Opcode.GET_ITER, Opcode.FOR_ITER,
            Opcode.LOAD_ASSERTION_ERROR, Opcode.BEFORE_WITH, Opcode.LOAD_FAST_AND_CLEAR,
            Opcode.LIST_APPEND, Opcode.SET_ADD, Opcode.MAP_ADD, Opcode.BUILD_SET,
            Opcode.CONVERT_VALUE, Opcode.FORMAT_WITH_SPEC, Opcode.DELETE_FAST, Opcode.DELETE_SUBSCR,
            Opcode.MAKE_CELL, Opcode.COPY_FREE_VARS, Opcode.LOAD_DEREF, Opcode.STORE_DEREF,
            Opcode.MAKE_FUNCTION, Opcode.SET_FUNCTION_ATTRIBUTE);

    private static final int INTRINSIC_UNARY_POSITIVE = 5;

    private OpcodeSupport() {}

    static boolean isSupported(Instruction instruction) {
        if (instruction.opcode() == Opcode.CALL_INTRINSIC_1) {
            return instruction.argument() == INTRINSIC_UNARY_POSITIVE;
        }
        if (instruction.opcode() == Opcode.RAISE_VARARGS) {
            return instruction.argument() > 0;
        }
        return SUPPORTED.contains(instruction.opcode());
    }
}
