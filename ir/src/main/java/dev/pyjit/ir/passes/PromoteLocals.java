package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.KnownLocal;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.ResumeState;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.VirtualLocal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps locals in SSA values between the places where something could look at the frame (mem2reg
 * with the frame as memory). A load of a local whose value compiled code knows is that value; a
 * store of a local whose old object has no finalizer (a number, a string, None) is not written
 * to the frame yet: the local becomes virtual ({@link VirtualLocal}). Loops carry such locals as
 * block parameters, so a float local can stay an unboxed double around a loop; and the locals they
 * only read, known, with their types checked once on the way in ({@link LoopInvariantGuards}).
 *
 * <p>The frame is made exact again, by writing each virtual local to its slot
 * ({@link Instr.FlushLocal}), before any instruction that can run Python code (a call, an
 * attribute access, arithmetic on objects: code that could read {@code frame.f_locals}), before
 * a return and on a control-flow merge where another path has the local in the frame and cannot
 * load it from there (a loop entered after a call loads the locals it carries on its entry edge). After an
 * instruction that can run code the frame is the truth again, and the next load reads it. Deopts
 * and exceptions leaving the function write the virtual locals their states name; an eval-breaker
 * poll, an attribute access the interpreter had specialised when its fast path misses, and a call
 * with the callee's body inlined when it makes the call after all, write a copy before they let
 * other code run (and if that code changed the frame, it is the truth). Releasing a value can run a finalizer that
 * looks at the frame: the one difference from the interpreter that this pass accepts.
 *
 * <p>An exception handler's block starts with every local in the frame: an exception inside a
 * try writes the virtual locals before the handler runs, as one that leaves the function does.
 *
 * <p>A generator's frame outlives each resumption: a yield makes it exact as a return does, and
 * each resumption starts with every local in it, as an exception handler does (a generator
 * expression's loop counter stays a machine int between its yields).
 *
 * <p>Not promoted: functions that jump into a handler's block, and slots that anything but plain
 * loads and stores touch (cells, deletes, loads that may find the local unbound).
 */
public final class PromoteLocals implements Pass {
    /** Types whose objects have no finalizer and no weak references: releasing one runs no code. */
    private static final Type INERT = Type.NONE.union(Type.BOOL).union(Type.INT).union(Type.FLOAT).union(Type.STR)
            .union(Type.NULL).union(Type.CDOUBLE).union(Type.CINT64);
    /** Operand types for which arithmetic, comparisons and truth tests run no Python code. */
    private static final Type SCALAR = Type.NONE.union(Type.BOOL).union(Type.INT).union(Type.FLOAT).union(Type.STR)
            .union(Type.CDOUBLE).union(Type.CINT64);

    private record Local(LocalKind kind, Value value) {
        static final Local FRAME = new Local(LocalKind.FRAME, null);
    }

    @Override
    public String name() {
        return "promote-locals";
    }

    @Override
    public void run(Function function) {
        if (!eligible(function)) {
            return;
        }
        boolean[] promoted = promotedSlots(function);
        Type[] stored = storedTypes(function, promoted.length);
        boolean[] deferrable = new boolean[promoted.length];
        boolean[] numbersOnly = new boolean[promoted.length];
        for (int slot = 0; slot < promoted.length; slot++) {
            deferrable[slot] = promoted[slot] && stored[slot].isSubtypeOf(INERT);
            numbersOnly[slot] = promoted[slot] && !stored[slot].isSubtypeOf(Type.NULL)
                    && (stored[slot].isSubtypeOf(Type.FLOAT.union(Type.NULL)) || stored[slot].isSubtypeOf(Type.INT.union(Type.NULL)));
        }
        new Rewrite(function, new LocalFlow(function, promoted, deferrable, numbersOnly)).run();
    }

    private static boolean eligible(Function function) {
        Set<Block> jumpedTo = new HashSet<>();
        for (Block block : function.blocks()) {
            block.terminator().edges().forEach(edge -> jumpedTo.add(edge.target()));
        }
        // a handler's block is entered by exceptions alone, with every local in the frame
        return LocalFlow.handlerBlocks(function).stream().noneMatch(jumpedTo::contains);
    }

    /** Slots that only LoadLocal and StoreLocal touch. */
    private static boolean[] promotedSlots(Function function) {
        boolean[] promoted = new boolean[function.slotCount()];
        Arrays.fill(promoted, true);
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                int slot = -1;
                if (instruction instanceof Instr.LoadLocalChecked load) {
                    slot = load.slot();
                } else if (instruction instanceof Instr.LoadLocalAndClear load) {
                    slot = load.slot();
                } else if (instruction instanceof Instr.DeleteLocal delete) {
                    slot = delete.slot();
                } else if (instruction instanceof Instr.LoadLocalFloat load) {
                    slot = load.slot();
                } else if (instruction instanceof Instr.Helper helper && Instr.Helper.SLOTTED.contains(helper.op())) {
                    slot = helper.argument();
                } else if (instruction instanceof Instr.Cell cell && cell.op() == Op.COPY_FREE_VARS) {
                    Arrays.fill(promoted, Math.max(0, promoted.length - cell.slot()), promoted.length, false);
                } else if (instruction instanceof Instr.Cell cell) {
                    slot = cell.slot();
                }
                if (slot >= 0 && slot < promoted.length) {
                    promoted[slot] = false;
                }
            }
        }
        return promoted;
    }

    /**
     * What each slot holds: its entry type (Null for unbound) joined with every value stored there.
     * A slot whose objects never need a finalizer is deferrable: a store there may leave the old
     * object in the frame until the next flush, since releasing it later runs no code.
     */
    private static Type[] storedTypes(Function function, int slots) {
        Type[] stored = new Type[slots];
        for (int slot = 0; slot < stored.length; slot++) {
            Type onEntry = function.entryType(slot);
            stored[slot] = onEntry.equals(Type.BOTTOM) ? Type.NULL : onEntry;
        }
        for (Instr instruction : function.entry().instructions()) {
            if (instruction instanceof Instr.GuardArgument guard && guard.slot() < stored.length) {
                stored[guard.slot()] = guard.type();
            }
        }
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.StoreLocal store && store.slot() < stored.length) {
                    stored[store.slot()] = stored[store.slot()].union(store.value().type());
                }
            }
        }
        return stored;
    }

    /** Whether the instruction can run Python code (or let another thread run), which could look at the frame. */
    static boolean runsCode(Instr instruction) {
        return switch (instruction.op()) {
            case LOAD_CONST, LOAD_LOCAL, STORE_LOCAL, FLUSH_LOCAL, LOAD_NULL, METHOD_SELF, IS, NOT, TUPLE_ITEM, INCREF, DECREF,
                    GUARD_ARGUMENT, GUARD_TYPE, CHECK_EVAL_BREAKER, UNBOX_FLOAT, FLOAT_CONSTANT, LOAD_LOCAL_FLOAT, BOX_FLOAT, FLOAT_ARITH,
                    FLOAT_DIVIDE, FLOAT_COMPARE, UNBOX_INT, INT_CONSTANT, ARGUMENT, BOX_INT, INT_ARITH, INT_COMPARE, INT_TO_FLOAT, CALL_MATH, REBOX, SEND_RETURNED,
                    RANGE_ITER_HAS_NEXT, RANGE_ITER_NEXT, FOR_ITER_PAIR, PAIR_SECOND, FOR_ITER_ENUMERATED, ENUMERATE_INDEX,
                    LOAD_ASSERTION_ERROR, PROPERTY_GETTER -> false;
            // a cell's object, or NameError
            case LOAD_DEREF -> false;
            case FOR_ITER -> !instruction.speculates();
            // an exact list, tuple or str indexed by an int: C all the way (IndexError aside)
            case SUBSCRIPT, STORE_SUBSCRIPT, STORE_SUBSCRIPT_FLOAT -> !(isExactSequence(instruction.operands().get(0).type())
                    && isExactInt(instruction.operands().get(1).type()));
            // an exact list or tuple's items, or a ValueError; its iterator
            case UNPACK_SEQUENCE, GET_ITER -> !isExactListOrTuple(instruction.operands().get(0).type());
            case LOAD_ATTR -> ((Instr.LoadAttr) instruction).hint() == CacheHint.NONE;
            case LOAD_ATTR_FLOAT -> ((Instr.LoadAttrFloat) instruction).hint() == CacheHint.NONE;
            // an inlined body or intrinsic runs no code; the call made when it cannot go on writes a copy first
            case CALL -> !((Instr.Call) instruction).mayRunNoCode();
            case LOAD_GLOBAL -> !((Instr.LoadGlobal) instruction).runsNoCode();
            case STORE_ATTR -> ((Instr.StoreAttr) instruction).hint() == CacheHint.NONE;
            case STORE_ATTR_FLOAT -> ((Instr.StoreAttrFloat) instruction).hint() == CacheHint.NONE;
            // a str in a str: a substring search
            case CONTAINS -> !(isExactStr(instruction.operands().get(0).type()) && isExactStr(instruction.operands().get(1).type()));
            case TO_BOOL -> !((Instr.ToBool) instruction).runsNoCode();
            case BINARY_OP, COMPARE, UNARY_OP -> !instruction.operands().stream().allMatch(operand -> operand.type().isSubtypeOf(SCALAR)
                    && !operand.type().isBottom());
            default -> true;
        };
    }

    /**
     * Whether the instruction, which {@link #runsCode} lets keep locals out of the frame, can run
     * code all the same where a fast path does not apply: an eval-breaker poll, an attribute the
     * interpreter's cache does not find, a call whose inlined body or intrinsic gives way to the
     * call, a FOR_ITER over an iterator whose next item is not inert after all.
     */
    private static boolean runsCodeOnASlowPath(Instr instruction) {
        return switch (instruction.op()) {
            case CHECK_EVAL_BREAKER, LOAD_ATTR, LOAD_ATTR_FLOAT, STORE_ATTR, STORE_ATTR_FLOAT, CALL -> true;
            case FOR_ITER -> ((Instr.ForIter) instruction).fallsBackToGeneric();
            case FOR_ITER_PAIR -> ((Instr.ForIterPair) instruction).fallsBackToGeneric();
            case FOR_ITER_ENUMERATED -> ((Instr.ForIterEnumerated) instruction).fallsBackToGeneric();
            default -> false;
        };
    }

    private static boolean isExactStr(Type type) {
        return !type.isBottom() && type.isSubtypeOf(Type.STR);
    }

    private static boolean isExactSequence(Type type) {
        return !type.isBottom() && type.isSubtypeOf(Type.LIST.union(Type.TUPLE).union(Type.STR));
    }

    private static boolean isExactListOrTuple(Type type) {
        return !type.isBottom() && type.isSubtypeOf(Type.LIST.union(Type.TUPLE));
    }

    private static boolean isExactInt(Type type) {
        return !type.isBottom() && type.isSubtypeOf(Type.INT.union(Type.BOOL));
    }

    private static final class Rewrite {
        private final Function function;
        private final LocalFlow flow;
        /** For each merge (more than one predecessor, or a loop header): what each slot is on entry. */
        private Map<Block, LocalKind[]> merges;
        /** For each loop header: the types its known locals are checked to be on the way in. */
        private Map<Block, Map<Integer, Type>> checkedOnEntry;
        private final Map<Block, Local[]> exits = new HashMap<>();
        private final Map<Value, Value> replacement = new HashMap<>();
        /** The bytecode offset of the block's last instruction that has one: where a write at its end reports an error. */
        private final Map<Block, Integer> exitOffsets = new HashMap<>();
        private int offset;

        Rewrite(Function function, LocalFlow flow) {
            this.function = function;
            this.flow = flow;
        }

        void run() {
            checkedOnEntry = new LoopInvariantGuards(flow).find();
            merges = new MergeKinds(flow).decide();
            for (Block block : flow.order()) {
                Local[] locals = flow.isMerge(block) ? mergeParameters(block) : entryOf(block);
                exits.put(block, rewriteBlock(block, locals));
                exitOffsets.put(block, offset);
            }
            for (Block block : List.copyOf(flow.order())) {
                connectEdges(block);
            }
            if (!replacement.isEmpty()) {
                function.replaceUses(transitive(replacement));
            }
        }

        private Local[] entryOf(Block block) {
            if (flow.isRoot(block)) {
                Local[] locals = new Local[flow.slots()];
                Arrays.fill(locals, Local.FRAME);
                return locals;
            }
            return exits.get(flow.predecessors(block).get(0)).clone();
        }

        private Local[] mergeParameters(Block block) {
            LocalKind[] kinds = merges.get(block);
            Local[] locals = new Local[kinds.length];
            for (int slot = 0; slot < kinds.length; slot++) {
                if (kinds[slot] == LocalKind.FRAME) {
                    locals[slot] = Local.FRAME;
                } else {
                    Value parameter = function.addParameter(block, Type.BOTTOM);
                    if (kinds[slot] == LocalKind.VIRTUAL) {
                        function.virtualLocalParameters().add(parameter);
                    }
                    locals[slot] = new Local(kinds[slot], parameter);
                }
            }
            return locals;
        }

        private Local[] rewriteBlock(Block block, Local[] locals) {
            List<Instr> rewritten = new ArrayList<>();
            for (Instr instruction : block.instructions()) {
                if (instruction.state() != null) {
                    offset = instruction.state().offset();
                }
                if (instruction instanceof Instr.LoadLocal load && flow.promoted(load.slot())) {
                    Local local = locals[load.slot()];
                    if (local.kind() == LocalKind.FRAME) {
                        rewritten.add(load.withVirtualLocals(virtual(locals)));
                        locals[load.slot()] = new Local(LocalKind.KNOWN, load.result());
                    } else {
                        rewritten.add(new Instr.Refcount(Op.INCREF, local.value()));
                        replacement.put(load.result(), local.value());
                    }
                } else if (instruction instanceof Instr.StoreLocal store && flow.promoted(store.slot())) {
                    Local local = locals[store.slot()];
                    if (local.kind() == LocalKind.VIRTUAL) {
                        rewritten.add(new Instr.Refcount(Op.DECREF, local.value()));
                        locals[store.slot()] = new Local(LocalKind.VIRTUAL, store.value());
                    } else if (flow.deferrable(store.slot())) {
                        locals[store.slot()] = new Local(LocalKind.VIRTUAL, store.value());
                    } else {
                        rewritten.add(store);
                        locals[store.slot()] = new Local(LocalKind.KNOWN, store.value());
                    }
                } else if (runsCode(instruction)) {
                    FrameState state = instruction.state() != null ? instruction.state() : new FrameState(offset, List.of());
                    flushAll(locals, state, rewritten);
                    rewritten.add(instruction);
                    Arrays.fill(locals, Local.FRAME);
                } else if (runsCodeOnASlowPath(instruction)) {
                    rewritten.add(instruction.withVirtualLocals(virtual(locals)).withKnownLocals(known(locals)));
                } else {
                    rewritten.add(instruction.withVirtualLocals(virtual(locals)));
                }
            }
            if (block.terminator() instanceof Terminator.Return || block.terminator() instanceof Terminator.Yield) {
                flushAll(locals, new FrameState(offset, block.terminator().operands()), rewritten);
            }
            block.instructions().clear();
            block.instructions().addAll(rewritten);
            return locals;
        }

        /** Writes every virtual local to the frame; each write's state names the ones still to write. */
        private void flushAll(Local[] locals, FrameState state, List<Instr> out) {
            for (int slot = 0; slot < locals.length; slot++) {
                if (locals[slot].kind() == LocalKind.VIRTUAL) {
                    Value value = locals[slot].value();
                    locals[slot] = Local.FRAME;
                    out.add(new Instr.FlushLocal(slot, value, state.withLocals(virtual(locals))));
                }
            }
        }

        private static List<KnownLocal> known(Local[] locals) {
            return ofKind(locals, LocalKind.KNOWN, KnownLocal::new);
        }

        private static List<VirtualLocal> virtual(Local[] locals) {
            return ofKind(locals, LocalKind.VIRTUAL, VirtualLocal::new);
        }

        private static <T> List<T> ofKind(Local[] locals, LocalKind kind, java.util.function.BiFunction<Integer, Value, T> make) {
            List<T> result = new ArrayList<>();
            for (int slot = 0; slot < locals.length; slot++) {
                if (locals[slot].kind() == kind) {
                    result.add(make.apply(slot, locals[slot].value()));
                }
            }
            return result;
        }

        /**
         * Makes each edge out of the block agree with its target: passes the target's local
         * parameters, writes to the frame what the target expects there, and gives the target a
         * reference of its own to a known local it takes as virtual. An edge that needs
         * instructions of its own, out of a branch, gets a block of its own.
         */
        private void connectEdges(Block block) {
            Local[] exit = exits.get(block);
            Terminator terminator = block.terminator();
            if (terminator instanceof Terminator.Jump jump) {
                List<Instr> adjustments = new ArrayList<>();
                block.setTerminator(new Terminator.Jump(adjusted(block, jump.edge(), exit, adjustments)));
                block.instructions().addAll(adjustments);
            } else if (terminator instanceof Terminator.Branch branch) {
                block.setTerminator(new Terminator.Branch(branch.condition(), branch.operand(),
                        splitIfNeeded(block, branch.ifTrue(), exit), splitIfNeeded(block, branch.ifFalse(), exit)));
            }
        }

        private Terminator.Edge splitIfNeeded(Block block, Terminator.Edge edge, Local[] exit) {
            List<Instr> adjustments = new ArrayList<>();
            Terminator.Edge adjusted = adjusted(block, edge, exit, adjustments);
            if (adjustments.isEmpty()) {
                return adjusted;
            }
            Block split = function.newBlock("edge " + block + " -> " + edge.target());
            List<Value> passed = new ArrayList<>();
            for (Value argument : edge.arguments()) {
                Value parameter = function.addParameter(split, argument.type());
                passed.add(parameter);
                replacementOnEdge(adjustments, argument, parameter);
            }
            split.instructions().addAll(adjustments);
            Map<Value, Value> renamed = new HashMap<>();
            for (int i = 0; i < passed.size(); i++) {
                renamed.put(edge.arguments().get(i), passed.get(i));
            }
            List<Value> arguments = adjusted.arguments().stream().map(value -> renamed.getOrDefault(value, value)).toList();
            split.setTerminator(new Terminator.Jump(new Terminator.Edge(adjusted.target(), arguments)));
            return new Terminator.Edge(split, edge.arguments());
        }

        /** Inside a split edge's block, the stack values the edge carries are that block's parameters. */
        private static void replacementOnEdge(List<Instr> adjustments, Value argument, Value parameter) {
            adjustments.replaceAll(instruction -> instruction.mapOperands(value -> value.equals(argument) ? parameter : value));
        }

        /**
         * The edge out of {@code block} with what its target takes. A loop's way in (not a back
         * edge) checks the types the loop checks its known locals to be each trip round
         * ({@link LoopInvariantGuards}), so that the loop need not.
         */
        private Terminator.Edge adjusted(Block block, Terminator.Edge edge, Local[] exit, List<Instr> adjustments) {
            Block target = edge.target();
            LocalKind[] kinds = merges.get(target);
            if (kinds == null) {
                return edge;
            }
            List<Value> arguments = new ArrayList<>(edge.arguments());
            Local[] remaining = exit.clone();
            FrameState state = new FrameState(exitOffsets.get(block), edge.arguments());
            List<Value> taken = new ArrayList<>();
            Map<Integer, Value> loaded = new java.util.TreeMap<>();
            Map<Integer, Integer> argumentOf = new HashMap<>();
            for (int slot = 0; slot < kinds.length; slot++) {
                Local local = remaining[slot];
                if (kinds[slot] == LocalKind.FRAME) {
                    if (local.kind() == LocalKind.VIRTUAL) {
                        remaining[slot] = Local.FRAME;
                        adjustments.add(new Instr.FlushLocal(slot, local.value(), state.withLocals(virtual(remaining))));
                    }
                    continue;
                }
                argumentOf.put(slot, arguments.size());
                if (local.kind() == LocalKind.FRAME) {
                    Value value = function.newValue(Type.TOP);
                    loaded.put(slot, value);
                    arguments.add(value);
                } else {
                    if (kinds[slot] == LocalKind.VIRTUAL && local.kind() == LocalKind.KNOWN) {
                        adjustments.add(new Instr.Refcount(Op.INCREF, local.value()));
                        taken.add(local.value());
                    }
                    arguments.add(local.value());
                }
            }
            // after the writes, so that the references taken here are all that a failed check
            // releases, the loaded object's own included
            List<Value> stack = new ArrayList<>(edge.arguments());
            Local[] written = remaining.clone();
            if (target.storedOnEntry() >= 0) {
                // the interpreter stores the local again from the top of the stack
                stack.add(written[target.storedOnEntry()].value());
                written[target.storedOnEntry()] = Local.FRAME;
            }
            loaded.forEach((slot, value) -> {
                taken.add(value);
                adjustments.add(new Instr.LoadLocal(value, slot, resumeAt(target, stack, taken, written), flow.numbersOnly(slot)));
                function.loadsOnEdges().add(value);
            });
            Map<Integer, Type> checked = flow.latches(target).contains(block) ? Map.of() : checkedOnEntry.getOrDefault(target, Map.of());
            checked.forEach((slot, type) -> {
                if (kinds[slot] == LocalKind.KNOWN) {
                    Value guarded = function.newValue(type);
                    int index = argumentOf.get(slot);
                    adjustments.add(new Instr.GuardType(guarded, arguments.get(index), type, resumeAt(target, stack, taken, written)));
                    arguments.set(index, guarded);
                }
            });
            // a known local is borrowed from the frame, which keeps it
            loaded.forEach((slot, value) -> {
                if (kinds[slot] == LocalKind.KNOWN) {
                    adjustments.add(new Instr.Refcount(Op.DECREF, value));
                }
            });
            return new Terminator.Edge(target, arguments);
        }

        private ResumeState resumeAt(Block target, List<Value> stack, List<Value> taken, Local[] written) {
            return new ResumeState(target.bytecodeOffset(), stack, taken, virtual(written));
        }

        private static Map<Value, Value> transitive(Map<Value, Value> replacement) {
            Map<Value, Value> resolved = new LinkedHashMap<>();
            replacement.forEach((from, to) -> {
                Value target = to;
                while (replacement.containsKey(target)) {
                    target = replacement.get(target);
                }
                resolved.put(from, target);
            });
            return resolved;
        }
    }
}
