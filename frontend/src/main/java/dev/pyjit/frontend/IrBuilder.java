package dev.pyjit.frontend;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.CompareOperator;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Inlinability;
import dev.pyjit.ir.Inlined;
import dev.pyjit.ir.Intrinsic;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.SourceLines;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Terminator.Condition;
import dev.pyjit.ir.Terminator.Edge;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.UnaryKind;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.Verifier;
import dev.pyjit.ir.passes.GuardArguments;
import dev.pyjit.ir.passes.Pipeline;
import dev.pyjit.ir.passes.SpeculateIntOperands;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Builds SSA IR from a code object by abstract interpretation of the value stack: each basic
 * block of bytecode becomes an IR block whose parameters are the stack on entry; each stack slot
 * becomes an SSA value holding a new reference, released (Decref) where the interpreter would pop
 * it. Locals live in the real frame's slots, as in the interpreter, so frames look the same to
 * tracebacks, {@code sys._getframe} and a later deoptimisation.
 *
 * <p>Opcode semantics follow CPython 3.13's Python/bytecodes.c.
 *
 * <p>An instruction inside a {@code try} carries its exception-table entry in its frame state,
 * with the handler's block, whose parameters are what the unwinding leaves on the stack (the kept
 * stack, the raising instruction's offset if the entry asks for it, the exception). Handlers
 * (except blocks, finally and with cleanups) are built like any other code.
 */
public final class IrBuilder {
    /** The builtin methods compiled code computes itself ({@link Intrinsic}), by the name a call looks up. */
    private static final Map<String, String> BUILTIN_METHODS = Map.of("append", "list.append", "pop", "list.pop", "insert", "list.insert",
            "get", "dict.get", "isspace", "str.isspace", "isdigit", "str.isdigit", "isalpha", "str.isalpha", "isalnum", "str.isalnum",
            "startswith", "str.startswith", "endswith", "str.endswith");

    /** The CALL_INTRINSIC_1 that has an IR instruction of its own (unary +); the others call the intrinsic. */
    private static final int INTRINSIC_UNARY_POSITIVE = 5;
    /**
     * Functions of more bytecode than this are left to the interpreter: LLVM's time grows faster
     * than the function, and one huge function would hold up the compilation of every other.
     */
    static final int MAX_CODE_UNITS = 6000;
    /** RESUME's oparg: where the frame starts or goes on (pycore_code.h), in its low bits. */
    private static final int RESUME_LOCATION_MASK = 3;
    private static final int RESUME_AFTER_YIELD_FROM = 2;

    private final CodeObject code;
    private final List<Instruction> instructions;
    private final Map<Integer, Integer> indexByStart = new HashMap<>();
    private final TreeSet<Integer> blockStarts = new TreeSet<>();
    private final Map<Integer, Block> blocks = new HashMap<>();
    private final Deque<Integer> worklist = new ArrayDeque<>();
    private final Map<Value, Integer> constantIndexOf = new HashMap<>();
    private final List<ExceptionTable.Entry> handlers;
    private final Function function;
    /** Where a suspended generator's frame can go on, by bytecode offset, in order. */
    private final Map<Integer, Block> resumePoints = new TreeMap<>();

    /**
     * The functions calls reached, by the offset of the LOAD_ATTR that loaded the method or the
     * LOAD_GLOBAL that loaded the function; their bodies may be inlined.
     */
    private final Map<Integer, Callee> callees;
    /** Each callable so loaded: that instruction's offset, and the self (or NULL) pushed with it, for the call that calls it. */
    private final Map<Value, Integer> calleeOffsets = new HashMap<>();
    /**
     * The builtins a call may reach, as {@link Intrinsic} names them: the globals the interpreter
     * found in builtins, and the methods it found in a type without instance dicts that have the
     * name of a builtin method ({@link #BUILTIN_METHODS}).
     */
    private final Map<Value, String> builtinCallees = new HashMap<>();
    private final Map<Value, Value> calleeSelves = new HashMap<>();
    /** The bodies built for inlining, by callee identity and call form, so that each is built and optimised once (null: none). */
    private final Map<String, java.util.Optional<Inlined>> inlinedBodies = new HashMap<>();

    private Block block;
    private List<Value> stack;
    private Instruction current;

    private IrBuilder(CodeObject code) {
        this(code, Map.of());
    }

    private IrBuilder(CodeObject code, Map<Integer, Callee> callees) {
        this.code = code;
        this.callees = callees;
        this.instructions = Decoder.decode(code);
        this.handlers = ExceptionTable.parse(code.exceptionTable());
        this.function = new Function(code.qualifiedName(), code.argumentSlots(), code.localNames(), code.names(),
                code.constants().stream().map(CodeObject.Constant::repr).toList());
        this.function.setSource(new SourceLines(code.fileName(), code.firstLine(), linesByCodeUnit(code)));
        for (int i = 0; i < code.constants().size(); i++) {
            CodeObject.Constant constant = code.constants().get(i);
            if (constant.kind() == CodeObject.ConstantKind.FLOAT) {
                function.setFloatConstant(i, constant.floatValue());
            } else if (constant.kind() == CodeObject.ConstantKind.INT) {
                try {
                    function.setIntConstant(i, Long.parseLong(constant.repr()));
                } catch (NumberFormatException beyond64Bits) {
                    // stays an object: compiled code never unboxes it
                }
            }
        }
    }

    private static int[] linesByCodeUnit(CodeObject code) {
        int[] lines = new int[code.code().length / 2];
        Arrays.fill(lines, -1);
        for (CodeObject.LineRange range : code.lines()) {
            for (int unit = range.start() / 2; unit < range.end() / 2 && unit < lines.length; unit++) {
                lines[unit] = range.line();
            }
        }
        return lines;
    }

