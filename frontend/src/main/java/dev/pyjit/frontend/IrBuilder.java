package dev.pyjit.frontend;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.CompareOperator;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Terminator.Condition;
import dev.pyjit.ir.Terminator.Edge;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.UnaryKind;
import dev.pyjit.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds SSA IR from a code object by abstract interpretation of the value stack: each basic
 * block of bytecode becomes an IR block whose parameters are the stack on entry; each stack slot
 * becomes an SSA value holding a new reference, released (Decref) where the interpreter would pop
 * it. Locals live in the real frame's slots, as in the interpreter, so frames look the same to
 * tracebacks, {@code sys._getframe} and a later deoptimisation.
 *
 * <p>Opcode semantics follow CPython 3.13's Python/bytecodes.c.
 */
public final class IrBuilder {

    private final CodeObject code;
    private final List<Instruction> instructions;
    private final Map<Integer, Integer> indexByStart = new HashMap<>();
    private final TreeSet<Integer> blockStarts = new TreeSet<>();
    private final Map<Integer, Block> blocks = new HashMap<>();
    private final Deque<Integer> worklist = new ArrayDeque<>();
    private final Map<Value, Integer> constantIndexOf = new HashMap<>();
    private final Function function;

    private Block block;
    private List<Value> stack;
    private Instruction current;

    private IrBuilder(CodeObject code) {
        this.code = code;
        this.instructions = Decoder.decode(code);
        this.function = new Function(code.qualifiedName(), code.localNames(), code.names(),
                code.constants().stream().map(CodeObject.Constant::repr).toList());
    }

    public static Function build(CodeObject code) throws Unsupported {
        return new IrBuilder(code).build();
    }

    private Function build() throws Unsupported {
        checkSupported();
        for (int i = 0; i < instructions.size(); i++) {
            indexByStart.put(instructions.get(i).start(), i);
        }
        findBlockStarts();
        blockFor(0, 0);
        while (!worklist.isEmpty()) {
            buildBlock(worklist.pop());
        }
        return function;
    }

    private void checkSupported() throws Unsupported {
        if (code.isGeneratorLike()) {
            throw new Unsupported("generators and coroutines are not compiled yet");
        }
        if (code.exceptionTable().length > 0) {
            throw new Unsupported("exception handling (try, with, comprehensions) is not compiled yet");
        }
        if (code.cellCount() + code.freeCount() > 0) {
            throw new Unsupported("closures (cell and free variables) are not compiled yet");
        }
        for (Instruction instruction : instructions) {
            if (!OpcodeSupport.isSupported(instruction)) {
                throw new Unsupported("unsupported opcode " + instruction.opcode()
                        + (instruction.opcode() == Opcode.CALL_INTRINSIC_1 ? " " + instruction.argument() : ""));
            }
        }
    }

    private void findBlockStarts() {
        for (Instruction instruction : instructions) {
            if (instruction.jumpTarget() >= 0) {
                blockStarts.add(instruction.jumpTarget());
                blockStarts.add(instruction.next());
            }
            if (instruction.opcode() == Opcode.FOR_ITER) {
                blockStarts.add(forIterExit(instruction));
            }
        }
    }

    /** An exhausted FOR_ITER skips the END_FOR and POP_TOP at its target. */
    private static int forIterExit(Instruction forIter) {
        return forIter.jumpTarget() + 4;
    }

    private Block blockFor(int offset, int depth) throws Unsupported {
        Block existing = blocks.get(offset);
        if (existing != null) {
            if (existing.parameters().size() != depth) {
                throw new Unsupported("inconsistent stack depth at offset " + offset);
            }
            return existing;
        }
        if (!indexByStart.containsKey(offset)) {
            throw new Unsupported("jump into the middle of an instruction at offset " + offset);
        }
        Block created = function.newBlock("offset " + offset);
        for (int i = 0; i < depth; i++) {
            function.addParameter(created, Type.TOP);
        }
        blocks.put(offset, created);
        worklist.add(offset);
        return created;
    }

    private Edge edgeTo(int offset) throws Unsupported {
        return new Edge(blockFor(offset, stack.size()), List.copyOf(stack));
    }

    private void buildBlock(int offset) throws Unsupported {
        block = blocks.get(offset);
        stack = new ArrayList<>(block.parameters());
        for (int index = indexByStart.get(offset); index < instructions.size(); index++) {
            current = instructions.get(index);
            if (current.start() != offset && blockStarts.contains(current.start())) {
                block.setTerminator(new Terminator.Jump(edgeTo(current.start())));
                return;
            }
            if (translate(current)) {
                return;
            }
        }
        throw new Unsupported("code runs off its end");
    }

