package dev.pyjit.ir.passes;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.UnaryKind;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.FrameState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Optimistic forward type inference to a least fixpoint: every value starts at Bottom and only
 * grows. Each instruction's result type comes from its operands' types (one exhaustive rule per
 * instruction kind), each block parameter is the union of the arguments its incoming edges pass.
 * Constants keep the type the builder gave them. Unions of operand types are handled pair by pair,
 * so {@code Int|Float + Int} is {@code Int|Float}.
 *
 * <p>A local slot has one type for the whole function (flow-insensitive, so sound wherever a load
 * is): what it holds on entry (an argument is Object, or what its {@link Instr.GuardArgument}
 * checked; other slots start unbound, which no successful load sees) joined with every value
 * stored into it. Code outside the function can still rebind a local (through
 * {@code frame.f_locals}, say from a debugger), so a load's type is a speculation: compiled code
 * checks it where the local is loaded, and resumes in the interpreter if it fails. A
 * LoadLocalChecked, which has no resume state, stays Object.
 */
public final class TypeInference implements Pass {
    private static final Type[] SINGLE_TYPES = {Type.NONE, Type.BOOL, Type.INT, Type.FLOAT, Type.STR, Type.TUPLE, Type.LIST, Type.DICT, Type.OTHER_OBJECT};

    @Override
    public String name() {
        return "type-inference";
    }

    @Override
    public void run(Function function) {
        for (Block block : function.blocks()) {
            block.parameters().forEach(parameter -> parameter.setType(Type.BOTTOM));
            for (Instr instruction : block.instructions()) {
                if (instruction.result() != null && instruction.op() != Op.LOAD_CONST) {
                    instruction.result().setType(Type.BOTTOM);
                }
            }
        }
        Type[] slots = new Type[0];
        boolean changed = true;
        while (changed) {
            changed = false;
            Type[] slotsNow = slotTypes(function);
            if (!Arrays.equals(slotsNow, slots)) {
                slots = slotsNow;
                changed = true;
            }
            for (Block block : function.blocks()) {
                for (Instr instruction : block.instructions()) {
                    if (instruction.result() != null) {
                        Type type = resultType(instruction, slots);
                        if (!type.equals(instruction.result().type())) {
                            // a use in a block listed before its definition sees the new type next round
                            instruction.result().setType(type);
                            changed = true;
                        }
                    }
                    if (instruction.state() != null && instruction.state().handler() != null) {
                        changed |= joinHandlerEntry(instruction.state());
                    }
                }
                for (Terminator.Edge edge : block.terminator().edges()) {
                    for (int i = 0; i < edge.arguments().size(); i++) {
                        Value parameter = edge.target().parameters().get(i);
                        Type joined = parameter.type().union(edge.arguments().get(i).type());
                        if (!joined.equals(parameter.type())) {
                            parameter.setType(joined);
                            changed = true;
                        }
                    }
                }
            }
        }
    }

    /**
     * The exceptional edge into a handler: its parameters take the kept stack (an unboxed double
     * there is boxed on the way), the raising instruction's offset (an int) and the exception.
     */
    private static boolean joinHandlerEntry(FrameState state) {
        List<Value> parameters = state.handler().block().parameters();
        List<Type> incoming = new ArrayList<>();
        for (Value kept : state.kept()) {
            incoming.add(kept.type().boxed());
        }
        if (state.handler().pushLastInstruction()) {
            incoming.add(Type.INT);
        }
        incoming.add(Type.OBJECT);
        boolean changed = false;
        for (int i = 0; i < incoming.size(); i++) {
            Type joined = parameters.get(i).type().union(incoming.get(i));
            if (!joined.equals(parameters.get(i).type())) {
                parameters.get(i).setType(joined);
                changed = true;
            }
        }
        return changed;
    }