    public static Function build(CodeObject code) throws Unsupported {
        return new IrBuilder(withinSize(code)).build();
    }

    /**
     * Whether the code is a generator whose only loops are the ones of its {@code yield from}
     * (SEND ... JUMP_BACKWARD_NO_INTERRUPT): its time goes to resuming its delegates, which the
     * interpreter does in its own loop (SEND_GEN pushes the delegate's frame, YIELD_VALUE pops it)
     * and native code through a C call and a native entry per level and value. A binary tree
     * walked by a recursive {@code yield from} generator (16 levels, 65,535 values) took 23.5 ms
     * natively against 15.3 ms in the interpreter. Coroutines are not refused: their
     * {@code await} chains, driven by {@code send()} or by asyncio's tasks, measured no slower natively.
     */
    public static boolean onlyDelegates(CodeObject code) {
        if ((code.flags() & CodeObject.CO_GENERATOR) == 0) {
            return false;
        }
        boolean delegates = false;
        for (Instruction instruction : Decoder.decode(code)) {
            if (instruction.opcode() == Opcode.JUMP_BACKWARD) {
                return false;
            }
            delegates |= instruction.opcode() == Opcode.SEND;
        }
        return delegates;
    }

    private static CodeObject withinSize(CodeObject code) throws Unsupported {
        int units = code.code().length / 2;
        if (units > MAX_CODE_UNITS) {
            throw new Unsupported("too large to compile: " + units + " bytecode instructions (at most " + MAX_CODE_UNITS + ")");
        }
        return code;
    }

    /**
     * The IR as the compiler starts from it: built, with entry guards for the argument types the
     * code is specialised for (none: generic), verified. The JIT and {@code pyjit dump} both begin here.
     */
    public static Function build(CodeObject code, List<Type> argumentTypes) throws Unsupported {
        return build(code, argumentTypes, Map.of());
    }

    /** As {@link #build(CodeObject, List)}, with the bodies of the {@code callees} that may be inlined compiled into their calls. */
    public static Function build(CodeObject code, List<Type> argumentTypes, Map<Integer, Callee> callees) throws Unsupported {
        Function function = new IrBuilder(withinSize(code), callees).build();
        GuardArguments.insert(function, argumentTypes);
        Verifier.verify(function);
        return function;
    }

    /**
     * The IR of an on-stack replacement: code that takes over a frame the interpreter is running,
     * at the loop header {@code offset}, with the value stack it has there, and runs it from there
     * (what comes before the loop only where the loop leads back to it). {@code localTypes}: the
     * type each local slot held when the frame was seen (BOTTOM: unbound), which the runtime
     * checks before it enters.
     */
    public static Function buildMidFrame(CodeObject code, int offset, List<Type> localTypes) throws Unsupported {
        return buildMidFrame(code, offset, localTypes, Map.of());
    }

    /** As {@link #buildMidFrame(CodeObject, int, List)}, with the bodies of the {@code callees} that may be inlined compiled into their calls. */
    public static Function buildMidFrame(CodeObject code, int offset, List<Type> localTypes, Map<Integer, Callee> callees)
            throws Unsupported {
        if (code.isGeneratorLike()) {
            throw new Unsupported("a generator's frame is resumed by its own compiled code");
        }
        // an exception compiled code's handlers let go is re-raised by the interpreter from a
        // RERAISE no handler covers (pyjit_osr_leave_reraising), so that no handler takes it twice
        // and the frame's traceback entry, there already, is not added again
        List<ExceptionTable.Entry> handlers = ExceptionTable.parse(code.exceptionTable());
        if (handlers.stream().anyMatch(entry -> entry.covers(offset)) && !hasUnhandledReraise(code, handlers)) {
            throw new Unsupported("the loop at offset " + offset + " is inside a try or with block, and no RERAISE is outside every handler");
        }
        Block header = build(code).blocks().stream().filter(block -> block.bytecodeOffset() == offset).findFirst()
                .orElseThrow(() -> new Unsupported("no block starts at offset " + offset));
        IrBuilder builder = new IrBuilder(code, callees);
        builder.findBlocks();
        Function function = builder.function;
        function.enterMidFrame(localTypes);
        Block entry = function.newBlock("enter mid-frame");
        builder.resumePoint(offset, header.parameters().size());
        builder.drainWorklist();
        entry.setTerminator(new Terminator.ResumeDispatch(List.of(offset), List.of(builder.resumePoints.get(offset))));
        Verifier.verify(function);
        return function;
    }

    private static boolean hasUnhandledReraise(CodeObject code, List<ExceptionTable.Entry> handlers) {
        return Decoder.decode(code).stream().anyMatch(instruction -> instruction.opcode() == Opcode.RERAISE
                && handlers.stream().noneMatch(entry -> entry.covers(instruction.offset())));
    }

    private Function build() throws Unsupported {
        findBlocks();
        if (code.isGeneratorLike()) {
            buildResumable();
        } else {
            blockFor(0, 0);
            drainWorklist();
        }
        return function;
    }

    private void findBlocks() {
        for (int i = 0; i < instructions.size(); i++) {
            indexByStart.put(instructions.get(i).start(), i);
        }
        findBlockStarts();
    }

    private void drainWorklist() throws Unsupported {
        while (!worklist.isEmpty()) {
            buildBlock(worklist.pop());
        }
    }