    // ---- the value stack and refcounting, as the interpreter's stack macros

    private Value push(Value value) {
        stack.add(value);
        return value;
    }

    private Value pop() {
        return stack.remove(stack.size() - 1);
    }

    /** Pops n values, returned bottom first. */
    private List<Value> pop(int n) {
        List<Value> values = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return values;
    }

    private Value peek(int depth) {
        return stack.get(stack.size() - depth);
    }

    private Value value(Type type) {
        return function.newValue(type);
    }

    private void emit(Instr instruction) {
        block.add(instruction);
    }

    private void decref(Value value) {
        if (!value.type().equals(Type.NULL)) {
            emit(new Instr.Refcount(Op.DECREF, value));
        }
    }

    private void decref(List<Value> values) {
        values.forEach(this::decref);
    }

    /** The state of an instruction that can raise, taken before its operands are popped. */
    private FrameState state() {
        return new FrameState(current.offset(), stack);
    }

    // ---- one bytecode instruction; true when it ended the block

    private boolean translate(Instruction instruction) throws Unsupported {
        int arg = instruction.argument();
        switch (instruction.opcode()) {
            case NOP, EXTENDED_ARG, CACHE -> { }
            case RESUME -> emit(new Instr.CheckEvalBreaker(state()));
            case LOAD_CONST -> push(loadConst(arg));
            case RETURN_CONST -> {
                block.setTerminator(new Terminator.Return(loadConst(arg)));
                return true;
            }
            case RETURN_VALUE -> {
                block.setTerminator(new Terminator.Return(pop()));
                return true;
            }
            case LOAD_FAST -> push(loadLocal(arg));
            case LOAD_FAST_CHECK -> {
                Value result = value(Type.OBJECT);
                emit(new Instr.LoadLocalChecked(result, arg, state()));
                push(result);
            }
            case LOAD_FAST_LOAD_FAST -> {
                push(loadLocal(arg >> 4));
                push(loadLocal(arg & 15));
            }
            case STORE_FAST -> emit(new Instr.StoreLocal(arg, pop()));
            case STORE_FAST_LOAD_FAST -> {
                emit(new Instr.StoreLocal(arg >> 4, pop()));
                push(loadLocal(arg & 15));
            }
            case STORE_FAST_STORE_FAST -> {
                emit(new Instr.StoreLocal(arg >> 4, pop()));
                emit(new Instr.StoreLocal(arg & 15, pop()));
            }
            case LOAD_GLOBAL -> {
                Value result = value(Type.OBJECT);
                emit(new Instr.LoadGlobal(result, arg >> 1, state()));
                push(result);
                if ((arg & 1) != 0) {
                    push(loadNull());
                }
            }
            case STORE_GLOBAL -> {
                FrameState state = state();
                Value stored = pop();
                emit(new Instr.StoreGlobal(arg, stored, state));
                decref(stored);
            }
            case LOAD_ATTR -> {
                // The method form (arg & 1) pushes (bound attribute, NULL): the same call, one allocation more.
                FrameState state = state();
                Value owner = pop();
                Value result = value(Type.OBJECT);
                emit(new Instr.LoadAttr(result, owner, arg >> 1, state));
                decref(owner);
                push(result);
                if ((arg & 1) != 0) {
                    push(loadNull());
                }
            }
            case STORE_ATTR -> {
                FrameState state = state();
                Value owner = pop();
                Value stored = pop();
                emit(new Instr.StoreAttr(owner, arg, stored, state));
                decref(stored);
                decref(owner);
            }
            case PUSH_NULL -> push(loadNull());
            case POP_TOP, END_FOR -> decref(pop());
            case COPY -> {
                Value copied = peek(arg);
                emit(new Instr.Refcount(Op.INCREF, copied));
                push(copied);
            }
            case SWAP -> {
                int top = stack.size() - 1;
                int other = stack.size() - arg;
                Value swapped = stack.get(top);
                stack.set(top, stack.get(other));
                stack.set(other, swapped);
            }
            case BINARY_OP -> {
                FrameState state = state();
                Value right = pop();
                Value left = pop();
                Value result = value(Type.OBJECT);
                emit(new Instr.BinaryOp(result, BinaryOperator.of(arg), left, right, state));
                decref(left);
                decref(right);
                push(result);
            }
            case UNARY_NEGATIVE -> unary(UnaryKind.NEGATIVE);
            case UNARY_INVERT -> unary(UnaryKind.INVERT);
            case CALL_INTRINSIC_1 -> unary(UnaryKind.POSITIVE);
            case UNARY_NOT -> {
                Value operand = pop();
                Value result = value(Type.BOOL);
                emit(new Instr.Not(result, operand));
                decref(operand);
                push(result);
            }
            case TO_BOOL -> {
                FrameState state = state();
                Value operand = pop();
                Value result = value(Type.BOOL);
                emit(new Instr.ToBool(result, operand, state));
                decref(operand);
                push(result);
            }
            case COMPARE_OP -> {
                FrameState state = state();
                Value right = pop();
                Value left = pop();
                Value result = value(Type.OBJECT);
                emit(new Instr.Compare(result, CompareOperator.of(arg >> 5), (arg & 16) != 0, left, right, state));
                decref(left);
                decref(right);
                push(result);
            }
            case IS_OP -> {
                Value right = pop();
                Value left = pop();
                Value result = value(Type.BOOL);
                emit(new Instr.Is(result, left, right, arg != 0));
                decref(left);
                decref(right);
                push(result);
            }
            case CONTAINS_OP -> {
                FrameState state = state();
                Value container = pop();
                Value item = pop();
                Value result = value(Type.BOOL);
                emit(new Instr.Contains(result, item, container, arg != 0, state));
                decref(item);
                decref(container);
                push(result);
            }
            case POP_JUMP_IF_TRUE, POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE -> {
                Value tested = pop();
                decref(tested); // only its identity is tested below
                boolean bool = instruction.opcode() == Opcode.POP_JUMP_IF_TRUE || instruction.opcode() == Opcode.POP_JUMP_IF_FALSE;
                boolean jumpWhen = instruction.opcode() == Opcode.POP_JUMP_IF_TRUE || instruction.opcode() == Opcode.POP_JUMP_IF_NONE;
                Edge jump = edgeTo(instruction.jumpTarget());
                Edge fallThrough = edgeTo(instruction.next());
                Condition condition = bool ? Condition.IS_TRUE : Condition.IS_NONE;
                block.setTerminator(jumpWhen ? new Terminator.Branch(condition, tested, jump, fallThrough)
                        : new Terminator.Branch(condition, tested, fallThrough, jump));
                return true;
            }
            case JUMP_FORWARD, JUMP_BACKWARD_NO_INTERRUPT -> {
                block.setTerminator(new Terminator.Jump(edgeTo(instruction.jumpTarget())));
                return true;
            }
            case JUMP_BACKWARD -> {
                emit(new Instr.CheckEvalBreaker(state()));
                block.setTerminator(new Terminator.Jump(edgeTo(instruction.jumpTarget())));
                return true;
            }
            case CALL, CALL_KW -> call(instruction);
            case BUILD_TUPLE -> build(Op.BUILD_TUPLE, arg, Type.TUPLE);
            case BUILD_LIST -> build(Op.BUILD_LIST, arg, Type.LIST);
            case BUILD_MAP -> build(Op.BUILD_MAP, 2 * arg, Type.DICT);
            case BUILD_STRING -> build(Op.BUILD_STRING, arg, Type.STR);
            case BUILD_CONST_KEY_MAP -> {
                Value keys = pop();
                List<Value> values = pop(arg);
                FrameState state = state(); // the values and keys are stolen, as in build()
                Value result = value(Type.DICT);
                emit(new Instr.BuildConstKeyMap(result, values, keys, state));
                push(result);
            }
            case FORMAT_SIMPLE -> unaryCall(Op.FORMAT_SIMPLE, Type.STR);
            case GET_ITER -> unaryCall(Op.GET_ITER, Type.OBJECT);
            case LIST_EXTEND -> {
                FrameState state = state();
                Value iterable = pop();
                emit(new Instr.Effect(Op.LIST_EXTEND, List.of(peek(arg), iterable), state));
                decref(iterable);
            }
            case BINARY_SUBSCR -> access(Op.SUBSCRIPT, 2);
            case BINARY_SLICE -> access(Op.SLICE, 3);
            case BUILD_SLICE -> access(Op.BUILD_SLICE, arg);
            case STORE_SUBSCR -> {
                FrameState state = state();
                Value index = pop();
                Value container = pop();
                Value stored = pop();
                emit(new Instr.Effect(Op.STORE_SUBSCRIPT, List.of(container, index, stored), state));
                decref(List.of(stored, container, index));
            }
            case STORE_SLICE -> {
                FrameState state = state();
                Value stop = pop();
                Value start = pop();
                Value container = pop();
                Value stored = pop();
                emit(new Instr.Effect(Op.STORE_SLICE, List.of(container, start, stop, stored), state));
                decref(List.of(stored, container, start, stop));
            }
            case UNPACK_SEQUENCE -> {
                FrameState state = state();
                Value sequence = pop();
                Value tuple = value(Type.TUPLE);
                emit(new Instr.UnpackSequence(tuple, sequence, arg, state));
                decref(sequence);
                for (int i = arg - 1; i >= 0; i--) {
                    Value item = value(Type.OBJECT);
                    emit(new Instr.TupleItem(item, tuple, i));
                    push(item);
                }
                decref(tuple);
            }
            case FOR_ITER -> {
                FrameState state = state();
                Value iterator = peek(1);
                Value next = value(Type.TOP);
                emit(new Instr.Unary(next, Op.FOR_ITER, iterator, state));
                Block exit = function.newBlock("for-exit offset " + instruction.offset());
                List<Value> afterLoop = stack.subList(0, stack.size() - 1);
                exit.add(new Instr.Refcount(Op.DECREF, iterator));
                exit.setTerminator(new Terminator.Jump(new Edge(blockFor(forIterExit(instruction), afterLoop.size()), afterLoop)));
                push(next);
                Edge body = edgeTo(instruction.next());
                block.setTerminator(new Terminator.Branch(Condition.IS_NULL, next, new Edge(exit, List.of()), body));
                return true;
            }
            default -> throw new Unsupported("unsupported opcode " + instruction.opcode());
        }
        return false;
    }

