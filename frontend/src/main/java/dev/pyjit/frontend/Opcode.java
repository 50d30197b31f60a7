package dev.pyjit.frontend;

/**
 * The opcodes of CPython 3.13 with their numbers and inline-cache sizes.
 *
 * <p>Generated from the {@code dis} and {@code opcode} modules of the bundled CPython 3.13.5
 * (specialised and pseudo opcodes are never in {@code co_code}, so they are left out);
 * {@code OpcodeTableTest} checks this table against {@code dis} of the live interpreter.
 */
public enum Opcode {
    CACHE(0, 0, false),
    BEFORE_ASYNC_WITH(1, 0, false),
    BEFORE_WITH(2, 0, false),
    BINARY_SLICE(4, 0, false),
    BINARY_SUBSCR(5, 1, false),
    CHECK_EG_MATCH(6, 0, false),
    CHECK_EXC_MATCH(7, 0, false),
    CLEANUP_THROW(8, 0, false),
    DELETE_SUBSCR(9, 0, false),
    END_ASYNC_FOR(10, 0, false),
    END_FOR(11, 0, false),
    END_SEND(12, 0, false),
    EXIT_INIT_CHECK(13, 0, false),
    FORMAT_SIMPLE(14, 0, false),
    FORMAT_WITH_SPEC(15, 0, false),
    GET_AITER(16, 0, false),
    RESERVED(17, 0, false),
    GET_ANEXT(18, 0, false),
    GET_ITER(19, 0, false),
    GET_LEN(20, 0, false),
    GET_YIELD_FROM_ITER(21, 0, false),
    INTERPRETER_EXIT(22, 0, false),
    LOAD_ASSERTION_ERROR(23, 0, false),
    LOAD_BUILD_CLASS(24, 0, false),
    LOAD_LOCALS(25, 0, false),
    MAKE_FUNCTION(26, 0, false),
    MATCH_KEYS(27, 0, false),
    MATCH_MAPPING(28, 0, false),
    MATCH_SEQUENCE(29, 0, false),
    NOP(30, 0, false),
    POP_EXCEPT(31, 0, false),
    POP_TOP(32, 0, false),
    PUSH_EXC_INFO(33, 0, false),
    PUSH_NULL(34, 0, false),
    RETURN_GENERATOR(35, 0, false),
    RETURN_VALUE(36, 0, false),
    SETUP_ANNOTATIONS(37, 0, false),
    STORE_SLICE(38, 0, false),
    STORE_SUBSCR(39, 1, false),
    TO_BOOL(40, 3, false),
    UNARY_INVERT(41, 0, false),
    UNARY_NEGATIVE(42, 0, false),
    UNARY_NOT(43, 0, false),
    WITH_EXCEPT_START(44, 0, false),
    BINARY_OP(45, 1, false),
    BUILD_CONST_KEY_MAP(46, 0, false),
    BUILD_LIST(47, 0, false),
    BUILD_MAP(48, 0, false),
    BUILD_SET(49, 0, false),
    BUILD_SLICE(50, 0, false),
    BUILD_STRING(51, 0, false),
    BUILD_TUPLE(52, 0, false),
    CALL(53, 3, false),
    CALL_FUNCTION_EX(54, 0, false),
    CALL_INTRINSIC_1(55, 0, false),
    CALL_INTRINSIC_2(56, 0, false),
    CALL_KW(57, 0, false),
    COMPARE_OP(58, 1, false),
    CONTAINS_OP(59, 1, false),
    CONVERT_VALUE(60, 0, false),
    COPY(61, 0, false),
    COPY_FREE_VARS(62, 0, false),
    DELETE_ATTR(63, 0, false),
    DELETE_DEREF(64, 0, false),
    DELETE_FAST(65, 0, false),
    DELETE_GLOBAL(66, 0, false),
    DELETE_NAME(67, 0, false),
    DICT_MERGE(68, 0, false),
    DICT_UPDATE(69, 0, false),
    ENTER_EXECUTOR(70, 0, false),
    EXTENDED_ARG(71, 0, false),
    FOR_ITER(72, 1, true),
    GET_AWAITABLE(73, 0, false),
    IMPORT_FROM(74, 0, false),
    IMPORT_NAME(75, 0, false),
    IS_OP(76, 0, false),
    JUMP_BACKWARD(77, 1, true),
    JUMP_BACKWARD_NO_INTERRUPT(78, 0, true),
    JUMP_FORWARD(79, 0, true),
    LIST_APPEND(80, 0, false),
    LIST_EXTEND(81, 0, false),
    LOAD_ATTR(82, 9, false),
    LOAD_CONST(83, 0, false),
    LOAD_DEREF(84, 0, false),
    LOAD_FAST(85, 0, false),
    LOAD_FAST_AND_CLEAR(86, 0, false),
    LOAD_FAST_CHECK(87, 0, false),
    LOAD_FAST_LOAD_FAST(88, 0, false),
    LOAD_FROM_DICT_OR_DEREF(89, 0, false),
    LOAD_FROM_DICT_OR_GLOBALS(90, 0, false),
    LOAD_GLOBAL(91, 4, false),
    LOAD_NAME(92, 0, false),
    LOAD_SUPER_ATTR(93, 1, false),
    MAKE_CELL(94, 0, false),
    MAP_ADD(95, 0, false),
    MATCH_CLASS(96, 0, false),
    POP_JUMP_IF_FALSE(97, 1, true),
    POP_JUMP_IF_NONE(98, 1, true),
    POP_JUMP_IF_NOT_NONE(99, 1, true),
    POP_JUMP_IF_TRUE(100, 1, true),
    RAISE_VARARGS(101, 0, false),
    RERAISE(102, 0, false),
    RETURN_CONST(103, 0, false),
    SEND(104, 1, true),
    SET_ADD(105, 0, false),
    SET_FUNCTION_ATTRIBUTE(106, 0, false),
    SET_UPDATE(107, 0, false),
    STORE_ATTR(108, 4, false),
    STORE_DEREF(109, 0, false),
    STORE_FAST(110, 0, false),
    STORE_FAST_LOAD_FAST(111, 0, false),
    STORE_FAST_STORE_FAST(112, 0, false),
    STORE_GLOBAL(113, 0, false),
    STORE_NAME(114, 0, false),
    SWAP(115, 0, false),
    UNPACK_EX(116, 0, false),
    UNPACK_SEQUENCE(117, 1, false),
    YIELD_VALUE(118, 0, false),
    RESUME(149, 0, false),
    INSTRUMENTED_RESUME(236, 0, false),
    INSTRUMENTED_END_FOR(237, 0, false),
    INSTRUMENTED_END_SEND(238, 0, false),
    INSTRUMENTED_RETURN_VALUE(239, 0, false),
    INSTRUMENTED_RETURN_CONST(240, 0, false),
    INSTRUMENTED_YIELD_VALUE(241, 0, false),
    INSTRUMENTED_LOAD_SUPER_ATTR(242, 0, false),
    INSTRUMENTED_FOR_ITER(243, 0, false),
    INSTRUMENTED_CALL(244, 0, false),
    INSTRUMENTED_CALL_KW(245, 0, false),
    INSTRUMENTED_CALL_FUNCTION_EX(246, 0, false),
    INSTRUMENTED_INSTRUCTION(247, 0, false),
    INSTRUMENTED_JUMP_FORWARD(248, 0, false),
    INSTRUMENTED_JUMP_BACKWARD(249, 0, false),
    INSTRUMENTED_POP_JUMP_IF_TRUE(250, 0, false),
    INSTRUMENTED_POP_JUMP_IF_FALSE(251, 0, false),
    INSTRUMENTED_POP_JUMP_IF_NONE(252, 0, false),
    INSTRUMENTED_POP_JUMP_IF_NOT_NONE(253, 0, false),
    INSTRUMENTED_LINE(254, 0, false);

    private static final Opcode[] BY_NUMBER = new Opcode[256];

    static {
        for (Opcode op : values()) {
            BY_NUMBER[op.number] = op;
        }
    }

    public final int number;
    /** Inline cache code units that follow the instruction. */
    public final int caches;
    /** Whether the argument is a relative jump (in code units, after the caches). */
    public final boolean relativeJump;

    Opcode(int number, int caches, boolean relativeJump) {
        this.number = number;
        this.caches = caches;
        this.relativeJump = relativeJump;
    }

    /** The opcode with that number, or null for a number CPython 3.13 does not emit. */
    public static Opcode of(int number) {
        return number >= 0 && number < 256 ? BY_NUMBER[number] : null;
    }
}

