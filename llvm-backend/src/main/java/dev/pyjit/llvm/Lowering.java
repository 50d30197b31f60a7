package dev.pyjit.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.pyjit.ir.BinaryOperator;
import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.CompareOperator;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Inlined;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.KnownLocal;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.VirtualLocal;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMMetadataRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Lowers one IR function into an LLVM module that already holds the C runtime's helpers (for the
 * host, their definitions from the bitcode, made internal so each module has its own inlinable
 * copy; for another target, their declarations).
 *
 * <p>The result has the shape of a PEP 523 frame evaluator, {@code PyObject *f(PyThreadState *tstate,
 * _PyInterpreterFrame *frame, int throwflag)}: it receives a frame its caller pushed with the
 * arguments bound, links it, runs the body, and pops the frame. It counts its entries and its
 * deoptimisations in two module globals ({@link #entriesSymbol}, {@link #deoptsSymbol}), plain
 * increments with no atomics, which the stats read at exit.
 *
 * <p>Each instruction becomes a call of its helper; one that can raise first records its
 * bytecode offset in the frame, and on failure releases the values its frame state owns and
 * leaves through the shared error exit, or, inside a try, goes to the handler's block (see
 * {@link #enterHandler}). Block parameters become phi nodes. A load whose type is a speculation checks it
 * and, if it fails, hands the frame to the interpreter ({@link ResumeState}); so does a poll that
 * finds a monitoring tool switched on.
 */
final class Lowering {
    private final LLVMContextRef context;
    private final LLVMModuleRef module;
    private final LLVMBuilderRef builder;
    private final LLVMTypeRef pointer;
    private final LLVMTypeRef i32;
    private final LLVMTypeRef i64;
    private final LLVMTypeRef f64;
    private final Map<Value, LLVMValueRef> values = new HashMap<>();
    private final Map<Block, LLVMBasicBlockRef> blocks = new HashMap<>();
    /** The blocks that release a list of owned values on the way to the error exit (see {@link #releasing}). */
    private final Map<List<Value>, LLVMBasicBlockRef> releaseChains = new HashMap<>();
    /** The same, on the way to the exit of a re-raised exception. */
    private final Map<List<Value>, LLVMBasicBlockRef> reraiseChains = new HashMap<>();
    /** Where each LOAD_METHOD left the self for the METHOD_SELF right after it. */
    private final Map<Value, LLVMValueRef> methodSelves = new HashMap<>();
    /** Where each SEND left whether its receiver returned, for the SEND_RETURNED after it. */
    private final Map<Value, LLVMValueRef> sendFlags = new HashMap<>();
    /** Where each FOR_ITER_PAIR left its second item, for the PAIR_SECOND after it. */
    private final Map<Value, LLVMValueRef> pairSeconds = new HashMap<>();
    private LLVMValueRef llvmFunction;
    private LLVMValueRef tstate;
    private LLVMValueRef frame;
    /** The entry's third parameter: what a C caller that consumes the generator's items keeps, or NULL. */
    private LLVMValueRef consumer;
    /** Where a generator's yields may hand their values to a consuming caller. */
    private YieldsToConsumers yields = YieldsToConsumers.NONE;
    /** For the value of each box yields.boxesOnlyToYield, whether the consumer took the number (an i1): its object is null then. */
    private final Map<Value, LLVMValueRef> takenBeforeBoxing = new HashMap<>();
    private LLVMBasicBlockRef allocas;
    private LLVMBasicBlockRef errorExit;
    /** Made when first needed (see {@link #reraiseExit()}). */
    private LLVMBasicBlockRef reraiseExit;
    /** The source line of each instruction, for the assembly a dump shows; null for the JIT's code. */
    private DebugLines lines;
    private final boolean sourceLines;
    /** The value stack handed to the interpreter (a failed speculation, a poll, an unwind); one array serves them all. */
    private LLVMValueRef resumeStack;
    /** The layouts of virtual locals (see withLocals), each once. */
    private final Map<String, LLVMValueRef> localsLayouts = new HashMap<>();
    /** Where pyjit_sync_locals notes what it wrote to each slot, made where the first access needs it. */
    private LLVMValueRef synced;
    private int slotCount;
    private LLVMValueRef deopts;
    /** The block that hands the frame to the interpreter, and its code unit and stack depth (see {@link #handOver}); null until used. */
    private LLVMBasicBlockRef handOver;
    private LLVMValueRef handOverUnit, handOverDepth;
    /** The instrumentation version this frame last saw (see pyjit_poll). */
    private LLVMValueRef seenVersion;
    /** The code runs a frame the interpreter hands over at a loop header (on-stack replacement). */
    private boolean midFrame;
    /**
     * Where a body inlined into a call goes when it cannot go on (see {@link Inlined}): null
     * while lowering a function of its own. With it, the phi of the body's result and the block
     * its returns go to.
     */
    private LLVMBasicBlockRef inlineExit;
    private LLVMValueRef inlineResult;
    private LLVMBasicBlockRef inlineReturned;
    /** The body's arguments its call unboxed ({@link Instr.Argument}), by slot. */
    private Map<Integer, LLVMValueRef> inlineArguments = Map.of();

    /**
     * {@code sourceLines}: DWARF line information on every instruction, which a dump's assembly
     * shows; nothing in the process reads it, and it took a tenth of a large function's code
     * generation (LLVM's analysis of debug values).
     */
    Lowering(LLVMContextRef context, LLVMModuleRef module, boolean sourceLines) {
        this.context = context;
        this.module = module;
        this.sourceLines = sourceLines;
        this.builder = LLVMCreateBuilderInContext(context);
        this.pointer = LLVMPointerTypeInContext(context, 0);
        this.i32 = LLVMInt32TypeInContext(context);
        this.i64 = LLVMInt64TypeInContext(context);
        this.f64 = LLVMDoubleTypeInContext(context);
    }

    /**
     * The lowering of a body inlined into a call that {@code outer} lowers: the same LLVM function,
     * builder, thread state and entry block; the body's own frame ({@code frame}, never linked),
     * values and exits.
     */
    private Lowering(Lowering outer, LLVMValueRef frame, LLVMBasicBlockRef exit, LLVMValueRef result, LLVMBasicBlockRef returned,
                     Map<Integer, LLVMValueRef> arguments) {
        this.context = outer.context;
        this.module = outer.module;
        this.builder = outer.builder;
        this.pointer = outer.pointer;
        this.i32 = outer.i32;
        this.i64 = outer.i64;
        this.f64 = outer.f64;
        this.llvmFunction = outer.llvmFunction;
        this.tstate = outer.tstate;
        this.allocas = outer.allocas;
        this.seenVersion = outer.seenVersion;
        this.deopts = outer.deopts;
        this.lines = outer.lines;
        this.sourceLines = outer.sourceLines;
        this.frame = frame;
        this.inlineExit = exit;
        this.inlineResult = result;
        this.inlineReturned = returned;
        this.inlineArguments = arguments;
    }

    static String entriesSymbol(String symbol) {
        return symbol + "_entries";
    }

    static String deoptsSymbol(String symbol) {
        return symbol + "_deopts";
    }

    /**
     * The symbol of a constant C string naming the bodies inlined into the function's calls, one
     * per line: code linked from a cache says so in the statistics too.
     */
    static String inlinedSymbol(String symbol) {
        return symbol + "_inlined";
    }

    void lower(Function function, String symbol) {
        midFrame = function.entersMidFrame();
        slotCount = function.slotCount();
        LLVMTypeRef signature = LLVMFunctionType(pointer, new PointerPointer<>(new LLVMTypeRef[]{pointer, pointer, pointer}), 3, /* varargs */ 0);
        llvmFunction = LLVMAddFunction(module, symbol, signature);
        LLVMValueRef entries = counter(entriesSymbol(symbol));
        deopts = counter(deoptsSymbol(symbol));
        byte[] inlinedNames = Inlined.asText(Inlined.namesIn(function)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        LLVMValueRef names = LLVMConstStringInContext(context, new BytePointer(inlinedNames), inlinedNames.length, /* null-terminated */ 0);
        LLVMValueRef inlined = LLVMAddGlobal(module, LLVMTypeOf(names), inlinedSymbol(symbol));
        LLVMSetInitializer(inlined, names);
        LLVMSetGlobalConstant(inlined, 1);
        allocas = LLVMAppendBasicBlockInContext(context, llvmFunction, "allocas");
        LLVMBasicBlockRef prologue = LLVMAppendBasicBlockInContext(context, llvmFunction, "enter");
        for (Block block : function.blocks()) {
            blocks.put(block, LLVMAppendBasicBlockInContext(context, llvmFunction, "bb" + block.id()));
        }
        errorExit = LLVMAppendBasicBlockInContext(context, llvmFunction, "error_exit");
        lines = sourceLines ? new DebugLines(context, module, builder, llvmFunction, function.name(), symbol, function.source()) : null;

        LLVMPositionBuilderAtEnd(builder, prologue);
        int deepestResume = function.blocks().stream().flatMap(block -> block.instructions().stream())
                .mapToInt(Lowering::handedOverStackDepth).max().orElse(0);
        resumeStack = stackArray(deepestResume, "resume_stack");
        increment(entries);
        tstate = LLVMGetParam(llvmFunction, 0);
        frame = LLVMGetParam(llvmFunction, 1);
        consumer = LLVMGetParam(llvmFunction, 2);
        yields = new YieldsToConsumers(function, function.entry().terminator() instanceof Terminator.ResumeDispatch dispatch ? dispatch : null);
        seenVersion = alloca(i64, 1, "seen_version");
        LLVMBuildStore(builder, call("pyjit_instrumentation_version", tstate), seenVersion);
        if (midFrame) {
            // the interpreter has linked and counted the frame it hands over
            LLVMBuildBr(builder, blocks.get(function.entry()));
        } else {
            boolean fresh = !(function.entry().terminator() instanceof Terminator.ResumeDispatch);
            LLVMValueRef entered = call("pyjit_enter", tstate, frame, int32(fresh ? 1 : 0));
            LLVMBasicBlockRef enterFailed = LLVMAppendBasicBlockInContext(context, llvmFunction, "enter_failed");
            rarelyTaken(LLVMBuildCondBr(builder, nonZero(entered), enterFailed, blocks.get(function.entry())));
            LLVMPositionBuilderAtEnd(builder, enterFailed);
            LLVMBuildRet(builder, LLVMConstPointerNull(pointer));
        }

        LLVMPositionBuilderAtEnd(builder, errorExit);
        LLVMBuildRet(builder, call(exit("pyjit_leave"), tstate, frame, LLVMConstPointerNull(pointer), int32(-1)));

        blockParameters(function);
        for (Block block : function.blocks()) {
            LLVMPositionBuilderAtEnd(builder, blocks.get(block));
            int[] lineOf = sourceLines(function, block);
            for (int i = 0; i < lineOf.length; i++) {
                if (lines != null) {
                    lines.at(lineOf[i]);
                }
                instruction(block.instructions().get(i));
            }
            terminator(block.terminator());
        }
        if (lines != null) {
            lines.finish();
        }
        LLVMPositionBuilderAtEnd(builder, allocas);
        LLVMBuildBr(builder, prologue);
        LLVMDisposeBuilder(builder);
    }

    /** The deepest stack this instruction may hand to the interpreter when its speculation fails. */
    /** The deepest stack the instruction may hand to the interpreter: at its resume state, or at its handler's entry. */
    private static int handedOverStackDepth(Instr instruction) {
        int resumed = instruction.speculates() ? instruction.resume().stack().size() : 0;
        if (instruction instanceof Instr.Call call && call.after() != null) {
            resumed = Math.max(resumed, call.after().stack().size());
        }
        FrameState state = instruction.state();
        return state != null && state.handler() != null ? Math.max(resumed, state.handler().entryDepth()) : resumed;
    }

    /**
     * The source line of each instruction of the block. Only instructions that can raise know
     * their bytecode offset; the others (loads, unboxing, releases) are lowered for the next one
     * that does, so they take its line. -1 where no later instruction knows.
     */
    private static int[] sourceLines(Function function, Block block) {
        List<Instr> instructions = block.instructions();
        int[] result = new int[instructions.size()];
        int next = -1;
        for (int i = instructions.size() - 1; i >= 0; i--) {
            FrameState state = instructions.get(i).state();
            if (state != null && function.source().lineAt(state.offset()) >= 0) {
                next = function.source().lineAt(state.offset());
            }
            result[i] = next;
        }
        return result;
    }

    private void instruction(Instr instruction) {
        FrameState state = instruction.state();
        if (state != null && inlineExit == null) {  // an inlined body raises nothing: its frame's place is never read
            call("pyjit_set_ip", frame, int32(state.offset() / 2));
        }
        LLVMValueRef result = switch (instruction.op()) {
            case LOAD_CONST -> call("pyjit_load_const", frame, int32(((Instr.LoadConst) instruction).index()));
            case LOAD_LOCAL -> loadLocal((Instr.LoadLocal) instruction);
            case LOAD_LOCAL_CHECKED -> checkNull(call("pyjit_load_local_checked", frame, int32(((Instr.LoadLocalChecked) instruction).slot())), state);
            case STORE_LOCAL -> {
                Instr.StoreLocal store = (Instr.StoreLocal) instruction;
                if (store.offset() >= 0) {
                    call("pyjit_set_ip", frame, int32(store.offset() / 2));
                }
                yield call("pyjit_store_local", frame, int32(store.slot()), use(store.value()));
            }
            case FLUSH_LOCAL -> {
                Instr.FlushLocal flush = (Instr.FlushLocal) instruction;
                LLVMValueRef object = flush.value().type().isUnboxed() ? checkNull(box(flush.value()), state) : use(flush.value());
                yield call("pyjit_store_local", frame, int32(flush.slot()), object);
            }
            case LOAD_GLOBAL -> {
                Instr.LoadGlobal load = (Instr.LoadGlobal) instruction;
                if (inlineExit != null) {
                    LLVMValueRef out = alloca(pointer, 1, "global");
                    checkStatus(call("pyjit_load_global_quiet", frame, int32(load.nameIndex()), at(state), int32(load.hint().opcode), out), state);
                    yield LLVMBuildLoad2(builder, pointer, out, "");
                }
                if (load.speculates()) {
                    yield loadGlobalQuietly(load);
                }
                yield checkNull(call("pyjit_load_global_cached", frame, int32(load.nameIndex()), at(state), int32(load.hint().opcode)), state);
            }
            case STORE_GLOBAL -> {
                Instr.StoreGlobal store = (Instr.StoreGlobal) instruction;
                yield checkStatus(call("pyjit_store_global", frame, int32(store.nameIndex()), use(store.value())), state);
            }
            case LOAD_ATTR -> {
                Instr.LoadAttr load = (Instr.LoadAttr) instruction;
                if (inlineExit != null) {
                    yield checkNull(call("pyjit_load_attr_fast", frame, use(load.owner()), int32(load.nameIndex()), at(state),
                            int32(load.hint().opcode), attributeSite()), state);
                }
                if (load.speculates()) {
                    yield loadAttrSyncingLocals(load);
                }
                yield checkNull(call("pyjit_load_attr_cached", frame, use(load.owner()), int32(load.nameIndex()), at(state),
                        int32(load.hint().opcode), attributeSite()), state);
            }
            case LOAD_ATTR_FLOAT -> loadAttrFloat((Instr.LoadAttrFloat) instruction);
            case LOAD_METHOD -> {
                Instr.LoadMethod load = (Instr.LoadMethod) instruction;
                yield checkNull(call("pyjit_load_method", frame, use(load.owner()), int32(load.nameIndex()), at(state),
                        int32(load.hint().opcode), attributeSite(), selfSlot(load.result())), state);
            }
            case LOAD_SUPER_ATTR -> {
                Instr.LoadSuperAttr load = (Instr.LoadSuperAttr) instruction;
                LLVMValueRef self = load.methodForm() ? selfSlot(load.result()) : LLVMConstPointerNull(pointer);
                yield checkNull(call("pyjit_load_super_attr", frame, use(load.globalSuper()), use(load.cls()), use(load.self()),
                        int32(load.oparg()), self), state);
            }
            case PROPERTY_GETTER -> {
                Instr.PropertyGetter getter = (Instr.PropertyGetter) instruction;
                yield checkNull(call("pyjit_slow_property_getter", frame, use(getter.owner()), int32(getter.nameIndex()), attributeSite()), state);
            }
            case METHOD_SELF -> LLVMBuildLoad2(builder, pointer, methodSelves.get(((Instr.MethodSelf) instruction).method()), "self");
            case STORE_ATTR -> {
                Instr.StoreAttr store = (Instr.StoreAttr) instruction;
                if (inlineExit != null) {  // where it would run code, nothing is stored and the call is made
                    yield checkStatus(call("pyjit_store_attr_inline", frame, use(store.owner()), int32(store.nameIndex()), use(store.value()),
                            at(state), int32(store.hint().opcode), attributeSite()), state);
                }
                if (store.speculates()) {
                    LLVMValueRef site = attributeSite();
                    yield storeAttrSyncingLocals(state, store.after(),
                            () -> call("pyjit_store_attr_fast", frame, use(store.owner()), int32(store.nameIndex()), use(store.value()), at(state),
                                    int32(store.hint().opcode), site),
                            () -> call("pyjit_store_attr", frame, use(store.owner()), int32(store.nameIndex()), use(store.value())));
                }
                yield checkStatus(call("pyjit_store_attr_cached", frame, use(store.owner()), int32(store.nameIndex()), use(store.value()),
                        at(state), int32(store.hint().opcode), attributeSite()), state);
            }
            case STORE_ATTR_FLOAT -> {
                Instr.StoreAttrFloat store = (Instr.StoreAttrFloat) instruction;
                LLVMValueRef site = attributeSite();
                Supplier<LLVMValueRef> fast = () -> call("pyjit_store_attr_float_fast", frame, use(store.owner()), int32(store.nameIndex()),
                        use(store.value()), at(state), int32(store.hint().opcode), site);
                ResumeState before = store.speculates() && inlineExit == null
                        ? resumedAtAccess(state, store.after(), store.nameIndex(), null, List.of(store.value(), store.owner())) : null;
                if (before != null) {
                    // as a float load's: where the cache misses, the interpreter stores
                    resumeUnless(LLVMBuildICmp(builder, LLVMIntEQ, fast.get(), int32(0), ""), before, null, null, false);
                    yield null;
                }
                if (store.speculates()) {
                    yield storeAttrSyncingLocals(state, store.after(), fast,
                            () -> call("pyjit_store_attr_float_generic", frame, use(store.owner()), int32(store.nameIndex()), use(store.value())));
                }
                yield checkStatus(call("pyjit_store_attr_float", frame, use(store.owner()), int32(store.nameIndex()), use(store.value()),
                        at(state), int32(store.hint().opcode), site), state);
            }
            case LOAD_NULL -> LLVMConstPointerNull(pointer);
            case BINARY_OP -> {
                Instr.BinaryOp op = (Instr.BinaryOp) instruction;
                // an inlined body computes on ints, floats and strs alone: anything else makes the call
                String helper = (inlineExit != null ? "pyjit_binary_op_exact" : "pyjit_binary_op") + (mayBeNumbers(op) ? "_numbers_inline" : "");
                yield checkNull(call(helper, tstate, int32(op.operator().ordinal()), use(op.left()), use(op.right())), state);
            }
            case UNARY_OP -> {
                Instr.UnaryOp op = (Instr.UnaryOp) instruction;
                yield checkNull(call("pyjit_unary", int32(op.kind().ordinal()), use(op.operand())), state);
            }
            case NOT -> call("pyjit_not", use(((Instr.Not) instruction).operand()));
            case COMPARE -> {
                Instr.Compare compare = (Instr.Compare) instruction;
                int oparg = compare.operator().ordinal() << 5 | (compare.toBool() ? 16 : 0);
                String helper = inlineExit != null ? "pyjit_compare_exact" : "pyjit_compare";
                yield checkNull(call(helper, int32(oparg), use(compare.left()), use(compare.right())), state);
            }
            case IS -> {
                Instr.Is is = (Instr.Is) instruction;
                yield call("pyjit_is", use(is.left()), use(is.right()), int32(is.invert() ? 1 : 0));
            }
            case CONTAINS -> {
                Instr.Contains contains = (Instr.Contains) instruction;
                yield checkNull(call("pyjit_contains", use(contains.item()), use(contains.container()), int32(contains.invert() ? 1 : 0)), state);
            }
            case TO_BOOL -> toBool((Instr.ToBool) instruction, state);
            case CALL -> {
                Instr.Call call = (Instr.Call) instruction;
                yield call.inlined() != null ? inlinedCall(call) : call.intrinsic() != null ? intrinsicCall(call) : madeCall(call);
            }
            case BUILD_TUPLE, BUILD_LIST, BUILD_MAP, BUILD_STRING -> {
                Instr.Build build = (Instr.Build) instruction;
                String helper = switch (build.op()) {
                    case BUILD_TUPLE -> "pyjit_build_tuple";
                    case BUILD_LIST -> "pyjit_build_list";
                    case BUILD_MAP -> "pyjit_build_map";
                    default -> "pyjit_build_string";
                };
                int count = build.op() == Op.BUILD_MAP ? build.items().size() / 2 : build.items().size();
                yield checkNull(call(helper, array(build.items(), 0), int32(count)), state);
            }
            case BUILD_CONST_KEY_MAP -> {
                Instr.BuildConstKeyMap build = (Instr.BuildConstKeyMap) instruction;
                yield checkNull(call("pyjit_build_const_key_map", array(build.values(), 0), int32(build.values().size()), use(build.keys())), state);
            }
            case FORMAT_SIMPLE -> checkNull(call("pyjit_format_simple", use(((Instr.Unary) instruction).operand())), state);
            case GET_ITER -> checkNull(call("pyjit_get_iter", use(((Instr.Unary) instruction).operand())), state);
            case FOR_ITER -> {
                Instr.ForIter next = (Instr.ForIter) instruction;
                if (next.fallsBackToGeneric() && inlineExit == null) {
                    yield forIterInertOrGeneric(next);
                }
                if (next.speculates()) {
                    LLVMValueRef holds = nonZero(call("pyjit_is_iterator_of", use(next.iterator()), int32(next.hint().opcode)));
                    resumeUnless(holds, next.resume(), null, null, false);
                }
                yield forIter(next.hint() == CacheHint.FOR_ITER_INERT ? call("pyjit_for_iter_inert", use(next.iterator()))
                              : call("pyjit_for_iter", tstate, use(next.iterator())), state);
            }
            case FOR_ITER_PAIR -> {
                Instr.ForIterPair next = (Instr.ForIterPair) instruction;
                LLVMValueRef iterator = use(next.iterator());
                LLVMValueRef second = alloca(pointer, 1, "second");
                pairSeconds.put(next.result(), second);
                yield fusedForIter(next, next.fallsBackToGeneric(), next.next(), "pyjit_is_pair_iterator", "pyjit_is_zip_of_two",
                        () -> call("pyjit_for_iter_pair", iterator, second),
                        first -> call("pyjit_pair_tuple", first, LLVMBuildLoad2(builder, pointer, second, "second")));
            }
            case FOR_ITER_ENUMERATED -> {
                Instr.ForIterEnumerated next = (Instr.ForIterEnumerated) instruction;
                LLVMValueRef iterator = use(next.iterator());
                yield fusedForIter(next, next.fallsBackToGeneric(), next.next(), "pyjit_is_enumerate_iterator", "pyjit_is_enumerate",
                        () -> call("pyjit_for_iter_enumerated", iterator), item -> call("pyjit_enumerated_tuple", iterator, item));
            }
            case ENUMERATE_INDEX -> call("pyjit_enumerate_index", use(((Instr.EnumerateIndex) instruction).iterator()));
            case PAIR_SECOND -> LLVMBuildLoad2(builder, pointer, pairSeconds.get(((Instr.PairSecond) instruction).pair()), "second");
            case RANGE_ITER_HAS_NEXT -> {
                Instr.RangeIterHasNext next = (Instr.RangeIterHasNext) instruction;
                LLVMValueRef holds = nonZero(call("pyjit_is_iterator_of", use(next.iterator()), int32(CacheHint.FOR_ITER_RANGE.opcode)));
                resumeUnless(holds, next.resume(), null, null, false);
                yield call("pyjit_bool", call("pyjit_range_iter_has_next", use(next.iterator())));
            }
            case RANGE_ITER_NEXT -> call("pyjit_range_iter_next", use(((Instr.RangeIterNext) instruction).iterator()));
            case LIST_EXTEND -> checkStatus(call("pyjit_list_extend", uses(instruction.operands())), state);
            case SUBSCRIPT -> {
                List<Value> operands = instruction.operands();
                yield operands.get(1).type().isUnboxed()
                        ? checkNull(call("pyjit_item_at", use(operands.get(0)), use(operands.get(1)),
                                int32(operands.get(0).type().isSubtypeOf(Type.TUPLE) ? 1 : 0)), state)
                        : checkNull(call("pyjit_subscript", uses(operands)), state);
            }
            case SLICE -> checkNull(call(instruction.operands().size() == 4 ? "pyjit_slice_step" : "pyjit_slice", uses(instruction.operands())), state);
            case TEMPORARY_SLICE -> checkNull(call(instruction.operands().size() == 4 ? "pyjit_temporary_slice_step" : "pyjit_temporary_slice",
                    uses(instruction.operands())), state);
            case BUILD_SLICE -> {
                List<Value> bounds = instruction.operands();
                LLVMValueRef step = bounds.size() == 3 ? use(bounds.get(2)) : LLVMConstPointerNull(pointer);
                yield checkNull(call("pyjit_build_slice", use(bounds.get(0)), use(bounds.get(1)), step), state);
            }
            case STORE_SUBSCRIPT -> checkStatus(call(instruction.operands().get(1).type().isUnboxed() ? "pyjit_store_item_at" : "pyjit_store_subscript",
                    uses(instruction.operands())), state);
            case STORE_SUBSCRIPT_FLOAT -> {
                Instr.StoreSubscriptFloat store = (Instr.StoreSubscriptFloat) instruction;
                String helper = store.index().type().isUnboxed() ? "pyjit_store_item_at_float" : "pyjit_store_subscript_float";
                yield checkStatus(call(helper, tstate, use(store.container()), use(store.index()), use(store.value())), state);
            }
            case STORE_SLICE -> checkStatus(call("pyjit_store_slice", uses(instruction.operands())), state);
            case STORE_TEMPORARY_SLICE -> checkStatus(call("pyjit_store_temporary_slice", uses(instruction.operands())), state);
            case UNPACK_SEQUENCE -> {
                Instr.UnpackSequence unpack = (Instr.UnpackSequence) instruction;
                yield checkNull(call("pyjit_unpack_sequence", use(unpack.sequence()), int32(unpack.count())), state);
            }
            case TUPLE_ITEM -> {
                Instr.TupleItem item = (Instr.TupleItem) instruction;
                yield call("pyjit_tuple_item", use(item.tuple()), int32(item.index()));
            }
            // an inlined body has no frame to hand over: the caller polls after the call
            case CHECK_EVAL_BREAKER -> inlineExit != null ? null : poll((Instr.CheckEvalBreaker) instruction);
            case GUARD_ARGUMENT -> guardArgument((Instr.GuardArgument) instruction);
            case GUARD_TYPE -> {
                Instr.GuardType guard = (Instr.GuardType) instruction;
                LLVMValueRef object = use(guard.value());
                if (guard.speculates()) {
                    LLVMValueRef holds = nonZero(call("pyjit_is_of", object, int32((int) guard.type().bits())));
                    resumeUnless(holds, guard.resume(), null, null, false);
                }
                yield object;
            }
            case UNBOX_FLOAT -> call("pyjit_float_value", use(((Instr.UnboxFloat) instruction).value()));
            case FLOAT_CONSTANT -> LLVMConstReal(f64, ((Instr.FloatConstant) instruction).value());
            case LOAD_LOCAL_FLOAT -> loadLocalFloat((Instr.LoadLocalFloat) instruction);
            case BOX_FLOAT -> yields.boxesOnlyToYield(instruction) ? boxOfferedFirst(instruction, state)
                    : checkNull(call("pyjit_float_box_in", tstate, use(((Instr.BoxFloat) instruction).value())), state);
            case FLOAT_ARITH, FLOAT_DIVIDE -> floatArith((Instr.FloatArith) instruction);
            case FLOAT_COMPARE -> {
                Instr.FloatCompare compare = (Instr.FloatCompare) instruction;
                LLVMValueRef holds = LLVMBuildFCmp(builder, predicate(compare.operator()), use(compare.left()), use(compare.right()), "");
                yield call("pyjit_bool", LLVMBuildZExt(builder, holds, i32, ""));
            }
            case UNBOX_INT -> {
                Instr.UnboxInt unbox = (Instr.UnboxInt) instruction;
                LLVMValueRef out = alloca(i64, 1, "int_value");
                resumeUnless(nonZero(call("pyjit_int_value", use(unbox.value()), out)), unbox.resume(), null, null, false);
                yield LLVMBuildLoad2(builder, i64, out, "");
            }
            case INT_CONSTANT -> LLVMConstInt(i64, ((Instr.IntConstant) instruction).value(), /* signExtend */ 1);
            case ARGUMENT -> inlineArguments.get(((Instr.Argument) instruction).slot());
            case INT_TO_FLOAT -> LLVMBuildSIToFP(builder, use(((Instr.IntToFloat) instruction).value()), f64, "");
            case CALL_MATH -> callMath((Instr.CallMath) instruction);
            case BOX_INT -> yields.boxesOnlyToYield(instruction) ? boxOfferedFirst(instruction, state)
                    : checkNull(call("pyjit_int_box", use(((Instr.BoxInt) instruction).value())), state);
            case REBOX -> {
                Instr.Rebox rebox = (Instr.Rebox) instruction;
                String helper = rebox.number().type().equals(Type.CDOUBLE) ? "pyjit_float_rebox" : "pyjit_int_rebox";
                yield checkNull(call(helper, use(rebox.object()), use(rebox.number())), state);
            }
            case INT_ARITH -> {
                Instr.IntArith arith = (Instr.IntArith) instruction;
                LLVMValueRef out = alloca(i64, 1, "int_result");
                LLVMValueRef done = call("pyjit_int_arith", int32(arith.operator().ordinal()), use(arith.left()), use(arith.right()), out);
                resumeUnless(nonZero(done), arith.resume(), null, null, false);
                yield LLVMBuildLoad2(builder, i64, out, "");
            }
            case INT_COMPARE -> {
                Instr.IntCompare compare = (Instr.IntCompare) instruction;
                LLVMValueRef holds = LLVMBuildICmp(builder, intPredicate(compare.operator()), use(compare.left()), use(compare.right()), "");
                yield call("pyjit_bool", LLVMBuildZExt(builder, holds, i32, ""));
            }
            case RAISE -> checkStatus(call("pyjit_raise", uses(instruction.operands())), state);
            case RERAISE_HANDLED -> {
                // 1: the exception being handled raised again; else RuntimeError, raised here
                LLVMValueRef reraised = LLVMBuildICmp(builder, LLVMIntSGT, call("pyjit_reraise_handled"), int32(0), "");
                LLVMBuildCondBr(builder, reraised, raiseBlock(state, false), raiseBlock(state, true));
                LLVMPositionBuilderAtEnd(builder, LLVMAppendBasicBlockInContext(context, llvmFunction, "after_raise"));
                yield null;
            }
            case LOAD_ASSERTION_ERROR -> call("pyjit_load_assertion_error");
            case BEFORE_WITH, BEFORE_ASYNC_WITH, GET_YIELD_FROM_ITER, GET_AWAITABLE, GET_AITER, GET_ANEXT, INTRINSIC_1, INTRINSIC_2, LOAD_NAME, STORE_NAME, DELETE_NAME,
                    LOAD_LOCALS, LOAD_FROM_DICT_OR_GLOBALS, LOAD_FROM_DICT_OR_DEREF, SETUP_ANNOTATIONS, LOAD_BUILD_CLASS, DELETE_GLOBAL,
                    DELETE_ATTR, DELETE_DEREF, IMPORT_NAME, IMPORT_FROM, CALL_FUNCTION_EX, DICT_MERGE, DICT_UPDATE, SET_UPDATE, UNPACK_EX,
                    MATCH_CLASS, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, GET_LEN, PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH,
                    CHECK_EG_MATCH, WITH_EXCEPT_START, RERAISE, CLEANUP_THROW, END_ASYNC_FOR -> helper((Instr.Helper) instruction);
            case SEND -> {
                Instr.Send send = (Instr.Send) instruction;
                LLVMValueRef returned = alloca(i32, 1, "returned");
                sendFlags.put(send.result(), returned);
                yield checkNull(call("pyjit_send", tstate, use(send.receiver()), use(send.sent()), returned), state);
            }
            case SEND_RETURNED -> call("pyjit_bool", LLVMBuildLoad2(builder, i32, sendFlags.get(((Instr.SendReturned) instruction).send()), "returned"));
            case LOAD_LOCAL_AND_CLEAR -> call("pyjit_load_local_and_clear", frame, int32(((Instr.LoadLocalAndClear) instruction).slot()));
            case LIST_APPEND -> checkStatus(call("pyjit_list_append", uses(instruction.operands())), state);
            case SET_ADD -> checkStatus(call("pyjit_set_add", uses(instruction.operands())), state);
            case MAP_ADD -> checkStatus(call("pyjit_map_add", uses(instruction.operands())), state);
            case BUILD_SET -> checkNull(call("pyjit_build_set", array(instruction.operands(), 0), int32(instruction.operands().size())), state);
            case CONVERT_VALUE -> {
                Instr.ConvertValue convert = (Instr.ConvertValue) instruction;
                yield checkNull(call("pyjit_convert_value", int32(convert.kind()), use(convert.operand())), state);
            }
            case FORMAT_WITH_SPEC -> checkNull(call("pyjit_format_with_spec", uses(instruction.operands())), state);
            case DELETE_LOCAL -> checkStatus(call("pyjit_delete_local", frame, int32(((Instr.DeleteLocal) instruction).slot())), state);
            case DELETE_SUBSCRIPT -> checkStatus(call("pyjit_delete_subscript", uses(instruction.operands())), state);
            case MAKE_CELL -> checkStatus(call("pyjit_make_cell", frame, int32(((Instr.Cell) instruction).slot())), state);
            case COPY_FREE_VARS -> call("pyjit_copy_free_vars", frame, int32(((Instr.Cell) instruction).slot()));
            case LOAD_DEREF -> checkNull(call("pyjit_load_deref", frame, int32(((Instr.Cell) instruction).slot())), state);
            case STORE_DEREF -> call("pyjit_store_deref", frame, int32(((Instr.Cell) instruction).slot()), use(instruction.operands().get(0)));
            case MAKE_FUNCTION -> checkNull(call("pyjit_make_function", frame, use(instruction.operands().get(0))), state);
            case SET_FUNCTION_ATTRIBUTE -> {
                Instr.SetFunctionAttribute set = (Instr.SetFunctionAttribute) instruction;
                yield call("pyjit_set_function_attribute", int32(set.flag()), use(set.function()), use(set.value()));
            }
            case RESUMED_STACK_ITEM -> call("pyjit_resumed_item", frame, int32(((Instr.ResumedStackItem) instruction).index()));
            case INCREF -> call("pyjit_incref", use(((Instr.Refcount) instruction).value()));
            case DECREF -> release(((Instr.Refcount) instruction).value());
        };
        if (instruction.result() != null) {
            values.put(instruction.result(), result);
        }
    }

    /** A call through the helper table: thread state, frame and argument as the helper takes them, then the operands. */
    private LLVMValueRef helper(Instr.Helper instruction) {
        HelperCalls.HelperCall helper = HelperCalls.of(instruction.op());
        List<LLVMValueRef> arguments = new java.util.ArrayList<>();
        if (helper.takesThreadState()) {
            arguments.add(tstate);
        }
        if (helper.takesFrame()) {
            arguments.add(frame);
        }
        if (helper.takesArgument()) {
            arguments.add(int32(instruction.argument()));
        }
        instruction.operands().forEach(operand -> arguments.add(use(operand)));
        LLVMValueRef result = call(helper.function(), arguments.toArray(LLVMValueRef[]::new));
        boolean traceback = !instruction.op().reraises;
        return switch (helper.failure()) {
            case NULL_RESULT -> {
                branchToErrorIf(isNull(result), instruction.state(), traceback);
                yield result;
            }
            case NONZERO_STATUS -> {
                branchToErrorIf(LLVMBuildICmp(builder, LLVMIntNE, result, int32(0), ""), instruction.state(), traceback);
                yield null;
            }
            case NEVER -> instruction.result() == null ? null : result;
        };
    }

    private LLVMValueRef madeCall(Instr.Call call) {
        return madeCall(call, call.state());
    }

    /** The call made, raising at {@code raising}. */
    private LLVMValueRef madeCall(Instr.Call call, FrameState raising) {
        LLVMValueRef arguments = array(call.arguments(), 1);
        LLVMValueRef site = zeroedGlobal(LLVMArrayType2(i64, runtimeConstant("pyjit_call_site_words")), "call_site");
        return checkNull(call("pyjit_slow_call", tstate, frame, use(call.callable()), use(call.selfOrNull()), arguments,
                int32(call.arguments().size()), int32(call.kwnamesConstant()), site), raising);
    }

    /**
     * A call with the callee's body inlined ({@link Inlined}): where the runtime finds the callable
     * to be a function of that body's code (its site keeps the code object it matched), the body
     * runs on a frame of its own that holds the arguments, and its result stands for the call's,
     * which then drops the callable and the arguments as the call would have. Anywhere the body
     * cannot go on, it drops what it holds and the call is made.
     */
    private LLVMValueRef inlinedCall(Instr.Call call) {
        Inlined body = call.inlined();
        LLVMValueRef callable = use(call.callable());
        LLVMBasicBlockRef inlined = LLVMAppendBasicBlockInContext(context, llvmFunction, "inlined_" + body.name());
        LLVMBasicBlockRef abandoned = LLVMAppendBasicBlockInContext(context, llvmFunction, "inlined_abandoned");
        LLVMBasicBlockRef returned = LLVMAppendBasicBlockInContext(context, llvmFunction, "inlined_returned");
        LLVMBasicBlockRef made = LLVMAppendBasicBlockInContext(context, llvmFunction, "call_made");
        // the code object the call matched, and the last one it did not (pyjit_inline_enter)
        LLVMValueRef site = zeroedGlobal(LLVMArrayType2(pointer, 2), "inline_site");
        LLVMValueRef identity = LLVMBuildGlobalString(builder, body.identity(), "inline_identity");
        List<Value> passed = new java.util.ArrayList<>();
        if (body.method()) {
            passed.add(call.selfOrNull());
        }
        passed.addAll(call.arguments());
        Map<Integer, LLVMValueRef> arguments = unboxedArguments(body.callee(), passed, made);
        LLVMValueRef enter = call("pyjit_inline_enter", tstate, callable, use(call.selfOrNull()), int32(body.method() ? 1 : 0), site, identity);
        LLVMBuildCondBr(builder, nonZero(enter), inlined, made);

        LLVMPositionBuilderAtEnd(builder, returned);
        LLVMValueRef result = LLVMBuildPhi(builder, machineType(call.result().type()), "inlined_result");
        LLVMPositionBuilderAtEnd(builder, inlined);
        LLVMValueRef bodyFrame = alloca(i64, runtimeConstant("pyjit_frame_words") + Math.max(body.frameSlots(), passed.size()), "inlined_frame");
        call("pyjit_inline_frame", bodyFrame, callable, array(passed, 0), int32(passed.size()));
        new Lowering(this, bodyFrame, abandoned, result, returned, arguments).lowerInlined(body.callee());

        LLVMPositionBuilderAtEnd(builder, abandoned);
        call("pyjit_inline_abandon");
        LLVMBuildBr(builder, made);
        return joinedWithMadeCall(call, passed, returned, result, made);
    }

    /**
     * The numbers of the arguments the body takes unboxed ({@link Instr.Argument}), by slot: each
     * passed object unboxed here, before the body is entered; an object of another type, or an
     * int past 64 bits, goes to {@code made}, the call made as if nothing was inlined.
     */
    private Map<Integer, LLVMValueRef> unboxedArguments(Function callee, List<Value> passed, LLVMBasicBlockRef made) {
        Map<Integer, Type> types = new TreeMap<>();
        for (Block block : callee.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.Argument argument) {
                    types.put(argument.slot(), argument.result().type());
                }
            }
        }
        Map<Integer, LLVMValueRef> numbers = new HashMap<>();
        types.forEach((slot, type) -> numbers.put(slot, numberOf(use(passed.get(slot)), type, holds -> branchUnless(holds, made))));
        return numbers;
    }

    /** Goes on in a new block where {@code holds}, else (rarely) to {@code otherwise}. */
    private void branchUnless(LLVMValueRef holds, LLVMBasicBlockRef otherwise) {
        LLVMBasicBlockRef continued = LLVMAppendBasicBlockInContext(context, llvmFunction, "type_checked");
        rarelyFallen(LLVMBuildCondBr(builder, holds, continued, otherwise));
        LLVMPositionBuilderAtEnd(builder, continued);
    }

    /**
     * Where a call's computed path (an inlined body, an intrinsic) ends in {@code computedBlock}
     * with {@code computed}: it drops the callable and the arguments ({@code passed}) as the call
     * would have; the call is made from {@code made}, with the locals written to the frame first,
     * and the two results joined.
     */
    private LLVMValueRef joinedWithMadeCall(Instr.Call call, List<Value> passed, LLVMBasicBlockRef computedBlock, LLVMValueRef computed,
                                            LLVMBasicBlockRef made) {
        LLVMBasicBlockRef joined = LLVMAppendBasicBlockInContext(context, llvmFunction, "called");
        LLVMPositionBuilderAtEnd(builder, computedBlock);
        release(call.callable());
        passed.forEach(this::release);
        LLVMBuildBr(builder, joined);

        LLVMPositionBuilderAtEnd(builder, made);
        LLVMValueRef madeResult = withLocalsInFrame(call.state(), call.after(), call.result(), raising -> madeCall(call, raising));
        if (call.result().type().isUnboxed()) {
            madeResult = unboxedResult(call, madeResult);
        }
        LLVMBasicBlockRef madeEnd = LLVMGetInsertBlock(builder);
        LLVMBuildBr(builder, joined);

        LLVMPositionBuilderAtEnd(builder, joined);
        LLVMValueRef joinedResult = LLVMBuildPhi(builder, machineType(call.result().type()), "call_result");
        LLVMAddIncoming(joinedResult, computed, computedBlock, 1);
        LLVMAddIncoming(joinedResult, madeResult, madeEnd, 1);
        return joinedResult;
    }

    /**
     * The number of a made call's result, where the call's inlined body gives numbers (see
     * UnboxInlinedResults): an object of another type, or an int past 64 bits, hands the frame to
     * the interpreter at the call's resume state, with the object on its stack.
     */
    private LLVMValueRef unboxedResult(Instr.Call call, LLVMValueRef object) {
        LLVMValueRef number = numberOf(object, call.result().type(), holds -> resumeUnless(holds, call.resume(), call.result(), object, false));
        call("pyjit_decref", object);
        return number;
    }

    /**
     * The double or the 64-bit value ({@code number}'s type) of an object that is an exact float,
     * or an exact int that fits; {@code unlessHolds} is given each check, to leave where it fails.
     */
    private LLVMValueRef numberOf(LLVMValueRef object, Type number, Consumer<LLVMValueRef> unlessHolds) {
        boolean isFloat = number.equals(Type.CDOUBLE);
        unlessHolds.accept(nonZero(call("pyjit_is_of", object, int32((int) (isFloat ? Type.FLOAT : Type.INT).bits()))));
        if (isFloat) {
            return call("pyjit_float_value", object);
        }
        LLVMValueRef out = alloca(i64, 1, "int_value");
        unlessHolds.accept(nonZero(call("pyjit_int_value", object, out)));
        return LLVMBuildLoad2(builder, i64, out, "");
    }

    private LLVMTypeRef machineType(Type type) {
        return type.equals(Type.CDOUBLE) ? f64 : type.equals(Type.CINT64) ? i64 : pointer;
    }

    /**
     * A call computed as its builtin ({@link dev.pyjit.ir.Intrinsic}) where the callable is that
     * builtin and the argument one of the types it knows: the result stands for the call's, which
     * then drops the callable and the argument as the call would have. Else the call is made.
     */
    private LLVMValueRef intrinsicCall(Instr.Call call) {
        String helper = switch (call.intrinsic()) {
            case LEN -> "pyjit_len_if_builtin";
            case ISINSTANCE -> "pyjit_isinstance_if_builtin";
            case ABS -> "pyjit_abs_if_builtin";
            case MIN -> "pyjit_min_if_builtin";
            case MAX -> "pyjit_max_if_builtin";
            case ORD -> "pyjit_ord_if_builtin";
            case CHR -> "pyjit_chr_if_builtin";
            case LIST_APPEND -> "pyjit_list_append_if_builtin";
            case LIST_POP -> "pyjit_list_pop_if_builtin";
            case LIST_POP_AT -> "pyjit_list_pop_at_if_builtin";
            case LIST_INSERT -> "pyjit_list_insert_if_builtin";
            case DICT_GET -> "pyjit_dict_get_if_builtin";
            case DICT_GET_OR_NONE -> "pyjit_dict_get_or_none_if_builtin";
            case STR_ISSPACE -> "pyjit_isspace_if_builtin";
            case STR_ISDIGIT -> "pyjit_isdigit_if_builtin";
            case STR_ISALPHA -> "pyjit_isalpha_if_builtin";
            case STR_ISALNUM -> "pyjit_isalnum_if_builtin";
            case STR_STARTSWITH -> "pyjit_startswith_if_builtin";
            case STR_ENDSWITH -> "pyjit_endswith_if_builtin";
            case STR_STARTSWITH_FROM -> "pyjit_startswith_from_if_builtin";
            case STR_ENDSWITH_FROM -> "pyjit_endswith_from_if_builtin";
        };
        List<Value> passed = new java.util.ArrayList<>(call.arguments());
        if (call.intrinsic().isMethod()) {
            passed.add(0, call.selfOrNull());
        }
        List<LLVMValueRef> operands = new java.util.ArrayList<>(List.of(use(call.callable())));
        passed.forEach(argument -> operands.add(use(argument)));
        LLVMValueRef computed = call(helper, operands.toArray(LLVMValueRef[]::new));
        LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(context, llvmFunction, "intrinsic_done");
        LLVMBasicBlockRef made = LLVMAppendBasicBlockInContext(context, llvmFunction, "call_made");
        LLVMBuildCondBr(builder, isNull(computed), made, done);
        return joinedWithMadeCall(call, passed, done, computed, made);
    }

    /** The inlined body's blocks, from the insertion point on; its returns go to {@link #inlineReturned}. */
    private void lowerInlined(Function callee) {
        for (Block block : callee.blocks()) {
            blocks.put(block, LLVMAppendBasicBlockInContext(context, llvmFunction, "inlined_bb" + block.id()));
        }
        LLVMBuildBr(builder, blocks.get(callee.entry()));
        blockParameters(callee);
        for (Block block : callee.blocks()) {
            LLVMPositionBuilderAtEnd(builder, blocks.get(block));
            block.instructions().forEach(this::instruction);
            terminator(block.terminator());
        }
    }

    /** A phi for each block parameter, of the parameter's machine type, before the blocks are filled. */
    private void blockParameters(Function function) {
        for (Block block : function.blocks()) {
            LLVMPositionBuilderAtEnd(builder, blocks.get(block));
            for (Value parameter : block.parameters()) {
                values.put(parameter, LLVMBuildPhi(builder, machineType(parameter.type()), "v" + parameter.id()));
            }
        }
    }

    /**
     * A constant of the C runtime that lowering depends on (a layout, an encoding), read from the
     * runtime's bitcode (LlvmEmitter copies the constants named pyjit_ into every module).
     */
    private int runtimeConstant(String name) {
        LLVMValueRef constant = LLVMGetNamedGlobal(module, name);
        if (constant == null || constant.isNull()) {
            throw new IllegalStateException("the C runtime has no constant " + name);
        }
        return (int) LLVMConstIntGetZExtValue(LLVMGetInitializer(constant));
    }

    /** A failed guard hands the untouched call to the interpreter, which returns its result. */
    private LLVMValueRef guardArgument(Instr.GuardArgument guard) {
        LLVMValueRef argument = call("pyjit_local_borrow", frame, int32(guard.slot()));
        LLVMValueRef holds = nonZero(call("pyjit_is_of", argument, int32((int) guard.type().bits())));
        resumeUnless(holds, guard.resume(), null, null, false);
        return null;
    }

    /** A load whose inferred type is narrower than Object checks it, and resumes in the interpreter if it is wrong. */
    private LLVMValueRef loadLocal(Instr.LoadLocal load) {
        Type type = load.result().type();
        String helper = !load.orUnbound() ? "pyjit_load_local"
                : type.equals(Type.INT) ? "pyjit_load_local_or_unbound_int" : "pyjit_load_local_or_unbound_float";
        LLVMValueRef object = call(helper, frame, int32(load.slot()));
        if (!load.speculates()) {
            return object;
        }
        if (load.resume() == null) {
            throw new IllegalStateException("a load typed " + type + " has no resume state to check it with");
        }
        LLVMValueRef holds = nonZero(call("pyjit_is_of", object, int32((int) type.intersect(Type.OBJECT).bits())));
        resumeUnless(holds, load.resume(), load.result(), object, false);
        return object;
    }

    /** The double of a float local, read in place; anything else there resumes in the interpreter. */
    private LLVMValueRef loadLocalFloat(Instr.LoadLocalFloat load) {
        LLVMValueRef object = call("pyjit_local_borrow", frame, int32(load.slot()));
        LLVMValueRef holds = nonZero(call("pyjit_is_of", object, int32((int) Type.FLOAT.bits())));
        // borrowed: the interpreter's stack needs a reference of its own
        resumeUnless(holds, load.resume(), load.result(), object, true);
        return call("pyjit_float_value", object);
    }

    private void resumeUnless(LLVMValueRef holds, ResumeState resume, Value loaded, LLVMValueRef object, boolean borrowed) {
        LLVMBasicBlockRef mismatch = LLVMAppendBasicBlockInContext(context, llvmFunction, "type_changed");
        branchUnless(holds, mismatch);
        LLVMBasicBlockRef continued = LLVMGetInsertBlock(builder);
        LLVMPositionBuilderAtEnd(builder, mismatch);
        if (borrowed) {
            call("pyjit_incref", object);
        }
        resume(resume, loaded, object);
        LLVMPositionBuilderAtEnd(builder, continued);
    }

    /**
     * Hands the frame to the interpreter at the resume state: releases what compiled code holds
     * beyond the interpreter's stack, boxes unboxed doubles again, and returns what the
     * interpreter returns. {@code loaded} is the speculating instruction's result, if it has one,
     * whose object is {@code object} (a reference owned here). If boxing fails (MemoryError),
     * everything is released and the function raises.
     */
    private void resume(ResumeState resume, Value loaded, LLVMValueRef object) {
        if (inlineExit != null) {
            abandonInlined(resume, loaded, object);
            return;
        }
        takeBorrowed(resume.borrowed());
        writeLocals(resume.locals());
        int depth = handOverStack(resume.stack(), resume.released(), loaded, object);
        handOver(resume.offset() / 2, depth);
    }

    /**
     * Ends the block in the function's one hand-over to the interpreter, made at its first use: it
     * counts the deoptimisation and resumes the frame at the code unit and with the stack depth its
     * predecessors give (the stack already in {@link #resumeStack}). A call and a count at each of
     * them was a tenth of the IR of a function with many (json_like's Encoder._encode: 42 of them).
     */
    private void handOver(int unit, int depth) {
        LLVMBasicBlockRef from = LLVMGetInsertBlock(builder);
        if (handOver == null) {
            handOver = LLVMAppendBasicBlockInContext(context, llvmFunction, "hand_over");
            LLVMPositionBuilderAtEnd(builder, handOver);
            handOverUnit = LLVMBuildPhi(builder, i32, "unit");
            handOverDepth = LLVMBuildPhi(builder, i32, "depth");
            increment(deopts);
            LLVMBuildRet(builder, call(exit("pyjit_deopt"), frame, handOverUnit, resumeStack, handOverDepth));
            LLVMPositionBuilderAtEnd(builder, from);
        }
        LLVMAddIncoming(handOverUnit, int32(unit), from, 1);
        LLVMAddIncoming(handOverDepth, int32(depth), from, 1);
        LLVMBuildBr(builder, handOver);
    }

    /**
     * Where an inlined body's speculation fails: it releases what it would have handed to the
     * interpreter (its body has no virtual locals and borrows nothing, see Inlinability) and the
     * call is made instead.
     */
    private void abandonInlined(ResumeState resume, Value loaded, LLVMValueRef object) {
        List<Value> held = new java.util.ArrayList<>(resume.released());
        held.addAll(resume.stack());
        for (Value value : held) {
            if (value.equals(loaded)) {
                releaseCold(object);
            } else if (value.type().isRefcounted()) {
                releaseCold(value);
            }
        }
        LLVMBuildBr(builder, inlineExit);
    }

    /** Takes the references an exit is to pass on or release but compiled code did not take (see FrameState, ResumeState). */
    private void takeBorrowed(List<Value> borrowed) {
        for (Value value : borrowed) {
            if (value.type().isRefcounted()) {  // an Incref took it: never NULL, and not a number unboxed since
                call("pyjit_incref", use(value));
            }
        }
    }

    /**
     * An exception inside a try, as the interpreter's exception_unwind: releases what the handler
     * does not keep (the top first), adds this frame to the traceback unless the exception is
     * re-raised, takes the exception (and the raising instruction's offset, if the handler wants
     * it) and goes to the handler's block with them on top of the kept stack.
     */
    private void enterHandler(FrameState state, boolean traceback) {
        FrameState.Handler handler = state.handler();
        List<Value> released = state.owned().subList(handler.depth(), state.owned().size());
        for (int i = released.size() - 1; i >= 0; i--) {
            if (released.get(i).type().isRefcounted()) {
                releaseCold(released.get(i));
            }
        }
        List<LLVMValueRef> entering = new java.util.ArrayList<>();
        for (Value kept : state.kept()) {
            if (kept.type().isUnboxed()) {
                throw new IllegalStateException("an unboxed number on the stack a handler keeps");
            }
            entering.add(use(kept));
        }
        LLVMValueRef exception = call("pyjit_catch", tstate, frame, int32(traceback ? 1 : 0));
        if (handler.pushLastInstruction()) {
            entering.add(call("pyjit_last_instruction", frame));
        }
        entering.add(exception);
        // a monitoring tool switched on since this frame entered sees the handler run, line by line
        LLVMBasicBlockRef watched = LLVMAppendBasicBlockInContext(context, llvmFunction, "handled_while_watched");
        LLVMBasicBlockRef unwatched = LLVMAppendBasicBlockInContext(context, llvmFunction, "handled");
        LLVMBuildCondBr(builder, nonZero(call("pyjit_handled_while_watched", tstate, frame, int32(handler.target() / 2), exception)),
                watched, unwatched);
        LLVMPositionBuilderAtEnd(builder, watched);
        for (int i = 0; i < entering.size(); i++) {
            storeAt(resumeStack, i, entering.get(i));
        }
        handOver(handler.target() / 2, entering.size());
        LLVMPositionBuilderAtEnd(builder, unwatched);
        LLVMBasicBlockRef from = LLVMGetInsertBlock(builder);
        List<Value> parameters = handler.block().parameters();
        for (int i = 0; i < parameters.size(); i++) {
            LLVMAddIncoming(values.get(parameters.get(i)), entering.get(i), from, 1);
        }
        LLVMBuildBr(builder, blocks.get(handler.block()));
    }

    /**
     * Writes virtual locals to their slots, taking their references over; an unboxed number is
     * boxed first (its companion, if it has one), and if that fails (MemoryError is then set) the
     * slot keeps its older object: a handler may read it.
     */
    private void writeLocals(List<VirtualLocal> locals) {
        if (!locals.isEmpty()) {
            call("pyjit_write_locals", withLocals(locals, tstate, frame, localsLayout(locals), int32(locals.size())));
        }
    }

    /**
     * The arguments {@code first}, then the virtual locals as the runtime's helpers that take them
     * read them (pyjit_write_locals): every exit, and every generic access that may look at the
     * frame, passes every virtual local, so each is one call, never code per local (that made
     * large loops take seconds to compile).
     */
    private LLVMValueRef[] withLocals(List<VirtualLocal> locals, LLVMValueRef... first) {
        List<LLVMValueRef> arguments = new java.util.ArrayList<>(List.of(first));
        for (VirtualLocal local : locals) {
            arguments.add(use(local.value()));
            if (local.value().type().isUnboxed()) {
                arguments.add(local.companion() == null ? LLVMConstNull(pointer) : use(local.companion()));
            }
        }
        return arguments.toArray(LLVMValueRef[]::new);
    }

    /**
     * The module's constant table of where the virtual locals go and how they are held (slot << 2 |
     * the runtime's pyjit_local_ kind), one per distinct layout.
     */
    private LLVMValueRef localsLayout(List<VirtualLocal> locals) {
        int[] layout = locals.stream().mapToInt(local -> {
            Type type = local.value().type();
            String kind = type.equals(Type.CDOUBLE) ? "pyjit_local_double" : type.equals(Type.CINT64) ? "pyjit_local_int64" : "pyjit_local_object";
            return local.slot() << 2 | runtimeConstant(kind);
        }).toArray();
        return localsLayouts.computeIfAbsent(java.util.Arrays.toString(layout), key -> {
            LLVMValueRef[] entries = java.util.Arrays.stream(layout).mapToObj(this::int32).toArray(LLVMValueRef[]::new);
            LLVMTypeRef type = LLVMArrayType2(i32, entries.length);
            LLVMValueRef global = LLVMAddGlobal(module, type, "locals_layout");
            LLVMSetInitializer(global, LLVMConstArray2(i32, new PointerPointer<>(entries), entries.length));
            LLVMSetGlobalConstant(global, 1);
            LLVMSetLinkage(global, LLVMPrivateLinkage);
            return global;
        });
    }

    /** Fills the resume stack for the interpreter and releases the rest; returns the stack's depth. */
    private int handOverStack(List<Value> stack, List<Value> released, Value loaded, LLVMValueRef object) {
        for (Value value : released) {
            if (value.equals(loaded)) {
                releaseCold(object);
            } else if (value.type().isRefcounted()) {
                releaseCold(value);
            }
        }
        LLVMValueRef boxingFailed = null;
        for (int i = 0; i < stack.size(); i++) {
            Value value = stack.get(i);
            LLVMValueRef item;
            if (value.equals(loaded)) {
                item = object;
            } else if (value.type().isUnboxed()) {
                item = box(value);
                boxingFailed = boxingFailed == null ? isNull(item) : LLVMBuildOr(builder, boxingFailed, isNull(item), "");
            } else {
                item = use(value);
            }
            storeAt(resumeStack, i, item);
        }
        if (boxingFailed != null) {
            LLVMBasicBlockRef handOver = LLVMAppendBasicBlockInContext(context, llvmFunction, "hand_over");
            LLVMBasicBlockRef failed = LLVMAppendBasicBlockInContext(context, llvmFunction, "boxing_failed");
            rarelyTaken(LLVMBuildCondBr(builder, boxingFailed, failed, handOver));
            LLVMPositionBuilderAtEnd(builder, failed);
            call("pyjit_release_all", resumeStack, int32(stack.size()));
            LLVMBuildBr(builder, errorExit);
            LLVMPositionBuilderAtEnd(builder, handOver);
        }
        return stack.size();
    }

    /**
     * A math function computed here: the callable must be that function (the site keeps its C
     * implementation once it has checked it by module and name) and the argument a float or an
     * int; the result must be one CPython returns without raising. Otherwise the interpreter makes
     * the call.
     */
    private LLVMValueRef callMath(Instr.CallMath call) {
        LLVMValueRef known = zeroedGlobal(pointer, "math_function");
        LLVMValueRef name = LLVMBuildGlobalStringPtr(builder, call.function().pythonName(), "math_name");
        resumeUnless(nonZero(call("pyjit_is_math_function", use(call.callable()), name, known)), call.resume(), null, null, false);
        LLVMValueRef x;
        if (call.argument().type().equals(Type.CDOUBLE)) {
            x = use(call.argument());
        } else {
            LLVMValueRef out = alloca(f64, 1, "math_argument");
            resumeUnless(nonZero(call("pyjit_math_argument", use(call.argument()), out)), call.resume(), null, null, false);
            x = LLVMBuildLoad2(builder, f64, out, "");
        }
        LLVMValueRef result = switch (call.function()) {
            case SQRT -> intrinsic("llvm.sqrt", x);
            case FABS -> intrinsic("llvm.fabs", x);
            default -> libm(call.function().pythonName(), x);
        };
        // CPython's math_1 raises for a NaN from a number, or an infinity from a finite number
        LLVMValueRef infinity = LLVMConstReal(f64, Double.POSITIVE_INFINITY);
        LLVMValueRef nanFromNumber = LLVMBuildAnd(builder, LLVMBuildFCmp(builder, LLVMRealUNO, result, result, ""),
                LLVMBuildFCmp(builder, LLVMRealORD, x, x, ""), "");
        LLVMValueRef infinityFromFinite = LLVMBuildAnd(builder, LLVMBuildFCmp(builder, LLVMRealOEQ, intrinsic("llvm.fabs", result), infinity, ""),
                LLVMBuildFCmp(builder, LLVMRealONE, intrinsic("llvm.fabs", x), infinity, ""), "");
        resumeUnless(LLVMBuildNot(builder, LLVMBuildOr(builder, nanFromNumber, infinityFromFinite, ""), ""), call.resume(), null, null, false);
        return result;
    }

    /** An LLVM intrinsic of one double, such as llvm.sqrt. */
    private LLVMValueRef intrinsic(String name, LLVMValueRef x) {
        int id = LLVMLookupIntrinsicID(name, name.length());
        LLVMValueRef declaration = LLVMGetIntrinsicDeclaration(module, id, new PointerPointer<>(new LLVMTypeRef[]{f64}), 1);
        LLVMTypeRef type = LLVMIntrinsicGetType(context, id, new PointerPointer<>(new LLVMTypeRef[]{f64}), 1);
        return LLVMBuildCall2(builder, type, declaration, new PointerPointer<>(new LLVMValueRef[]{x}), 1, "");
    }

    /** The C library's function of one double: what CPython's math module calls. */
    private LLVMValueRef libm(String name, LLVMValueRef x) {
        LLVMTypeRef type = LLVMFunctionType(f64, new PointerPointer<>(new LLVMTypeRef[]{f64}), 1, /* varargs */ 0);
        LLVMValueRef function = LLVMGetNamedFunction(module, name);
        if (function == null || function.isNull()) {
            function = LLVMAddFunction(module, name, type);
        }
        return LLVMBuildCall2(builder, type, function, new PointerPointer<>(new LLVMValueRef[]{x}), 1, "");
    }

    /** IEEE arithmetic, as C does it for CPython's float; division checks for a zero divisor first, as float does. */
    private LLVMValueRef floatArith(Instr.FloatArith arith) {
        LLVMValueRef left = use(arith.left());
        LLVMValueRef right = use(arith.right());
        return switch (arith.operator()) {
            case ADD -> LLVMBuildFAdd(builder, left, right, "");
            case SUBTRACT -> LLVMBuildFSub(builder, left, right, "");
            case MULTIPLY -> LLVMBuildFMul(builder, left, right, "");
            case TRUE_DIVIDE -> {
                LLVMValueRef zero = LLVMBuildFCmp(builder, LLVMRealOEQ, right, LLVMConstReal(f64, 0.0), "");
                LLVMBasicBlockRef divide = LLVMAppendBasicBlockInContext(context, llvmFunction, "divide");
                LLVMBasicBlockRef byZero = LLVMAppendBasicBlockInContext(context, llvmFunction, "division_by_zero");
                rarelyTaken(LLVMBuildCondBr(builder, zero, byZero, divide));
                LLVMPositionBuilderAtEnd(builder, byZero);
                call("pyjit_float_division_by_zero");
                LLVMBuildBr(builder, raiseBlock(arith.state()));
                LLVMPositionBuilderAtEnd(builder, divide);
                yield LLVMBuildFDiv(builder, left, right, "");
            }
            default -> throw new IllegalStateException("no unboxed float " + arith.operator());
        };
    }

    /** Ordered predicates: a comparison with NaN is false, except != which is true, as in Python. */
    private static int predicate(CompareOperator operator) {
        return switch (operator) {
            case LT -> LLVMRealOLT;
            case LE -> LLVMRealOLE;
            case EQ -> LLVMRealOEQ;
            case NE -> LLVMRealUNE;
            case GT -> LLVMRealOGT;
            case GE -> LLVMRealOGE;
        };
    }

    private static int intPredicate(CompareOperator operator) {
        return switch (operator) {
            case LT -> LLVMIntSLT;
            case LE -> LLVMIntSLE;
            case EQ -> LLVMIntEQ;
            case NE -> LLVMIntNE;
            case GT -> LLVMIntSGT;
            case GE -> LLVMIntSGE;
        };
    }

    private void terminator(Terminator terminator) {
        if (terminator instanceof Terminator.Jump jump) {
            LLVMBuildBr(builder, edge(jump.edge()));
        } else if (terminator instanceof Terminator.Branch branch) {
            LLVMValueRef operand = use(branch.operand());
            LLVMValueRef condition = switch (branch.condition()) {
                case IS_TRUE -> nonZero(call("pyjit_is_true", operand));
                case IS_NONE -> nonZero(call("pyjit_is_none", operand));
                case IS_NULL -> isNull(operand);
            };
            LLVMBasicBlockRef ifTrue = edge(branch.ifTrue());
            LLVMBasicBlockRef ifFalse = edge(branch.ifFalse());
            LLVMBuildCondBr(builder, condition, ifTrue, ifFalse);
        } else if (terminator instanceof Terminator.Unreachable) {
            LLVMBuildUnreachable(builder);
        } else if (terminator instanceof Terminator.Yield yield) {
            offerToConsumer(yield);
            LLVMBuildRet(builder, call("pyjit_yield", tstate, frame, use(yield.value()), int32(yield.resumeOffset() / 2),
                    int32(yield.oparg()), array(yield.stack(), 0), int32(yield.stack().size())));
        } else if (terminator instanceof Terminator.ResumeDispatch dispatch) {
            resumeDispatch(dispatch);
        } else if (inlineExit != null) {
            LLVMAddIncoming(inlineResult, use(((Terminator.Return) terminator).value()), LLVMGetInsertBlock(builder), 1);
            LLVMBuildBr(builder, inlineReturned);
        } else {
            Terminator.Return ret = (Terminator.Return) terminator;
            LLVMBuildRet(builder, call(exit("pyjit_leave"), tstate, frame, use(ret.value()), int32(ret.offset() < 0 ? -1 : ret.offset() / 2)));
        }
    }

    /**
     * A boxing whose object is only yielded: the consumer, if any, is offered the number, and the
     * object is made only where it did not take it (null where it did, which the yield then knows).
     */
    private LLVMValueRef boxOfferedFirst(Instr box, FrameState state) {
        boolean isFloat = box instanceof Instr.BoxFloat;
        LLVMValueRef number = use(box.operands().get(0));
        LLVMValueRef taken = nonZero(call(isFloat ? "pyjit_offer_float_to_consumer" : "pyjit_offer_int_to_consumer", consumer, number));
        LLVMBasicBlockRef offered = LLVMGetInsertBlock(builder);
        LLVMBasicBlockRef boxing = LLVMAppendBasicBlockInContext(context, llvmFunction, "boxing");
        LLVMBasicBlockRef joined = LLVMAppendBasicBlockInContext(context, llvmFunction, "boxed_unless_taken");
        LLVMBuildCondBr(builder, taken, joined, boxing);
        LLVMPositionBuilderAtEnd(builder, boxing);
        LLVMValueRef boxed = checkNull(isFloat ? call("pyjit_float_box_in", tstate, number) : call("pyjit_int_box", number), state);
        LLVMBasicBlockRef boxedEnd = LLVMGetInsertBlock(builder);
        LLVMBuildBr(builder, joined);
        LLVMPositionBuilderAtEnd(builder, joined);
        LLVMValueRef object = LLVMBuildPhi(builder, pointer, "yielded");
        LLVMAddIncoming(object, LLVMConstPointerNull(pointer), offered, 1);
        LLVMAddIncoming(object, boxed, boxedEnd, 1);
        takenBeforeBoxing.put(box.result(), taken);
        return object;
    }

    /**
     * A C caller that consumes what the generator yields (sum(), any(), all(), min(), max(): pyjit_native_entry's
     * consumer) may take the value: the code then goes on as the resume point would, with the stack the yield keeps and
     * None sent, and the frame never suspends. Only where the resume point takes the stack and
     * nothing else (as a generator expression's does), else the value is always yielded.
     */
    private void offerToConsumer(Terminator.Yield yield) {
        Terminator.Jump jump = yields.resumption(yield);
        if (jump == null) {
            return;
        }
        LLVMBasicBlockRef takenByConsumer = LLVMAppendBasicBlockInContext(context, llvmFunction, "taken_by_consumer");
        LLVMBasicBlockRef yielding = LLVMAppendBasicBlockInContext(context, llvmFunction, "yield");
        LLVMValueRef takenUnboxed = takenBeforeBoxing.get(yield.value());
        if (takenUnboxed != null) {
            LLVMBasicBlockRef offeringBoxed = LLVMAppendBasicBlockInContext(context, llvmFunction, "offer_boxed");
            LLVMBuildCondBr(builder, takenUnboxed, takenByConsumer, offeringBoxed);
            LLVMPositionBuilderAtEnd(builder, offeringBoxed);
        }
        LLVMValueRef taken = call("pyjit_offer_to_consumer", consumer, use(yield.value()));
        LLVMBuildCondBr(builder, nonZero(taken), takenByConsumer, yielding);
        LLVMPositionBuilderAtEnd(builder, takenByConsumer);
        List<Value> parameters = jump.edge().target().parameters();
        for (int i = 0; i < parameters.size(); i++) {
            // None is immortal: the borrowed pointer stands for the new reference a resumption sends
            LLVMValueRef item = i < yield.stack().size() ? use(yield.stack().get(i)) : call("pyjit_none");
            LLVMAddIncoming(values.get(parameters.get(i)), item, takenByConsumer, 1);
        }
        LLVMBuildBr(builder, blocks.get(jump.edge().target()));
        LLVMPositionBuilderAtEnd(builder, yielding);
    }

    /**
     * A switch on the code unit the frame was suspended at. Each resume point takes the suspended
     * stack over before its block reads it; any other place is the interpreter's.
     */
    private void resumeDispatch(Terminator.ResumeDispatch dispatch) {
        LLVMValueRef unit = call("pyjit_resume_point", frame);
        LLVMBasicBlockRef here = LLVMGetInsertBlock(builder);
        LLVMBasicBlockRef elsewhere = LLVMAppendBasicBlockInContext(context, llvmFunction, "resume_elsewhere");
        LLVMPositionBuilderAtEnd(builder, elsewhere);
        LLVMBuildRet(builder, call(exit("pyjit_resume_elsewhere"), tstate, frame));
        LLVMPositionBuilderAtEnd(builder, here);
        LLVMValueRef dispatchSwitch = LLVMBuildSwitch(builder, unit, elsewhere, dispatch.offsets().size());
        for (int i = 0; i < dispatch.offsets().size(); i++) {
            LLVMBasicBlockRef taking = LLVMAppendBasicBlockInContext(context, llvmFunction, "resume_at_" + dispatch.offsets().get(i));
            LLVMAddCase(dispatchSwitch, int32(dispatch.offsets().get(i) / 2), taking);
            LLVMPositionBuilderAtEnd(builder, taking);
            call("pyjit_take_resumed_stack", frame);
            LLVMBuildBr(builder, blocks.get(dispatch.targets().get(i)));
        }
    }

    /** Adds this block's values to the target's phis and returns the target. */
    private LLVMBasicBlockRef edge(Terminator.Edge edge) {
        LLVMBasicBlockRef from = LLVMGetInsertBlock(builder);
        List<Value> parameters = edge.target().parameters();
        for (int i = 0; i < parameters.size(); i++) {
            LLVMAddIncoming(values.get(parameters.get(i)), use(edge.arguments().get(i)), from, 1);
        }
        return blocks.get(edge.target());
    }

    /**
     * bool(x): of an exact int, list, tuple, str or dict it is read off the object, inline, and
     * cannot fail (fannkuch's {@code while k:}, a worklist's {@code while todo:}); the rest asks the runtime.
     */
    private LLVMValueRef toBool(Instr.ToBool toBool, FrameState state) {
        Type type = toBool.operand().type();
        String exact = type.isBottom() ? null
                : type.isSubtypeOf(Type.INT) ? "pyjit_int_truth"
                : type.isSubtypeOf(Type.LIST.union(Type.TUPLE)) ? "pyjit_sized_truth"
                : type.isSubtypeOf(Type.STR) ? "pyjit_str_truth"
                : type.isSubtypeOf(Type.DICT) ? "pyjit_dict_truth"
                : null;
        return exact != null ? call(exact, use(toBool.operand())) : checkNull(call("pyjit_to_bool", use(toBool.operand())), state);
    }

    private LLVMValueRef checkNull(LLVMValueRef result, FrameState state) {
        branchToErrorIf(isNull(result), state);
        return result;
    }

    private LLVMValueRef checkStatus(LLVMValueRef status, FrameState state) {
        branchToErrorIf(LLVMBuildICmp(builder, LLVMIntNE, status, int32(0), ""), state);
        return null;
    }

    /**
     * The eval-breaker poll: a pending call that raises leaves through the state; a monitoring tool
     * switched on while this frame ran hands the frame to the interpreter at the resume state.
     */
    private LLVMValueRef poll(Instr.CheckEvalBreaker poll) {
        if (!poll.state().locals().isEmpty() || !poll.state().known().isEmpty()) {
            return pollWithLocals(poll);
        }
        LLVMValueRef status = call("pyjit_poll", tstate, frame, seenVersion);
        branchToErrorIf(LLVMBuildICmp(builder, LLVMIntSLT, status, int32(0), ""), poll.state());
        resumeUnless(LLVMBuildICmp(builder, LLVMIntEQ, status, int32(0), ""), poll.resume(), null, null, false);
        return null;
    }

    /**
     * A poll where compiled code holds locals of its own: when something is due, they are set
     * aside ({@link #setAside}) before handlers and other threads run, so that these see the frame
     * as the interpreter's; if one of them changed a slot meanwhile (through {@code frame.f_locals}),
     * the frame is the truth: the interpreter takes it as it is, and compiled code drops its own values.
     */
    private LLVMValueRef pollWithLocals(Instr.CheckEvalBreaker poll) {
        LLVMBasicBlockRef due = LLVMAppendBasicBlockInContext(context, llvmFunction, "poll_due");
        LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(context, llvmFunction, "poll_done");
        rarelyTaken(LLVMBuildCondBr(builder, nonZero(call("pyjit_poll_due", tstate, seenVersion)), due, done));
        LLVMPositionBuilderAtEnd(builder, due);
        LocalsAside aside = setAside(poll.state());
        LLVMValueRef status = call("pyjit_poll", tstate, frame, seenVersion);
        branchToErrorIf(LLVMBuildICmp(builder, LLVMIntSLT, status, int32(0), ""), aside.raising(poll.state()));
        resumeIfFrameChanged(aside, poll.resume(), null, null);
        resumeUnless(LLVMBuildICmp(builder, LLVMIntEQ, status, int32(0), ""), poll.resume(), null, null, false);
        LLVMBuildBr(builder, done);
        LLVMPositionBuilderAtEnd(builder, done);
        return null;
    }

    /** Whether the slot of a local compiled code unboxed no longer holds a number of that value. */
    private LLVMValueRef reboundNumber(KnownLocal local) {
        String holds = local.value().type().equals(Type.CDOUBLE) ? "pyjit_local_holds_double" : "pyjit_local_holds_int64";
        return LLVMBuildNot(builder, nonZero(call(holds, frame, int32(local.slot()), use(local.value()))), "");
    }

    /**
     * An attribute load whose fast path runs no Python code; when it misses, the virtual locals
     * are written to the frame before the generic load runs (see {@link #syncLocals}).
     */
    private LLVMValueRef loadAttrSyncingLocals(Instr.LoadAttr load) {
        FrameState state = load.state();
        LLVMValueRef fast = call("pyjit_load_attr_fast", frame, use(load.owner()), int32(load.nameIndex()), at(state), int32(load.hint().opcode),
                attributeSite());
        LLVMBasicBlockRef fastBlock = LLVMGetInsertBlock(builder);
        LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(context, llvmFunction, "attribute_slow");
        LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(context, llvmFunction, "attribute_loaded");
        rarelyTaken(LLVMBuildCondBr(builder, isNull(fast), slow, done));
        LLVMPositionBuilderAtEnd(builder, slow);
        LLVMValueRef generic = genericAttribute(state, load.after(), load.result(), load.owner(), load.nameIndex());
        return joinedAt(done, pointer, "attribute", fast, fastBlock, generic);
    }

    /**
     * Ends the current block with a branch to {@code done}, where the value is {@code earlier} coming
     * from {@code earlierBlock} (which branches there itself) and {@code current} coming from here.
     */
    private LLVMValueRef joinedAt(LLVMBasicBlockRef done, LLVMTypeRef type, String name, LLVMValueRef earlier, LLVMBasicBlockRef earlierBlock,
                                  LLVMValueRef current) {
        LLVMBasicBlockRef currentBlock = LLVMGetInsertBlock(builder);
        LLVMBuildBr(builder, done);
        LLVMPositionBuilderAtEnd(builder, done);
        LLVMValueRef joined = LLVMBuildPhi(builder, type, name);
        LLVMAddIncoming(joined, earlier, earlierBlock, 1);
        LLVMAddIncoming(joined, current, currentBlock, 1);
        return joined;
    }

    /** The generic attribute load of a cached load that missed, with the virtual locals in the frame while it runs. */
    private LLVMValueRef genericAttribute(FrameState state, ResumeState after, Value result, Value owner, int nameIndex) {
        return withLocalsInFrame(state, after, result, raising -> checkNull(call("pyjit_load_attr", frame, use(owner), int32(nameIndex)), raising));
    }

    /**
     * The double of an attribute that is an exact float: read in place where the cache finds it;
     * else the interpreter takes the frame over at the load (a float load speculates already: a
     * function that keeps missing is compiled again generic, without it). Where the load cannot
     * be resumed at, the attribute is loaded the generic way (the virtual locals in the frame, as
     * {@link #loadAttrSyncingLocals}), and anything but an exact float resumes after the load
     * with the object. The generic way in native code was most of a float kernel's machine code
     * (n-body's advance: 10,840 lines of LLVM IR, 4,500 of them these loads' slow paths, and
     * three quarters of its code generator's time), for a path its steady state never takes.
     */
    private LLVMValueRef loadAttrFloat(Instr.LoadAttrFloat load) {
        FrameState state = load.state();
        LLVMValueRef cached = call("pyjit_load_attr_float_fast", frame, use(load.owner()), int32(load.nameIndex()), at(state),
                int32(load.hint().opcode), attributeSite());
        LLVMBasicBlockRef fastBlock = LLVMAppendBasicBlockInContext(context, llvmFunction, "float_attribute_cached");
        LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(context, llvmFunction, "float_attribute_slow");
        rarelyTaken(LLVMBuildCondBr(builder, isNull(cached), slow, fastBlock));
        ResumeState before = inlineExit != null ? load.after()
                : resumedAtAccess(state, load.after(), load.nameIndex() << 1, load.result(), List.of(load.owner()));
        if (before != null) {
            // an inlined body runs no code either: where the cache misses, the call is made
            LLVMPositionBuilderAtEnd(builder, slow);
            resume(before, null, null);
            LLVMPositionBuilderAtEnd(builder, fastBlock);
            return call("pyjit_float_value", cached);
        }
        LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(context, llvmFunction, "float_attribute_loaded");
        LLVMPositionBuilderAtEnd(builder, fastBlock);
        LLVMValueRef fastValue = call("pyjit_float_value", cached);
        LLVMBuildBr(builder, done);
        LLVMPositionBuilderAtEnd(builder, slow);
        LLVMValueRef object = genericAttribute(state, load.after(), load.result(), load.owner(), load.nameIndex());
        resumeUnless(nonZero(call("pyjit_is_of", object, int32((int) Type.FLOAT.bits()))), load.after(), load.result(), object, false);
        LLVMValueRef slowValue = call("pyjit_float_value", object);
        call("pyjit_decref", object);
        return joinedAt(done, f64, "float_attribute", fastValue, fastBlock, slowValue);
    }

    /**
     * The state to resume at an attribute access itself, derived from the one after it: its
     * operands back on the stack (bottom first) in place of its result (if any), each a reference
     * the state released (or, where a pass found the access need not take one, borrowed). None
     * where the instruction's argument needs an EXTENDED_ARG before it (resumed at, it would lose
     * its high bits) or the state is not one of such an access.
     */
    private static ResumeState resumedAtAccess(FrameState state, ResumeState after, int argument, Value result, List<Value> operands) {
        List<Value> stack = new java.util.ArrayList<>(after.stack());
        if (argument > 0xff || result != null && (stack.isEmpty() || !stack.remove(stack.size() - 1).equals(result))) {
            return null;
        }
        stack.addAll(operands);
        List<Value> released = new java.util.ArrayList<>(after.released());
        List<Value> notOwned = operands.stream().filter(operand -> !released.remove(operand)).toList();
        List<Value> borrowed = new java.util.ArrayList<>(after.borrowed());
        borrowed.addAll(notOwned);
        return new ResumeState(state.offset(), stack, released, after.locals(), borrowed);
    }

    /** A global load that runs no Python code: where the lookup could, the interpreter takes the frame over before it. */
    private LLVMValueRef loadGlobalQuietly(Instr.LoadGlobal load) {
        LLVMValueRef out = alloca(pointer, 1, "global");
        LLVMValueRef status = call("pyjit_load_global_quiet", frame, int32(load.nameIndex()), at(load.state()), int32(load.hint().opcode), out);
        resumeUnless(LLVMBuildICmp(builder, LLVMIntNE, status, int32(1), ""), load.resume(), null, null, false);
        checkStatus(status, load.state());
        return LLVMBuildLoad2(builder, pointer, out, "");
    }

    /**
     * An attribute store whose fast path runs no Python code, as {@link #loadAttrSyncingLocals}:
     * {@code fast} stores, or answers 1 where it does not apply; {@code generic} then stores with
     * the virtual locals written to the frame.
     */
    private LLVMValueRef storeAttrSyncingLocals(FrameState state, ResumeState after, Supplier<LLVMValueRef> fast, Supplier<LLVMValueRef> generic) {
        LLVMValueRef missed = fast.get();
        LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(context, llvmFunction, "attribute_slow");
        LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(context, llvmFunction, "attribute_stored");
        rarelyTaken(LLVMBuildCondBr(builder, nonZero(missed), slow, done));
        LLVMPositionBuilderAtEnd(builder, slow);
        withLocalsInFrame(state, after, null, raising -> checkStatus(generic.get(), raising));
        LLVMBuildBr(builder, done);
        LLVMPositionBuilderAtEnd(builder, done);
        return null;
    }

    /**
     * Runs {@code generic}, code that may look at the frame, with the state's locals set aside
     * ({@link #setAside}); if that code changed one's slot, the interpreter takes the frame over at
     * {@code after}, with {@code result} (if any: generic's object) pushed. {@code generic} raises
     * at the state it is given, which releases what was held.
     */
    private LLVMValueRef withLocalsInFrame(FrameState state, ResumeState after, Value result, java.util.function.Function<FrameState, LLVMValueRef> generic) {
        if (state.locals().isEmpty() && state.known().isEmpty()) {
            return generic.apply(state);
        }
        LocalsAside aside = setAside(state);
        LLVMValueRef object = generic.apply(aside.raising(state));
        resumeIfFrameChanged(aside, after, result, object);
        return object;
    }

    /**
     * The locals of a state, set aside while code that may look at the frame runs: a copy of each
     * virtual local written to its slot, noted in {@code layout}; and each object compiled code
     * borrows from the frame ({@link FrameState#known}) {@code held}, so that it outlives that
     * code, and a slot found holding another object afterwards was really rebound.
     */
    private record LocalsAside(List<VirtualLocal> written, LLVMValueRef layout, List<KnownLocal> known, List<Value> held) {
        /** The state to raise at while the code runs: it releases what is held too. */
        FrameState raising(FrameState state) {
            if (held.isEmpty()) {
                return state;
            }
            List<Value> owned = new java.util.ArrayList<>(state.owned());
            owned.addAll(held);
            return new FrameState(state.offset(), owned, state.handler(), state.locals(), state.borrowed(), state.known());
        }
    }

    private LocalsAside setAside(FrameState state) {
        LLVMValueRef layout = state.locals().isEmpty() ? null : syncLocals(state.locals(), state);
        // held after the writes, whose failure (boxing a number) raises without releasing them
        List<Value> held = state.known().stream().map(KnownLocal::value).filter(value -> !value.type().isUnboxed()).toList();
        if (!held.isEmpty()) {
            call("pyjit_hold_all", counted(held.stream().map(this::use).toList()));
        }
        return new LocalsAside(state.locals(), layout, state.known(), held);
    }

    /**
     * Writes a copy of each virtual local to its slot (compiled code keeps its own), before code
     * that could look at the frame runs, noting what each slot then holds; returns the locals'
     * layout. Boxing a double can fail: that raises at {@code state}.
     */
    private LLVMValueRef syncLocals(List<VirtualLocal> locals, FrameState state) {
        if (synced == null) {
            synced = stackArray(slotCount, "synced_locals");
        }
        LLVMValueRef layout = localsLayout(locals);
        checkStatus(call("pyjit_sync_locals", withLocals(locals, tstate, frame, synced, layout, int32(locals.size()))), state);
        return layout;
    }

    /**
     * After code that ran with the locals set aside: if it changed one of their slots (through
     * {@code frame.f_locals}), the frame is the truth, and the interpreter takes it over at
     * {@code resume} as it is, compiled code dropping its own values. What was held is released.
     */
    private void resumeIfFrameChanged(LocalsAside aside, ResumeState resume, Value loaded, LLVMValueRef object) {
        LLVMBasicBlockRef unchanged = LLVMAppendBasicBlockInContext(context, llvmFunction, "frame_checked");
        unlessFrameChanged(aside, unchanged, () -> resume(asTheFrameIs(resume, aside.written(), aside.held()), loaded, object));
        LLVMPositionBuilderAtEnd(builder, unchanged);
    }

    /** Whether the code that ran with the locals set aside changed one of their slots. */
    private LLVMValueRef frameChanged(LocalsAside aside) {
        LLVMValueRef changed = aside.layout() == null ? LLVMConstInt(LLVMInt1TypeInContext(context), 0, 0)
                : nonZero(call("pyjit_frame_changed", frame, synced, aside.layout(), int32(aside.written().size())));
        List<LLVMValueRef> pairs = new java.util.ArrayList<>();
        for (KnownLocal local : aside.known()) {
            if (local.value().type().isUnboxed()) {
                changed = LLVMBuildOr(builder, changed, reboundNumber(local), "");
            } else {
                pairs.add(int32(local.slot()));
                pairs.add(use(local.value()));
            }
        }
        if (!pairs.isEmpty()) {
            List<LLVMValueRef> arguments = new java.util.ArrayList<>(List.of(frame, int32(pairs.size() / 2)));
            arguments.addAll(pairs);
            changed = LLVMBuildOr(builder, changed, nonZero(call("pyjit_rebound", arguments.toArray(LLVMValueRef[]::new))), "");
        }
        return changed;
    }

    /** The count of the values, then the values: the arguments of a runtime function that takes as many as it is told. */
    private LLVMValueRef[] counted(List<LLVMValueRef> values) {
        List<LLVMValueRef> arguments = new java.util.ArrayList<>(List.of(int32(values.size())));
        arguments.addAll(values);
        return arguments.toArray(LLVMValueRef[]::new);
    }

    /**
     * The resume state with the frame as it is: compiled code's own values of the virtual locals
     * are dropped, and so are the references it took to {@code held}.
     */
    private static ResumeState asTheFrameIs(ResumeState resume, List<VirtualLocal> locals, List<Value> held) {
        List<Value> dropped = new java.util.ArrayList<>(resume.released());
        locals.forEach(local -> dropped.add(local.value()));
        dropped.addAll(held);
        return new ResumeState(resume.offset(), resume.stack(), dropped, List.of(), resume.borrowed());
    }

    /**
     * FOR_ITER over an iterator the interpreter left unspecialised: where its next item runs no
     * Python code (a list's, a zip's of lists...) it is taken inline; any other (a generator, a
     * map, a file) gives its next item the generic way (see {@link #forIterFallingBack}).
     */
    private LLVMValueRef forIterInertOrGeneric(Instr.ForIter next) {
        LLVMValueRef iterator = use(next.iterator());
        LLVMValueRef inert = nonZero(call("pyjit_is_iterator_of", iterator, int32(next.hint().opcode)));
        return forIterFallingBack(next.state(), next.resume(), next.next(), next.result(), next.iterator(), inert,
                () -> call("pyjit_for_iter_inert", iterator), null, () -> call("pyjit_for_iter", tstate, iterator), null);
    }

    /**
     * Takes an item as {@code inertly} does where {@code inert} holds, else, after
     * {@code beforeGeneric} (a check that may hand the frame over; null: none), as
     * {@code generically} does, whose iterator's code may look at the frame: the virtual locals are
     * written to the frame while it runs (as an attribute load that misses its cache does), and the
     * function goes on natively. That code may change a local through {@code frame.f_locals}: then
     * the frame is the truth, and the interpreter takes it over at {@code next}, after the
     * FOR_ITER, with the object FOR_ITER would have pushed (the item, or the tuple
     * {@code handedOver} makes of it, which can fail and raise), or, where the iterator ended, at
     * the FOR_ITER with an iterator that has nothing left in its place, so that the interpreter
     * leaves the loop there. (Handing the frame over before the FOR_ITER whenever the iterator was
     * not inert ran such a loop in the interpreter at every call, and 50 calls made the whole
     * function generic.)
     */
    private LLVMValueRef forIterFallingBack(FrameState state, ResumeState resume, int next, Value result, Value iteratorValue, LLVMValueRef inert,
                                            Supplier<LLVMValueRef> inertly, Runnable beforeGeneric, Supplier<LLVMValueRef> generically,
                                            java.util.function.UnaryOperator<LLVMValueRef> handedOver) {
        LLVMBasicBlockRef inertBlock = LLVMAppendBasicBlockInContext(context, llvmFunction, "for_iter_inert");
        LLVMBasicBlockRef generic = LLVMAppendBasicBlockInContext(context, llvmFunction, "for_iter_generic");
        LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(context, llvmFunction, "for_iter_taken");
        rarelyFallen(LLVMBuildCondBr(builder, inert, inertBlock, generic));
        LLVMPositionBuilderAtEnd(builder, inertBlock);
        LLVMValueRef inertItem = forIter(inertly.get(), state);
        LLVMBasicBlockRef inertEnd = LLVMGetInsertBlock(builder);
        LLVMBuildBr(builder, done);
        LLVMPositionBuilderAtEnd(builder, generic);
        if (beforeGeneric != null) {
            beforeGeneric.run();
        }
        if (state.locals().isEmpty() && state.known().isEmpty()) {
            return joinedAt(done, pointer, "next_item", inertItem, inertEnd, forIter(generically.get(), state));
        }
        LocalsAside aside = setAside(state);
        FrameState raising = aside.raising(state);
        LLVMValueRef genericItem = forIter(generically.get(), raising);
        LLVMBasicBlockRef taken = LLVMAppendBasicBlockInContext(context, llvmFunction, "for_iter_generic_item");
        LLVMBasicBlockRef ended = LLVMAppendBasicBlockInContext(context, llvmFunction, "for_iter_generic_end");
        LLVMBasicBlockRef checked = LLVMAppendBasicBlockInContext(context, llvmFunction, "for_iter_generic_checked");
        LLVMBuildCondBr(builder, isNull(genericItem), ended, taken);
        LLVMPositionBuilderAtEnd(builder, taken);
        List<Value> withItem = new java.util.ArrayList<>(resume.stack());
        withItem.add(result);
        ResumeState afterItem = new ResumeState(next, withItem, resume.released(), resume.locals(), resume.borrowed());
        unlessFrameChanged(aside, checked, () -> resume(asTheFrameIs(afterItem, aside.written(), aside.held()), result,
                handedOver == null ? genericItem : checkNull(handedOver.apply(genericItem), raising)));
        LLVMPositionBuilderAtEnd(builder, ended);
        unlessFrameChanged(aside, checked, () -> {
            call("pyjit_decref", use(iteratorValue));
            resume(asTheFrameIs(resume, aside.written(), aside.held()), iteratorValue, call("pyjit_exhausted_iterator"));
        });
        LLVMPositionBuilderAtEnd(builder, checked);
        return joinedAt(done, pointer, "next_item", inertItem, inertEnd, genericItem);
    }

    /**
     * A FOR_ITER fused with its unpacking (a zip's pair, an enumerate's item), whose helper
     * {@code take} serves any zip of two or enumerate ({@code ofKind}): the iterators' items are
     * inert where {@code inert} says so; where the instruction falls back, others come the generic
     * way ({@link #forIterFallingBack}, the tuple FOR_ITER would have pushed {@code handedOver});
     * any other iterator, or any but inert ones where it does not fall back, hands the frame over.
     */
    private LLVMValueRef fusedForIter(Instr fused, boolean fallsBack, int next, String inert, String ofKind, Supplier<LLVMValueRef> take,
                                      java.util.function.UnaryOperator<LLVMValueRef> handedOver) {
        Value iterator = fused.operands().get(0);
        FrameState state = fused.state();
        boolean generic = fallsBack && inlineExit == null;
        if (!generic || state.locals().isEmpty() && state.known().isEmpty()) {
            // with nothing to write to the frame, any zip of two or enumerate is taken as an inert one
            resumeUnless(nonZero(call(generic ? ofKind : inert, use(iterator))), fused.resume(), null, null, false);
            return forIter(take.get(), state);
        }
        // the kind checked only where the items are not inert: a zip of lists pays one check a turn
        return forIterFallingBack(state, fused.resume(), next, fused.result(), iterator, nonZero(call(inert, use(iterator))), take,
                () -> resumeUnless(nonZero(call(ofKind, use(iterator))), fused.resume(), null, null, false), take, handedOver);
    }

    /**
     * Goes on to {@code unchanged}, the objects held released, where the code that ran with the
     * locals set aside changed none of their slots; else runs {@code handOver}, which ends its block
     * (the hand-over releases what was held, once it took what it takes of them).
     */
    private void unlessFrameChanged(LocalsAside aside, LLVMBasicBlockRef unchanged, Runnable handOver) {
        LLVMBasicBlockRef changed = LLVMAppendBasicBlockInContext(context, llvmFunction, "frame_changed");
        LLVMBasicBlockRef same = LLVMAppendBasicBlockInContext(context, llvmFunction, "frame_unchanged");
        rarelyTaken(LLVMBuildCondBr(builder, frameChanged(aside), changed, same));
        LLVMPositionBuilderAtEnd(builder, changed);
        handOver.run();
        LLVMPositionBuilderAtEnd(builder, same);
        if (!aside.held().isEmpty()) {
            call("pyjit_release_all", array(aside.held(), 0), int32(aside.held().size()));
        }
        LLVMBuildBr(builder, unchanged);
    }

    /** NULL from FOR_ITER is an error only if an exception is set; otherwise the loop is over. */
    private LLVMValueRef forIter(LLVMValueRef next, FrameState state) {
        LLVMBasicBlockRef exhaustedOrError = LLVMAppendBasicBlockInContext(context, llvmFunction, "for_iter_null");
        LLVMBasicBlockRef continued = LLVMAppendBasicBlockInContext(context, llvmFunction, "for_iter_next");
        LLVMBuildCondBr(builder, isNull(next), exhaustedOrError, continued);
        LLVMPositionBuilderAtEnd(builder, exhaustedOrError);
        LLVMBasicBlockRef raised = raiseBlock(state);
        rarelyTaken(LLVMBuildCondBr(builder, nonZero(call("pyjit_error_occurred", tstate)), raised, continued));
        LLVMPositionBuilderAtEnd(builder, continued);
        return next;
    }

    /**
     * Marks a conditional branch whose true edge is an exit (an error, a failed guard, a slow
     * path). Without weights LLVM's static estimate takes every pointer comparison for equal as
     * unlikely, so that code past a few type guards looked cold: the helpers called there were
     * inlined only up to the cold threshold (pyjit_xdecref was not, in a float loop).
     */
    private LLVMValueRef rarelyTaken(LLVMValueRef branch) {
        return weighted(branch, 1, LIKELY_WEIGHT);
    }

    /** {@link #rarelyTaken} for a branch whose false edge is the exit. */
    private LLVMValueRef rarelyFallen(LLVMValueRef branch) {
        return weighted(branch, LIKELY_WEIGHT, 1);
    }

    /** Clang's weight for __builtin_expect's expected edge, against 1. */
    private static final int LIKELY_WEIGHT = 2000;

    private LLVMValueRef weighted(LLVMValueRef branch, int ifTrue, int ifFalse) {
        LLVMMetadataRef[] operands = {
                LLVMMDStringInContext2(context, "branch_weights", "branch_weights".length()),
                LLVMValueAsMetadata(int32(ifTrue)), LLVMValueAsMetadata(int32(ifFalse))};
        LLVMMetadataRef weights = LLVMMDNodeInContext2(context, new PointerPointer<>(operands), operands.length);
        LLVMSetMetadata(branch, LLVMGetMDKindIDInContext(context, "prof", "prof".length()), LLVMMetadataAsValue(context, weights));
        return branch;
    }

    private void branchToErrorIf(LLVMValueRef failed, FrameState state) {
        branchToErrorIf(failed, state, true);
    }

    private void branchToErrorIf(LLVMValueRef failed, FrameState state, boolean traceback) {
        LLVMBasicBlockRef continued = LLVMAppendBasicBlockInContext(context, llvmFunction, "ok");
        rarelyTaken(LLVMBuildCondBr(builder, failed, raiseBlock(state, traceback), continued));
        LLVMPositionBuilderAtEnd(builder, continued);
    }

    private LLVMBasicBlockRef raiseBlock(FrameState state) {
        return raiseBlock(state, true);
    }

    /**
     * A block that handles an exception at this state: inside a try it goes to the handler; outside
     * one it releases what the state owns and leaves the function. A re-raised exception
     * ({@code traceback} false) gets no new traceback entry for this frame, as in the interpreter.
     */
    private LLVMBasicBlockRef raiseBlock(FrameState state, boolean traceback) {
        LLVMBasicBlockRef here = LLVMGetInsertBlock(builder);
        LLVMBasicBlockRef raise = LLVMAppendBasicBlockInContext(context, llvmFunction, "raise_at_" + state.offset());
        LLVMPositionBuilderAtEnd(builder, raise);
        if (inlineExit != null) {
            List<Value> owned = state.owned().stream().filter(value -> value.type().isRefcounted()).toList();
            LLVMBuildBr(builder, releasing(owned, releaseChains, inlineExit));
            LLVMPositionBuilderAtEnd(builder, here);
            return raise;
        }
        takeBorrowed(state.borrowed());
        // the handler, or the traceback, sees the frame as the interpreter would have left it
        writeLocals(state.locals());
        if (state.handler() != null) {
            enterHandler(state, traceback);
        } else {
            List<Value> owned = state.owned().stream().filter(value -> value.type().isRefcounted()).toList();
            LLVMBuildBr(builder, traceback ? releasing(owned, releaseChains, errorExit) : releasing(owned, reraiseChains, reraiseExit()));
        }
        LLVMPositionBuilderAtEnd(builder, here);
        return raise;
    }

    /** The exit of a re-raised exception: the frame is popped without a traceback entry. */
    private LLVMBasicBlockRef reraiseExit() {
        if (reraiseExit == null) {
            LLVMBasicBlockRef here = LLVMGetInsertBlock(builder);
            reraiseExit = LLVMAppendBasicBlockInContext(context, llvmFunction, "reraise_exit");
            LLVMPositionBuilderAtEnd(builder, reraiseExit);
            LLVMBuildRet(builder, call(exit("pyjit_leave_reraising"), tstate, frame));
            LLVMPositionBuilderAtEnd(builder, here);
        }
        return reraiseExit;
    }

    /**
     * The block that releases {@code owned}, the last first (the interpreter unwinds its stack from
     * the top), then leaves through {@code exit}. Owned values grow and shrink like the value
     * stack, so raises share the releases of what lies below them: each block releases one value
     * and goes on to the block for the rest, and the error paths grow with the function, not with
     * the square of its stack depth.
     */
    private LLVMBasicBlockRef releasing(List<Value> owned, Map<List<Value>, LLVMBasicBlockRef> chains, LLVMBasicBlockRef exit) {
        if (owned.isEmpty()) {
            return exit;
        }
        LLVMBasicBlockRef block = chains.get(owned);
        if (block == null) {
            LLVMBasicBlockRef rest = releasing(owned.subList(0, owned.size() - 1), chains, exit);
            LLVMBasicBlockRef here = LLVMGetInsertBlock(builder);
            block = LLVMAppendBasicBlockInContext(context, llvmFunction, "release");
            LLVMPositionBuilderAtEnd(builder, block);
            releaseCold(owned.get(owned.size() - 1));
            LLVMBuildBr(builder, rest);
            LLVMPositionBuilderAtEnd(builder, here);
            chains.put(List.copyOf(owned), block);
        }
        return block;
    }

    /** The code unit of the instruction: where a cached access finds the interpreter's inline cache. */
    private LLVMValueRef at(FrameState state) {
        return int32(state.offset() / 2);
    }

    /** Where the helper that loads {@code method} leaves its self, for the METHOD_SELF that reads it. */
    private LLVMValueRef selfSlot(Value method) {
        LLVMValueRef slot = alloca(pointer, 1, "self");
        methodSelves.put(method, slot);
        return slot;
    }

    /** An operator whose operands may both be floats or ints that the runtime computes inline for them. */
    private static boolean mayBeNumbers(Instr.BinaryOp op) {
        Type numbers = Type.INT.union(Type.FLOAT);
        return INLINE_NUMBER_OPERATORS.contains(op.operator().base())
                && !op.left().type().intersect(numbers).isBottom() && !op.right().type().intersect(numbers).isBottom();
    }

    private static final java.util.Set<BinaryOperator> INLINE_NUMBER_OPERATORS = java.util.EnumSet.of(BinaryOperator.ADD,
            BinaryOperator.SUBTRACT, BinaryOperator.MULTIPLY, BinaryOperator.TRUE_DIVIDE, BinaryOperator.AND, BinaryOperator.OR,
            BinaryOperator.XOR);

    /** A new object for an unboxed number (a float or an int), or NULL with MemoryError set. */
    private LLVMValueRef box(Value value) {
        return value.type().equals(Type.CDOUBLE) ? call("pyjit_float_box_in", tstate, use(value)) : call("pyjit_int_box", use(value));
    }

    private LLVMValueRef release(Value value) {
        return call(value.type().maybeNull() ? "pyjit_xdecref" : "pyjit_decref", use(value));
    }

    /**
     * A release on a path that is rarely taken (an exception, a hand-over to the interpreter): a
     * call into the runtime library rather than the decref inlined, whose three blocks each of a
     * function's many raise points carried (release chains were a seventh of the lowered
     * instructions of deltablue, raytrace, richards and json_like; compiling every function of
     * json_like took 13% less time, raytrace's 7%). The helper is cold, so that LLVM lays these
     * paths out of the way: without that json_like's steady state was 2.5% slower.
     */
    private void releaseCold(Value value) {
        releaseCold(use(value));
    }

    private void releaseCold(LLVMValueRef object) {
        call("pyjit_slow_xdecref", object);
    }

    /**
     * The cache of one attribute site's own shapes (PyjitSite in the C runtime), zeroed: empty. Its
     * size is the C runtime's, read from the runtime's bitcode.
     */
    private LLVMValueRef attributeSite() {
        return zeroedGlobal(LLVMArrayType2(i64, runtimeConstant("pyjit_site_words")), "attribute_site");
    }

    /** Memory of the module's own for one instruction (a cache), zeroed, which no other module sees. */
    private LLVMValueRef zeroedGlobal(LLVMTypeRef type, String name) {
        LLVMValueRef global = LLVMAddGlobal(module, type, name);
        LLVMSetInitializer(global, LLVMConstNull(type));
        LLVMSetLinkage(global, LLVMPrivateLinkage);
        return global;
    }

    private LLVMValueRef counter(String name) {
        LLVMValueRef global = LLVMAddGlobal(module, i64, name);
        LLVMSetInitializer(global, LLVMConstInt(i64, 0, 0));
        return global;
    }

    private void increment(LLVMValueRef counter) {
        LLVMValueRef count = LLVMBuildLoad2(builder, i64, counter, "");
        LLVMBuildStore(builder, LLVMBuildAdd(builder, count, LLVMConstInt(i64, 1, 0), ""), counter);
    }

    /** Room for {@code size} object pointers in the function's frame (allocated once, at entry). */
    private LLVMValueRef stackArray(int size, String name) {
        return alloca(pointer, Math.max(1, size), name);
    }

    /** Allocas go in the entry block, where LLVM promotes them to registers. */
    private LLVMValueRef alloca(LLVMTypeRef type, int count, String name) {
        LLVMBasicBlockRef here = LLVMGetInsertBlock(builder);
        LLVMPositionBuilderAtEnd(builder, allocas);
        LLVMValueRef slot = LLVMBuildArrayAlloca(builder, type, LLVMConstInt(i64, count, 0), name);
        LLVMPositionBuilderAtEnd(builder, here);
        return slot;
    }

    /** A stack array of the values, starting at index {@code offset} (earlier slots are spare). */
    private LLVMValueRef array(List<Value> items, int offset) {
        LLVMValueRef array = stackArray(items.size() + offset, "args");
        for (int i = 0; i < items.size(); i++) {
            storeAt(array, i + offset, use(items.get(i)));
        }
        return array;
    }

    private void storeAt(LLVMValueRef array, int index, LLVMValueRef item) {
        LLVMBuildStore(builder, item, LLVMBuildGEP2(builder, pointer, array,
                new PointerPointer<>(new LLVMValueRef[]{LLVMConstInt(i64, index, 0)}), 1, ""));
    }

    private LLVMValueRef use(Value value) {
        LLVMValueRef lowered = values.get(value);
        if (lowered == null) {
            throw new IllegalStateException("value used before its definition was lowered: " + value);
        }
        return lowered;
    }

    private LLVMValueRef[] uses(List<Value> operands) {
        return operands.stream().map(this::use).toArray(LLVMValueRef[]::new);
    }

    /**
     * The helper that leaves the frame this way: an on-stack replacement's frame goes back to the
     * interpreter that runs it (the {@code pyjit_osr_} helpers), where other code leaves its own.
     */
    private String exit(String helper) {
        return midFrame ? helper.replace("pyjit_", "pyjit_osr_") : helper;
    }

    private LLVMValueRef call(String helper, LLVMValueRef... arguments) {
        LLVMValueRef callee = LLVMGetNamedFunction(module, helper);
        if (callee == null || callee.isNull()) {
            throw new IllegalStateException("the C runtime has no helper " + helper);
        }
        LLVMTypeRef type = LLVMGlobalGetValueType(callee);
        return LLVMBuildCall2(builder, type, callee, new PointerPointer<>(arguments), arguments.length, "");
    }

    private LLVMValueRef isNull(LLVMValueRef value) {
        return LLVMBuildIsNull(builder, value, "");
    }

    private LLVMValueRef nonZero(LLVMValueRef value) {
        return LLVMBuildICmp(builder, LLVMIntNE, value, int32(0), "");
    }

    private LLVMValueRef int32(int value) {
        return LLVMConstInt(i32, value, /* signExtend */ 1);
    }
}