    private Value loadConst(int index) {
        Value result = value(constantType(code.constants().get(index).kind()));
        emit(new Instr.LoadConst(result, index));
        constantIndexOf.put(result, index);
        return result;
    }

    private static Type constantType(CodeObject.ConstantKind kind) {
        return switch (kind) {
            case NONE -> Type.NONE;
            case BOOL -> Type.BOOL;
            case INT -> Type.INT;
            case FLOAT -> Type.FLOAT;
            case STR -> Type.STR;
            case TUPLE -> Type.TUPLE;
            case COMPLEX, BYTES, FROZENSET, ELLIPSIS, CODE, OTHER -> Type.OTHER_OBJECT;
        };
    }

    private Value loadLocal(int slot) {
        Value result = value(Type.OBJECT);
        emit(new Instr.LoadLocal(result, slot));
        return result;
    }

    private Value loadNull() {
        Value result = value(Type.NULL);
        emit(new Instr.LoadNull(result));
        return result;
    }

    private void unary(UnaryKind kind) {
        FrameState state = state();
        Value operand = pop();
        Value result = value(Type.OBJECT);
        emit(new Instr.UnaryOp(result, kind, operand, state));
        decref(operand);
        push(result);
    }

    private void unaryCall(Op op, Type type) {
        FrameState state = state();
        Value operand = pop();
        Value result = value(type);
        emit(new Instr.Unary(result, op, operand, state));
        decref(operand);
        push(result);
    }