    /** Each slot's entry type joined with the current types of the values stored into it (cells included). */
    private static Type[] slotTypes(Function function) {
        int size = Math.max(function.argumentSlots(), function.slotCount());
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.StoreLocal store) {
                    size = Math.max(size, store.slot() + 1);
                } else if (instruction instanceof Instr.FlushLocal flush) {
                    size = Math.max(size, flush.slot() + 1);
                }
            }
        }
        Type[] slots = new Type[size];
        for (int slot = 0; slot < size; slot++) {
            slots[slot] = function.entryType(slot);
        }
        for (Instr instruction : function.entry().instructions()) {
            if (instruction instanceof Instr.GuardArgument guard) {
                slots[guard.slot()] = guard.type();
            }
        }
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.StoreLocal store) {
                    slots[store.slot()] = slots[store.slot()].union(store.value().type());
                } else if (instruction instanceof Instr.FlushLocal flush) {
                    slots[flush.slot()] = slots[flush.slot()].union(flush.value().type().boxed());
                } else if (instruction instanceof Instr.Cell cell && cell.op() == Op.MAKE_CELL) {
                    slots[cell.slot()] = slots[cell.slot()].union(Type.OTHER_OBJECT);
                } else if (instruction instanceof Instr.Cell cell && cell.op() == Op.COPY_FREE_VARS) {
                    for (int slot = size - cell.slot(); slot < size; slot++) {
                        slots[slot] = slots[slot].union(Type.OTHER_OBJECT);
                    }
                }
            }
        }
        return slots;
    }

    private static Type slotType(Type[] slots, int slot) {
        return slot < slots.length ? slots[slot].intersect(Type.OBJECT) : Type.BOTTOM;
    }

    static Type resultType(Instr instruction, Type[] slots) {
        return switch (instruction.op()) {
            case LOAD_CONST -> instruction.result().type(); // the builder knows each constant's type
            case ARGUMENT -> instruction.result().type(); // UnboxArguments chose it
            case LOAD_LOCAL -> slotType(slots, ((Instr.LoadLocal) instruction).slot());
            case LOAD_LOCAL_CHECKED, LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD, LOAD_SUPER_ATTR, CALL, SUBSCRIPT, SLICE, TEMPORARY_SLICE, TUPLE_ITEM, GET_ITER, LOAD_DEREF -> Type.OBJECT;
            case FOR_ITER -> ((Instr.ForIter) instruction).hint() == CacheHint.FOR_ITER_RANGE ? Type.INT.union(Type.NULL) : Type.TOP;
            case FOR_ITER_PAIR, PAIR_SECOND, FOR_ITER_ENUMERATED -> Type.TOP;
            case LOAD_LOCAL_AND_CLEAR, METHOD_SELF, RESUMED_STACK_ITEM -> Type.TOP;
            case PUSH_EXC_INFO, WITH_EXCEPT_START -> Type.OBJECT;
            case CHECK_EXC_MATCH -> Type.BOOL;
            case CHECK_EG_MATCH, CLEANUP_THROW -> Type.TUPLE;
            case POP_EXCEPT, RERAISE, END_ASYNC_FOR, RERAISE_HANDLED -> Type.BOTTOM;
            case SEND, GET_YIELD_FROM_ITER, GET_AWAITABLE, GET_AITER, GET_ANEXT, INTRINSIC_1, INTRINSIC_2, LOAD_NAME, LOAD_LOCALS,
                    LOAD_FROM_DICT_OR_GLOBALS, LOAD_FROM_DICT_OR_DEREF, LOAD_BUILD_CLASS, IMPORT_NAME, IMPORT_FROM, CALL_FUNCTION_EX,
                    MATCH_CLASS, MATCH_KEYS -> Type.OBJECT;
            case MATCH_MAPPING, MATCH_SEQUENCE -> Type.BOOL;
            case GET_LEN -> Type.INT;
            case UNPACK_EX -> Type.TUPLE;
            case STORE_NAME, DELETE_NAME, SETUP_ANNOTATIONS, DELETE_GLOBAL, DELETE_ATTR, DELETE_DEREF, DICT_MERGE, DICT_UPDATE,
                    SET_UPDATE -> Type.BOTTOM;
            case SEND_RETURNED -> Type.BOOL;
            case MAKE_FUNCTION, LOAD_ASSERTION_ERROR, PROPERTY_GETTER, BUILD_SET, BUILD_SLICE -> Type.OTHER_OBJECT;
            case BEFORE_WITH, BEFORE_ASYNC_WITH -> Type.TUPLE;
            // str() of a str subclass, __format__ and __repr__ may all return a subclass of str
            case CONVERT_VALUE, FORMAT_WITH_SPEC, FORMAT_SIMPLE -> Type.STR.union(Type.OTHER_OBJECT);
            case LOAD_NULL -> Type.NULL;
            case GUARD_TYPE -> ((Instr.GuardType) instruction).value().type().isBottom() ? Type.BOTTOM : ((Instr.GuardType) instruction).type();
            case BINARY_OP -> {
                Instr.BinaryOp op = (Instr.BinaryOp) instruction;
                yield pairwise(op.operator().base(), op.left().type(), op.right().type());
            }
            case UNARY_OP -> unary(((Instr.UnaryOp) instruction).kind(), ((Instr.UnaryOp) instruction).operand().type());
            case NOT, IS, CONTAINS, TO_BOOL, FLOAT_COMPARE -> Type.BOOL;
            case COMPARE -> {
                Instr.Compare compare = (Instr.Compare) instruction;
                Type comparable = Type.BOOL.union(Type.INT).union(Type.FLOAT).union(Type.STR);
                boolean builtin = compare.left().type().isSubtypeOf(comparable) && compare.right().type().isSubtypeOf(comparable);
                yield compare.toBool() || builtin ? Type.BOOL : Type.OBJECT;
            }
            case BUILD_TUPLE, UNPACK_SEQUENCE -> Type.TUPLE;
            case BUILD_LIST -> Type.LIST;
            case BUILD_MAP, BUILD_CONST_KEY_MAP -> Type.DICT;
            case BUILD_STRING -> Type.STR;
            case UNBOX_FLOAT, FLOAT_ARITH, FLOAT_DIVIDE, FLOAT_CONSTANT, LOAD_LOCAL_FLOAT, LOAD_ATTR_FLOAT, INT_TO_FLOAT, CALL_MATH -> Type.CDOUBLE;
            case BOX_FLOAT -> Type.FLOAT;
            case UNBOX_INT, INT_CONSTANT, INT_ARITH, RANGE_ITER_NEXT, ENUMERATE_INDEX -> Type.CINT64;
            case BOX_INT -> Type.INT;
            case INT_COMPARE, RANGE_ITER_HAS_NEXT -> Type.BOOL;
            case REBOX -> ((Instr.Rebox) instruction).number().type().boxed();
            case STORE_LOCAL, FLUSH_LOCAL, STORE_GLOBAL, STORE_ATTR, STORE_ATTR_FLOAT, STORE_SUBSCRIPT, STORE_SUBSCRIPT_FLOAT, STORE_SLICE, STORE_TEMPORARY_SLICE, LIST_EXTEND, CHECK_EVAL_BREAKER, INCREF, DECREF,
                    GUARD_ARGUMENT, RAISE, LIST_APPEND, SET_ADD, MAP_ADD, DELETE_LOCAL, DELETE_SUBSCRIPT, MAKE_CELL, COPY_FREE_VARS,
                    STORE_DEREF, SET_FUNCTION_ATTRIBUTE -> Type.BOTTOM;
        };
    }

    private static Type pairwise(BinaryOperator operator, Type left, Type right) {
        if (left.isBottom() || right.isBottom()) {
            return Type.BOTTOM;
        }
        Type result = Type.BOTTOM;
        for (Type l : SINGLE_TYPES) {
            for (Type r : SINGLE_TYPES) {
                if (!l.intersect(left).isBottom() && !r.intersect(right).isBottom()) {
                    result = result.union(binary(operator, l, r));
                }
            }
        }
        return result;
    }

    /** The numeric promotion table for exact types (bool counts as int), else Object. */
    private static Type binary(BinaryOperator operator, Type left, Type right) {
        boolean leftInt = left.equals(Type.INT) || left.equals(Type.BOOL);
        boolean rightInt = right.equals(Type.INT) || right.equals(Type.BOOL);
        boolean leftNumber = leftInt || left.equals(Type.FLOAT);
        boolean rightNumber = rightInt || right.equals(Type.FLOAT);
        if (leftInt && rightInt) {
            return switch (operator) {
                case ADD, SUBTRACT, MULTIPLY, FLOOR_DIVIDE, REMAINDER, LSHIFT, RSHIFT -> Type.INT;
                case AND, OR, XOR -> left.equals(Type.BOOL) && right.equals(Type.BOOL) ? Type.BOOL : Type.INT;
                case TRUE_DIVIDE -> Type.FLOAT;
                case POWER -> Type.INT.union(Type.FLOAT);
                default -> Type.OBJECT;
            };
        }
        if (leftNumber && rightNumber) {
            return switch (operator) {
                case ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, REMAINDER -> Type.FLOAT;
                default -> Type.OBJECT;
            };
        }
        if (left.equals(Type.STR) && (right.equals(Type.STR) && operator == BinaryOperator.ADD || rightInt && operator == BinaryOperator.MULTIPLY)) {
            return Type.STR;
        }
        if (left.equals(Type.STR) && operator == BinaryOperator.REMAINDER && !right.equals(Type.OTHER_OBJECT)) {
            return Type.STR;
        }
        if ((left.equals(Type.LIST) || left.equals(Type.TUPLE)) && left.equals(right) && operator == BinaryOperator.ADD) {
            return left;
        }
        return Type.OBJECT;
    }

    private static Type unary(UnaryKind kind, Type operand) {
        if (operand.isBottom()) {
            return Type.BOTTOM;
        }
        Type ints = Type.INT.union(Type.BOOL);
        if (operand.isSubtypeOf(ints)) {
            return Type.INT;
        }
        if (kind != UnaryKind.INVERT && operand.isSubtypeOf(ints.union(Type.FLOAT))) {
            return Type.INT.union(Type.FLOAT);
        }
        return Type.OBJECT;
    }
}