    /**
     * A generator's code (or a coroutine's): a new frame runs RETURN_GENERATOR in the interpreter,
     * which makes the generator object; compiled code runs the frame each time it is resumed, from
     * the instruction after RETURN_GENERATOR or after a YIELD_VALUE, with the value sent in on top of
     * the stack the frame was suspended with. The entry block dispatches on where the frame is.
     */
    private void buildResumable() throws Unsupported {
        Block entry = function.newBlock("resume");
        Instruction returnGenerator = instructions.stream().filter(instruction -> instruction.opcode() == Opcode.RETURN_GENERATOR)
                .findFirst().orElseThrow(() -> new Unsupported("generator code without RETURN_GENERATOR"));
        resumePoint(returnGenerator.next(), 1);
        drainWorklist();
        List<Integer> offsets = new ArrayList<>(resumePoints.keySet());
        entry.setTerminator(new Terminator.ResumeDispatch(offsets, offsets.stream().map(resumePoints::get).toList()));
    }

    /** The block that takes over the suspended stack at a resume point and goes on at its offset. */
    private void resumePoint(int offset, int depth) throws Unsupported {
        if (resumePoints.containsKey(offset)) {
            return;
        }
        Block taking = function.newBlock("resumed at offset " + offset);
        resumePoints.put(offset, taking);
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            Value item = function.newValue(Type.TOP);
            taking.add(new Instr.ResumedStackItem(item, i));
            items.add(item);
        }
        taking.setTerminator(new Terminator.Jump(new Edge(blockFor(offset, depth), items)));
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
            if (instruction.opcode() == Opcode.YIELD_VALUE || instruction.opcode() == Opcode.RETURN_GENERATOR) {
                blockStarts.add(instruction.next());
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
        created.setBytecodeOffset(offset);
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

    /** The state of an instruction that can raise and has no operands: the stack as it is. */
    private FrameState state() throws Unsupported {
        return state(new ArrayList<>(stack));
    }

    /** The state of the current instruction, which owns {@code owned}: the stack (bottom first), then its operands. */
    private FrameState state(List<Value> owned) throws Unsupported {
        for (ExceptionTable.Entry entry : handlers) {
            if (entry.covers(current.offset())) {
                if (entry.depth() > stack.size()) {
                    throw new Unsupported("a handler keeps more of the stack than offset " + current.offset() + " has");
                }
                Block handler = blockFor(entry.target(), FrameState.Handler.entryDepth(entry.depth(), entry.pushLastInstruction()));
                return new FrameState(current.offset(), owned, new FrameState.Handler(entry.target(), entry.depth(),
                        entry.pushLastInstruction(), handler));
            }
        }
        return new FrameState(current.offset(), owned, null);
    }

    /** Resuming at this instruction, with its operands (just popped) back on the value stack. */
    private ResumeState resumeBefore(List<Value> operands) {
        List<Value> before = new ArrayList<>(stack);
        before.addAll(operands);
        return new ResumeState(current.start(), before, List.of());
    }

    /** Resuming at the next instruction, with the value stack as it is now plus {@code pushed} (if any). */
    private ResumeState resumeAfter(Value pushed) {
        return resumeAfter(pushed, List.of());
    }

    /**
     * As {@link #resumeAfter(Value)} for an instruction whose operands are released after it
     * ({@link #apply}): until then compiled code holds them, so the hand-over releases them.
     */
    private ResumeState resumeAfter(Value pushed, List<Value> released) {
        List<Value> after = new ArrayList<>(stack);
        if (pushed != null) {
            after.add(pushed);
        }
        return new ResumeState(current.next(), after, released);
    }

    /**
     * Where the interpreter had specialised a BINARY_OP or COMPARE_OP for two ints, floats or
     * strings, a subscript for a list, tuple or string and an int, an UNPACK_SEQUENCE for a list
     * or tuple, or a TO_BOOL for a bool, int, list or string, those operands are guarded to be of
     * those types (a truth test's int, list or string: or None, see CacheHint#operandTypes; each
     * guard resumes at the instruction with the stack as it is then), so the operation is
     * compiled for them.
     */
    private IrBuilder guardOperands(int offset) {
        List<Type> types = code.hintAt(offset).operandTypes();
        int first = stack.size() - types.size();
        for (int i = 0; i < types.size(); i++) {
            Value operand = stack.get(first + i);
            Value guarded = function.newValue(Type.TOP);
            emit(new Instr.GuardType(guarded, operand, types.get(i), new ResumeState(current.start(), stack, List.of())));
            stack.set(first + i, guarded);
        }
        return this;
    }

    /**
     * The common shape of an operation: pops {@code count} operands (bottom first), emits the
     * instruction {@code make} builds from them and, if it can raise, its frame state (the rest of
     * the stack plus the operands it does not steal); then releases the operands it does not steal
     * and pushes its result, if it has one.
     */
    private Value apply(Op op, int count, BiFunction<List<Value>, FrameState, Instr> make) throws Unsupported {
        List<Value> operands = pop(count);
        FrameState state = null;
        if (op.canRaise) {
            List<Value> owned = new ArrayList<>(stack);
            if (!op.stealsOperands) {
                owned.addAll(operands);
            }
            state = state(owned);
        }
        Instr instruction = make.apply(operands, state);
        emit(instruction);
        if (!op.stealsOperands) {
            decref(operands);
        }
        return instruction.result() == null ? null : push(instruction.result());
    }

    // ---- one bytecode instruction; true when it ended the block

    private boolean translate(Instruction instruction) throws Unsupported {
        int arg = instruction.argument();
        switch (instruction.opcode()) {
            case NOP, EXTENDED_ARG -> { }
            case RESUME -> {
                // after yield from or await the interpreter does not poll either
                if ((arg & RESUME_LOCATION_MASK) < RESUME_AFTER_YIELD_FROM) {
                    poll();
                }
            }
            case YIELD_VALUE -> {
                Value yielded = pop();
                block.setTerminator(new Terminator.Yield(yielded, stack, instruction.next(), arg));
                resumePoint(instruction.next(), stack.size() + 1);
                return true;
            }
            case LOAD_CONST -> push(loadConst(arg));
            case RETURN_CONST -> {
                block.setTerminator(new Terminator.Return(loadConst(arg), instruction.offset()));
                return true;
            }
            case RETURN_VALUE -> {
                block.setTerminator(new Terminator.Return(pop(), instruction.offset()));
                return true;
            }
            case LOAD_FAST -> push(loadLocal(arg, true));
            case LOAD_FAST_CHECK -> apply(Op.LOAD_LOCAL_CHECKED, 0, (in, state) -> new Instr.LoadLocalChecked(value(), arg, state));
            case LOAD_FAST_LOAD_FAST -> {
                push(loadLocal(arg >> 4, false));
                push(loadLocal(arg & 15, true));
            }
            case STORE_FAST -> emit(new Instr.StoreLocal(arg, pop(), current.offset()));
            case STORE_FAST_LOAD_FAST -> {
                emit(new Instr.StoreLocal(arg >> 4, pop(), current.offset()));
                push(loadLocal(arg & 15, true));
            }
            case STORE_FAST_STORE_FAST -> {
                emit(new Instr.StoreLocal(arg >> 4, pop(), current.offset()));
                emit(new Instr.StoreLocal(arg & 15, pop(), current.offset()));
            }
            case LOAD_GLOBAL -> {
                CacheHint hint = code.hintAt(instruction.offset());
                Value global = apply(Op.LOAD_GLOBAL, 0, (in, state) -> new Instr.LoadGlobal(value(), arg >> 1, hint, state, resumeBefore(in)));
                if ((arg & 1) != 0) {
                    pushNullIf(true);
                    calleeOffsets.put(global, current.offset());
                    calleeSelves.put(global, peek(1));
                    if (hint == CacheHint.GLOBAL_BUILTIN) {
                        builtinCallees.put(global, code.names().get(arg >> 1));
                    }
                }
            }
            case STORE_GLOBAL -> apply(Op.STORE_GLOBAL, 1, (in, state) -> new Instr.StoreGlobal(arg, in.get(0), state));
            case LOAD_ATTR -> {
                CacheHint hint = code.hintAt(instruction.offset());
                if ((arg & 1) != 0) {
                    loadMethod(arg >> 1, hint);
                } else if (hint == CacheHint.ATTR_PROPERTY || callees.containsKey(instruction.offset())) {
                    loadProperty(arg >> 1);
                } else {
                    apply(Op.LOAD_ATTR, 1, (in, state) -> {
                        Value attribute = value();
                        return new Instr.LoadAttr(attribute, in.get(0), arg >> 1, hint, state, resumeAfter(attribute, in));
                    });
                }
            }
            case LOAD_SUPER_ATTR -> loadSuperAttr(arg);
            case STORE_ATTR -> {
                CacheHint hint = code.hintAt(instruction.offset());
                apply(Op.STORE_ATTR, 2, (in, state) -> new Instr.StoreAttr(in.get(1), arg, in.get(0), hint, state, resumeAfter(null, in)));
            }
            case PUSH_NULL -> pushNullIf(true);
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
                BinaryOperator operator = BinaryOperator.of(arg);
                CacheHint hint = code.hintAt(instruction.offset()) == CacheHint.BINARY_OP_GENERIC
                        && SpeculateIntOperands.OPERATORS.contains(operator.base()) ? CacheHint.BINARY_OP_GENERIC : CacheHint.NONE;
                guardOperands(instruction.offset()).apply(Op.BINARY_OP, 2,
                        (in, state) -> new Instr.BinaryOp(value(), operator, in.get(0), in.get(1), state, resumeBefore(in), hint));
            }
            case UNARY_NEGATIVE -> unary(UnaryKind.NEGATIVE);
            case UNARY_INVERT -> unary(UnaryKind.INVERT);
            case CALL_INTRINSIC_1 -> {
                if (arg == INTRINSIC_UNARY_POSITIVE) {
                    unary(UnaryKind.POSITIVE);
                } else {
                    helper(Op.INTRINSIC_1, arg, 1);
                }
            }
            case CALL_INTRINSIC_2 -> helper(Op.INTRINSIC_2, arg, 2);
            case UNARY_NOT -> apply(Op.NOT, 1, (in, state) -> new Instr.Not(value(), in.get(0)));
            case TO_BOOL -> guardOperands(instruction.offset()).apply(Op.TO_BOOL, 1, (in, state) -> new Instr.ToBool(value(), in.get(0), state));
            case COMPARE_OP -> guardOperands(instruction.offset()).apply(Op.COMPARE, 2, (in, state) ->
                    new Instr.Compare(value(), CompareOperator.of(arg >> 5), (arg & 16) != 0, in.get(0), in.get(1), state, resumeBefore(in)));
            case IS_OP -> apply(Op.IS, 2, (in, state) -> new Instr.Is(value(), in.get(0), in.get(1), arg != 0));
            case CONTAINS_OP -> apply(Op.CONTAINS, 2, (in, state) -> new Instr.Contains(value(), in.get(0), in.get(1), arg != 0, state));
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
                poll();
                block.setTerminator(new Terminator.Jump(edgeTo(instruction.jumpTarget())));
                return true;
            }
            case CALL, CALL_KW -> {
                call(instruction);
                // With the result on the stack; a tool switched on during the call resumes after it.
                emit(new Instr.CheckEvalBreaker(state(), new ResumeState(current.next(), stack, List.of())));
            }
            case BUILD_TUPLE -> build(Op.BUILD_TUPLE, arg);
            case BUILD_LIST -> build(Op.BUILD_LIST, arg);
            case BUILD_MAP -> build(Op.BUILD_MAP, 2 * arg);
            case BUILD_STRING -> build(Op.BUILD_STRING, arg);
            case BUILD_CONST_KEY_MAP -> apply(Op.BUILD_CONST_KEY_MAP, arg + 1,
                    (in, state) -> new Instr.BuildConstKeyMap(value(), in.subList(0, arg), in.get(arg), state));
            case FORMAT_SIMPLE -> apply(Op.FORMAT_SIMPLE, 1, (in, state) -> new Instr.Unary(value(), Op.FORMAT_SIMPLE, in.get(0), state));
            case GET_ITER -> apply(Op.GET_ITER, 1, (in, state) -> new Instr.Unary(value(), Op.GET_ITER, in.get(0), state));
            case LIST_EXTEND -> {
                // The list stays on the stack, arg deep below the iterable.
                Value list = peek(arg + 1);
                apply(Op.LIST_EXTEND, 1, (in, state) -> new Instr.Effect(Op.LIST_EXTEND, List.of(list, in.get(0)), state));
            }
            case BINARY_SUBSCR -> guardOperands(instruction.offset()).access(Op.SUBSCRIPT, 2);
            case BINARY_SLICE -> access(Op.SLICE, 3);
            case BUILD_SLICE -> access(Op.BUILD_SLICE, arg);
            // STORE_SUBSCR pops (value, container, index), STORE_SLICE (value, container, start, stop).
            case STORE_SUBSCR -> guardOperands(instruction.offset()).apply(Op.STORE_SUBSCRIPT, 3, (in, state) ->
                    new Instr.Effect(Op.STORE_SUBSCRIPT, List.of(in.get(1), in.get(2), in.get(0)), state));
            case STORE_SLICE -> apply(Op.STORE_SLICE, 4, (in, state) ->
                    new Instr.Effect(Op.STORE_SLICE, List.of(in.get(1), in.get(2), in.get(3), in.get(0)), state));
            case UNPACK_SEQUENCE -> {
                guardOperands(instruction.offset());
                Value tuple = apply(Op.UNPACK_SEQUENCE, 1, (in, state) -> new Instr.UnpackSequence(value(), in.get(0), arg, state));
                pop(); // its items take its place
                // The first item ends on top of the stack.
                for (int i = arg - 1; i >= 0; i--) {
                    Value item = value();
                    emit(new Instr.TupleItem(item, tuple, i));
                    push(item);
                }
                decref(tuple);
            }
            case FOR_ITER -> {
                Value iterator = peek(1);
                Value next = function.newValue(Type.TOP);
                CacheHint hint = code.hintAt(instruction.offset());
                hint = hint.name().startsWith("FOR_ITER_") ? hint : CacheHint.NONE;
                emit(new Instr.ForIter(next, iterator, hint, state(), new ResumeState(current.start(), stack, List.of()), instruction.next()));
                Block exit = function.newBlock("for-exit offset " + instruction.offset());
                List<Value> afterLoop = stack.subList(0, stack.size() - 1);
                exit.add(new Instr.Refcount(Op.DECREF, iterator));
                exit.setTerminator(new Terminator.Jump(new Edge(blockFor(forIterExit(instruction), afterLoop.size()), afterLoop)));
                push(next);
                Edge body = edgeTo(instruction.next());
                block.setTerminator(new Terminator.Branch(Condition.IS_NULL, next, new Edge(exit, List.of()), body));
                return true;
            }
            case RAISE_VARARGS -> {
                if (arg == 0) {
                    emit(new Instr.Effect(Op.RERAISE_HANDLED, List.of(), state()));
                    block.setTerminator(new Terminator.Unreachable());
                    return true;
                }
                Value cause = arg == 2 ? pop() : null;
                Value exception = pop();
                if (cause == null) {
                    cause = function.newValue(Type.NULL);
                    emit(new Instr.LoadNull(cause));
                }
                emit(new Instr.Effect(Op.RAISE, List.of(exception, cause), state()));
                block.setTerminator(new Terminator.Unreachable());
                return true;
            }
            case LOAD_ASSERTION_ERROR -> push(emitted(new Instr.Access(value(), Op.LOAD_ASSERTION_ERROR, List.of(), null)));
            case BEFORE_WITH -> enterContext(Op.BEFORE_WITH);
            case BEFORE_ASYNC_WITH -> enterContext(Op.BEFORE_ASYNC_WITH);
            case SEND -> {
                // (receiver, value -- receiver, result): on to the YIELD_VALUE, or to END_SEND when the receiver returned
                Value receiver = peek(2);
                Value result = apply(Op.SEND, 1, (in, state) -> new Instr.Send(value(), receiver, in.get(0), state));
                Value returned = function.newValue(Type.BOOL);
                emit(new Instr.SendReturned(returned, result));
                block.setTerminator(new Terminator.Branch(Condition.IS_TRUE, returned, edgeTo(instruction.jumpTarget()), edgeTo(instruction.next())));
                return true;
            }
            case END_SEND -> {
                Value result = pop();
                decref(pop());
                push(result);
            }
            case GET_YIELD_FROM_ITER -> helper(Op.GET_YIELD_FROM_ITER, -1, 1);
            case GET_AWAITABLE -> helper(Op.GET_AWAITABLE, arg, 1);
            case GET_AITER -> helper(Op.GET_AITER, -1, 1);
            case GET_ANEXT -> {
                // the async iterator stays on the stack, under the awaitable
                Value iterator = peek(1);
                apply(Op.GET_ANEXT, 0, (in, state) -> new Instr.Helper(value(), Op.GET_ANEXT, -1, List.of(iterator), state));
            }
            case LOAD_FAST_AND_CLEAR -> push(emitted(new Instr.LoadLocalAndClear(function.newValue(Type.TOP), arg)));
            case LIST_APPEND -> appendTo(Op.LIST_APPEND, arg, 1);
            case SET_ADD -> appendTo(Op.SET_ADD, arg, 1);
            case MAP_ADD -> appendTo(Op.MAP_ADD, arg, 2);
            case BUILD_SET -> build(Op.BUILD_SET, arg);
            case CONVERT_VALUE -> apply(Op.CONVERT_VALUE, 1, (in, state) -> new Instr.ConvertValue(value(), arg, in.get(0), state));
            case FORMAT_WITH_SPEC -> apply(Op.FORMAT_WITH_SPEC, 2, (in, state) -> new Instr.Access(value(), Op.FORMAT_WITH_SPEC, in, state));
            case DELETE_FAST -> emit(new Instr.DeleteLocal(arg, state()));
            case DELETE_SUBSCR -> apply(Op.DELETE_SUBSCRIPT, 2, (in, state) -> new Instr.Effect(Op.DELETE_SUBSCRIPT, in, state));
            case MAKE_CELL -> emit(new Instr.Cell(null, Op.MAKE_CELL, arg, List.of(), state()));
            case COPY_FREE_VARS -> emit(new Instr.Cell(null, Op.COPY_FREE_VARS, arg, List.of(), null));
            case LOAD_DEREF -> push(emitted(new Instr.Cell(value(), Op.LOAD_DEREF, arg, List.of(), state())));
            case STORE_DEREF -> emit(new Instr.Cell(null, Op.STORE_DEREF, arg, List.of(pop()), null));
            case MAKE_FUNCTION -> apply(Op.MAKE_FUNCTION, 1, (in, state) -> new Instr.Unary(value(), Op.MAKE_FUNCTION, in.get(0), state));
            case SET_FUNCTION_ATTRIBUTE -> {
                // (attribute, function -- function): the function keeps its value and its place
                Value function = pop();
                Value attribute = pop();
                emit(new Instr.SetFunctionAttribute(arg, function, attribute));
                decref(attribute);
                push(function);
            }
            case PUSH_EXC_INFO -> {
                // (exception -- previously handled, exception)
                Value exception = pop();
                Value previous = value();
                emit(new Instr.Helper(previous, Op.PUSH_EXC_INFO, -1, List.of(exception), null));
                push(previous);
                push(exception);
            }
            case POP_EXCEPT -> effect(Op.POP_EXCEPT, -1, 1, List.of());
            case CHECK_EXC_MATCH -> operation(Op.CHECK_EXC_MATCH, -1, 1, List.of(peek(2)), true);
            case CHECK_EG_MATCH -> pushPair(operation(Op.CHECK_EG_MATCH, -1, 2, List.of(), true));
            case WITH_EXCEPT_START -> operation(Op.WITH_EXCEPT_START, -1, 0, List.of(peek(4), peek(3), peek(2), peek(1)), true);
            case RERAISE -> {
                // (lasti if arg, ..., exception): the values stay on the stack, the unwinding releases them
                Value lasti = arg > 0 ? peek(arg + 1) : emitted(new Instr.LoadNull(function.newValue(Type.NULL)));
                effect(Op.RERAISE, -1, 1, List.of(lasti));
                block.setTerminator(new Terminator.Unreachable());
                return true;
            }
            case CLEANUP_THROW -> pushPair(operation(Op.CLEANUP_THROW, -1, 3, List.of(), true));
            case END_ASYNC_FOR -> effect(Op.END_ASYNC_FOR, -1, 2, List.of());
            case LOAD_NAME -> helper(Op.LOAD_NAME, arg, 0);
            case STORE_NAME -> effect(Op.STORE_NAME, arg, 1, List.of());
            case DELETE_NAME -> effect(Op.DELETE_NAME, arg, 0, List.of());
            case LOAD_LOCALS -> helper(Op.LOAD_LOCALS, -1, 0);
            case LOAD_FROM_DICT_OR_GLOBALS -> helper(Op.LOAD_FROM_DICT_OR_GLOBALS, arg, 1);
            case LOAD_FROM_DICT_OR_DEREF -> helper(Op.LOAD_FROM_DICT_OR_DEREF, arg, 1);
            case SETUP_ANNOTATIONS -> effect(Op.SETUP_ANNOTATIONS, -1, 0, List.of());
            case LOAD_BUILD_CLASS -> helper(Op.LOAD_BUILD_CLASS, -1, 0);
            case DELETE_GLOBAL -> effect(Op.DELETE_GLOBAL, arg, 0, List.of());
            case DELETE_ATTR -> effect(Op.DELETE_ATTR, arg, 1, List.of());
            case DELETE_DEREF -> effect(Op.DELETE_DEREF, arg, 0, List.of());
            case IMPORT_NAME -> helper(Op.IMPORT_NAME, arg, 2);
            case IMPORT_FROM -> helperOnKept(Op.IMPORT_FROM, arg, List.of(peek(1)));
            case CALL_FUNCTION_EX -> {
                // without keywords, a NULL stands for them: the helper always takes four operands
                pushNullIf((arg & 1) == 0);
                helper(Op.CALL_FUNCTION_EX, -1, 4);
                emit(new Instr.CheckEvalBreaker(state(), new ResumeState(current.next(), stack, List.of())));
            }
            // DICT_MERGE names the callable (arg + 3 below the mapping) when the mapping is no mapping
            case DICT_MERGE -> effect(Op.DICT_MERGE, -1, 1, List.of(peek(arg + 4), peek(arg + 1)));
            case DICT_UPDATE -> effect(Op.DICT_UPDATE, -1, 1, List.of(peek(arg + 1)));
            case SET_UPDATE -> effect(Op.SET_UPDATE, -1, 1, List.of(peek(arg + 1)));
            case UNPACK_EX -> {
                Value tuple = apply(Op.UNPACK_EX, 1, (in, state) -> new Instr.Helper(value(), Op.UNPACK_EX, arg, in, state));
                pop();
                int count = (arg & 0xFF) + 1 + (arg >> 8);
                for (int i = count - 1; i >= 0; i--) {
                    Value item = value();
                    emit(new Instr.TupleItem(item, tuple, i));
                    push(item);
                }
                decref(tuple);
            }
            case MATCH_CLASS -> helper(Op.MATCH_CLASS, arg, 3);
            case MATCH_MAPPING -> helperOnKept(Op.MATCH_MAPPING, -1, List.of(peek(1)));
            case MATCH_SEQUENCE -> helperOnKept(Op.MATCH_SEQUENCE, -1, List.of(peek(1)));
            case MATCH_KEYS -> helperOnKept(Op.MATCH_KEYS, -1, List.of(peek(2), peek(1)));
            case GET_LEN -> helperOnKept(Op.GET_LEN, -1, List.of(peek(1)));
            default -> throw new Unsupported("unsupported opcode " + instruction.opcode());
        }
        return false;
    }

    /** The interpreter polls before it runs the instruction, which is where a tool switched on resumes it. */
    private void poll() throws Unsupported {
        emit(new Instr.CheckEvalBreaker(state(), new ResumeState(current.start(), stack, List.of())));
    }

    private Value emitted(Instr instruction) {
        emit(instruction);
        return instruction.result();
    }

    /**
     * LIST_APPEND, SET_ADD, MAP_ADD: pop the item (or key and value) and add it to the collection
     * that stays on the stack, {@code depth} deep below them.
     */
    private void appendTo(Op op, int depth, int items) throws Unsupported {
        Value collection = peek(depth + items);
        apply(op, items, (in, state) -> {
            List<Value> operands = new ArrayList<>(List.of(collection));
            operands.addAll(in);
            return new Instr.Effect(op, operands, state);
        });
    }

    /** A new value; its type is inference's to find, except for constants and NULL. */
    private Value value() {
        return function.newValue(Type.OBJECT);
    }

    private Value loadConst(int index) {
        Value result = function.newValue(constantType(code.constants().get(index).kind()));
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

    /**
     * A load of a local, with where the interpreter resumes if the local's inferred type turns out
     * wrong: after this instruction, with the loaded value pushed, when the load is the last thing
     * the instruction does; else at its start, releasing the value.
     */
    private Value loadLocal(int slot, boolean lastOfInstruction) {
        Value result = value();
        ResumeState resume;
        if (lastOfInstruction) {
            List<Value> after = new ArrayList<>(stack);
            after.add(result);
            resume = new ResumeState(current.next(), after, List.of());
        } else {
            resume = new ResumeState(current.start(), stack, List.of(result));
        }
        emit(new Instr.LoadLocal(result, slot, resume));
        return result;
    }

    private void pushNullIf(boolean condition) {
        if (condition) {
            Value result = function.newValue(Type.NULL);
            emit(new Instr.LoadNull(result));
            push(result);
        }
    }

    /** LOAD_ATTR's method form pushes the callable, then the self to call it with or NULL. */
    private void loadMethod(int nameIndex, CacheHint hint) throws Unsupported {
        Value method = apply(Op.LOAD_METHOD, 1, (in, state) -> new Instr.LoadMethod(value(), in.get(0), nameIndex, hint, state));
        calleeOffsets.put(method, current.offset());
        pushMethodSelf(method);
        calleeSelves.put(method, peek(1));
        // the interpreter found a method of a type whose instances have no dict: a list's or a dict's, perhaps
        String builtin = BUILTIN_METHODS.get(code.names().get(nameIndex));
        if (hint == CacheHint.ATTR_METHOD_NO_DICT && builtin != null) {
            builtinCallees.put(method, builtin);
        }
    }

    /**
     * A load the interpreter specialised for a property (or did, and took back once the getter got
     * native code: the runtime names the getter), built as the interpreter runs it: a call of the
     * property's getter with the owner ({@link Instr.PropertyGetter}), into which the getter's body
     * is compiled where the interpreter's cache names a function that may be inlined. The call
     * takes the owner over, as the load would have released it.
     */
    private void loadProperty(int nameIndex) throws Unsupported {
        Value owner = peek(1);
        Value getter = emitted(new Instr.PropertyGetter(function.newValue(Type.OBJECT), owner, nameIndex, state()));
        pop();
        push(getter);
        push(owner);
        calleeOffsets.put(getter, current.offset());
        calleeSelves.put(getter, owner);
        apply(Op.CALL, 2, (in, state) -> {
            Value result = value();
            Instr.Call call = new Instr.Call(result, in.get(0), in.get(1), List.of(), -1, state);
            Inlined body = inlinedBody(in.get(0), in.get(1), 0);
            return body == null ? call : call.withInlined(body, resumeAfter(result));
        });
    }

    /** LOAD_SUPER_ATTR pops (super, class, self) and pushes the attribute, then in its method form the self or NULL. */
    private void loadSuperAttr(int oparg) throws Unsupported {
        Value attribute = apply(Op.LOAD_SUPER_ATTR, 3,
                (in, state) -> new Instr.LoadSuperAttr(value(), in.get(0), in.get(1), in.get(2), oparg, state));
        if ((oparg & 1) != 0) {
            pushMethodSelf(attribute);
        }
    }

    private void pushMethodSelf(Value method) {
        Value self = function.newValue(Type.TOP);
        emit(new Instr.MethodSelf(self, method));
        push(self);
    }

    /** An operation that pops {@code count} operands and pushes what its runtime helper returns. */
    private void helper(Op op, int argument, int count) throws Unsupported {
        operation(op, argument, count, List.of(), true);
    }

    /** An operation that leaves its operands on the stack and pushes what its runtime helper returns. */
    private void helperOnKept(Op op, int argument, List<Value> kept) throws Unsupported {
        operation(op, argument, 0, kept, true);
    }

    /** An operation without a result: pops {@code popped} operands, after the {@code kept} ones it reads on the stack. */
    private void effect(Op op, int argument, int popped, List<Value> kept) throws Unsupported {
        operation(op, argument, popped, kept, false);
    }

    /**
     * A helper call on the {@code kept} values (which stay on the stack) and {@code popped} values
     * popped from it; its result, if it has one, is pushed and returned.
     */
    private Value operation(Op op, int argument, int popped, List<Value> kept, boolean hasResult) throws Unsupported {
        return apply(op, popped, (in, state) -> {
            List<Value> operands = new ArrayList<>(kept);
            operands.addAll(in);
            return new Instr.Helper(hasResult ? value() : null, op, argument, operands, state);
        });
    }

    /** Replaces the pair on top of the stack by its two items, the second on top. */
    private void pushPair(Value pair) {
        pop();
        for (int i = 0; i < 2; i++) {
            Value item = value();
            emit(new Instr.TupleItem(item, pair, i));
            push(item);
        }
        decref(pair);
    }

    /** BEFORE_WITH and BEFORE_ASYNC_WITH: the manager is replaced by its bound exit, then what entering returned. */
    private void enterContext(Op op) throws Unsupported {
        pushPair(operation(op, -1, 1, List.of(), true));
    }

    private void unary(UnaryKind kind) throws Unsupported {
        apply(Op.UNARY_OP, 1, (in, state) -> new Instr.UnaryOp(value(), kind, in.get(0), state, resumeBefore(in)));
    }

    private void access(Op op, int operandCount) throws Unsupported {
        apply(op, operandCount, (in, state) -> new Instr.Access(value(), op, in, state));
    }

    /** BUILD_TUPLE, BUILD_LIST, BUILD_MAP (keys and values alternate), BUILD_STRING. */
    private void build(Op op, int count) throws Unsupported {
        apply(op, count, (in, state) -> new Instr.Build(value(), op, in, state));
    }

    /**
     * CALL pops (callable, self or NULL, arguments), which the call takes over; CALL_KW also the
     * tuple of keyword names on top, a constant the call reads from the code object, so the
     * reference loaded for it is released at once (co_consts keeps the tuple alive).
     */
    private void call(Instruction instruction) throws Unsupported {
        boolean keywords = instruction.opcode() == Opcode.CALL_KW;
        int kwnamesConstant = -1;
        if (keywords) {
            Value kwnames = pop();
            Integer index = constantIndexOf.get(kwnames);
            if (index == null) {
                throw new Unsupported("CALL_KW with keyword names that are not a constant");
            }
            kwnamesConstant = index;
            decref(kwnames);
        }
        int count = instruction.argument();
        int kwnames = kwnamesConstant;
        // CALL_KW's stack also holds the names, which the call no longer has: no resume state for it
        apply(Op.CALL, count + 2, (in, state) -> {
            Value result = value();
            Instr.Call call = new Instr.Call(result, in.get(0), in.get(1), in.subList(2, 2 + count), kwnames, state,
                    keywords ? null : resumeBefore(in));
            Inlined body = keywords ? null : inlinedBody(in.get(0), in.get(1), count);
            if (body != null) {
                return call.withInlined(body, resumeAfter(result));
            }
            Intrinsic builtin = keywords ? null : intrinsic(in.get(0), in.get(1), count);
            return builtin == null ? call : call.withIntrinsic(builtin, resumeAfter(result));
        });
    }

    /** The builtin a call of {@code count} positional arguments computes itself, of those the interpreter found in builtins. */
    private Intrinsic intrinsic(Value callable, Value self, int count) {
        String name = builtinCallees.get(callable);
        return name != null && calleeSelves.get(callable) == self ? Intrinsic.of(name, count) : null;
    }

    /**
     * The body of the method or function a call of {@code count} positional arguments reaches, if
     * the interpreter knew which function that was and the body may be inlined ({@link Inlinability}),
     * built and optimised; else null.
     */
    private Inlined inlinedBody(Value callable, Value self, int count) {
        Integer offset = calleeOffsets.get(callable);
        Callee callee = offset == null || calleeSelves.get(callable) != self ? null : callees.get(offset);
        if (callee == null) {
            return null;
        }
        // a method the interpreter found on the owner's class takes the owner as its self; a function
        // the call reaches through a class it names (Strength.weaker(a, b)) takes the arguments alone
        boolean method = !self.type().equals(Type.NULL) && callee.code().argCount() == count + 1;
        return inlinedBodies.computeIfAbsent(callee.identity() + (method ? " method " : " function ") + count,
                unused -> java.util.Optional.ofNullable(inlinable(callee, method, count))).orElse(null);
    }

    private static Inlined inlinable(Callee callee, boolean method, int count) {
        CodeObject body = callee.code();
        int plain = CodeObject.CO_VARARGS | CodeObject.CO_VARKEYWORDS;
        if (body.argCount() != count + (method ? 1 : 0) || body.keywordOnlyArgCount() != 0 || (body.flags() & plain) != 0 || body.isGeneratorLike()
                || body.cellCount() != 0 || body.freeCount() != 0 || body.exceptionTable().length != 0) {
            return null;
        }
        try {
            Function function = build(body);
            Pipeline.run(function, Pipeline.TYPING);
            Pipeline.run(function, Pipeline.INLINED);
            return Inlinability.reason(function) == null ? new Inlined(function, callee.identity(), body.localNames().size(), method) : null;
        } catch (Unsupported refused) {
            return null;
        }
    }
}