    private void access(Op op, int operandCount) {
        FrameState state = state();
        List<Value> operands = pop(operandCount);
        Value result = value(Type.OBJECT);
        emit(new Instr.Access(result, op, operands, state));
        decref(operands);
        push(result);
    }

    private void build(Op op, int count, Type type) {
        List<Value> items = pop(count);
        FrameState state = state(); // the items are stolen, so they are not the error path's to release
        Value result = value(type);
        emit(new Instr.Build(result, op, items, state));
        push(result);
    }

    private void call(Instruction instruction) throws Unsupported {
        int kwnamesConstant = -1;
        Value kwnames = null;
        if (instruction.opcode() == Opcode.CALL_KW) {
            kwnames = peek(1);
            Integer index = constantIndexOf.get(kwnames);
            if (index == null) {
                throw new Unsupported("CALL_KW with keyword names that are not a constant");
            }
            kwnamesConstant = index;
        }
        FrameState state = state();
        if (kwnames != null) {
            pop();
        }
        List<Value> arguments = pop(instruction.argument());
        Value selfOrNull = pop();
        Value callable = pop();
        Value result = value(Type.OBJECT);
        emit(new Instr.Call(result, callable, selfOrNull, arguments, kwnamesConstant, state));
        decref(callable);
        decref(selfOrNull);
        decref(arguments);
        if (kwnames != null) {
            decref(kwnames);
        }
        push(result);
    }
}
