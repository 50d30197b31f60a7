package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.FrameState;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Op;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import dev.pyjit.ir.VirtualLocal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A float or int local that a loop carries (a virtual local's block parameter) goes around the
 * loop as a double or a 64-bit value, when all its block does with the object is to unbox it,
 * release it, write it to the frame, return it, pass it to another such parameter or, an int,
 * index an exact list or tuple with it ({@link IndexWithMachineInts}). So
 * {@code zr = zr * zr - zi * zi + cr}, {@code n += 1} or {@code row[j] += x} in a loop allocates nothing.
 *
 * <p>Each edge into the block passes the number: a converted parameter's, the value a box on the
 * edge was made from (the box is released, and {@link EliminateBoxing} then never makes it), or an
 * object's unboxed value. An object that compiled code did not make (a constant, an argument, a
 * value read from the frame) keeps its identity: it goes along as a companion parameter, NULL once
 * the local has been computed, and wherever the object is needed ({@link Instr.Rebox}) it is that
 * object if there is one, else a new box. {@code total = 0.0} before a loop that never runs
 * returns the constant itself, as in the interpreter.
 *
 * <p>An int can only be unboxed where it is known to fit in 64 bits: a box of a 64-bit value, a
 * constant that fits, another such parameter.
 *
 * <p>A copy of the local on the value stack (an Incref the value stack's later Decref releases,
 * held meanwhile by frame and resume states alone) names the number too, and the pair goes:
 * {@code for i in range(n): s += a[i] * b[i]} boxed {@code i} at every turn (an allocation past
 * 256) only for the states of the two subscripts, and so did {@code i += 1} in a while loop. Where
 * the parameter has a companion, each copy's Incref must be followed by its Decref in its block,
 * with no write of the local between them, so that the pair is told from the local's own release.
 */
public final class UnboxParameters implements Pass {
    @Override
    public String name() {
        return "unbox-parameters";
    }

    /** A converted parameter: its number, and its companion object parameter, or null if it needs none. */
    private record Converted(Value number, Value object) {}

    /** An edge argument: the block whose terminator passes it, and where. */
    private record Incoming(Block from, Terminator.Edge edge, int index) {}

    @Override
    public void run(Function function) {
        Map<Value, Block> owners = new HashMap<>();
        Set<Value> candidates = new LinkedHashSet<>();
        for (Block block : function.blocks()) {
            for (Value parameter : block.parameters()) {
                owners.put(parameter, block);
                boolean number = parameter.type().equals(Type.FLOAT) || parameter.type().equals(Type.INT);
                if (function.virtualLocalParameters().contains(parameter) && number) {
                    candidates.add(parameter);
                }
            }
        }
        splitBranchesInto(function, candidates);
        Map<Value, List<Incoming>> incoming = incoming(function);
        Map<Value, Instr> definitions = Uses.definitions(function);
        boolean changed = true;
        while (changed) {
            changed = candidates.removeIf(parameter -> !convertible(function, parameter, candidates)
                    || parameter.type().equals(Type.INT) && !fitsOnEveryEdge(function, parameter, candidates, incoming, definitions));
            if (!changed) {
                // a stack copy of a companion would have to hold the companion, or a box of its own;
                // a copy in a second local (j = i) stays one object with the first, which the
                // interpreter, given the frame, could compare with `is`
                Set<Value> needing = needingObjects(candidates, incoming, definitions);
                changed = candidates.removeIf(parameter -> copiedOnTheStack(function, parameter)
                        && (needing.contains(parameter) && !copiesPairedInBlocks(function, parameter)
                            || slotsHolding(function, parameter).size() > 1));
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Set<Value> withObjects = needingObjects(candidates, incoming, definitions);
        Map<Value, Converted> converted = new LinkedHashMap<>();
        for (Value parameter : candidates) {
            Block block = owners.get(parameter);
            Value number = function.newValue(parameter.type().equals(Type.FLOAT) ? Type.CDOUBLE : Type.CINT64);
            block.parameters().set(block.parameters().indexOf(parameter), number);
            function.virtualLocalParameters().remove(parameter);
            Value object = withObjects.contains(parameter) ? function.addParameter(block, parameter.type().union(Type.NULL)) : null;
            converted.put(parameter, new Converted(number, object));
        }
        passOnEdges(function, converted, incoming, definitions);
        rewriteUses(function, converted);
    }

    /**
     * A branch edge into a block with a candidate parameter gets a block of its own, where the
     * unboxing and the release for that edge alone can go; it needs no parameters, since the
     * branch's block is its only predecessor.
     */
    private static void splitBranchesInto(Function function, Set<Value> candidates) {
        for (Block block : List.copyOf(function.blocks())) {
            if (block.terminator() instanceof Terminator.Branch branch) {
                block.setTerminator(new Terminator.Branch(branch.condition(), branch.operand(),
                        split(function, block, branch.ifTrue(), candidates), split(function, block, branch.ifFalse(), candidates)));
            }
        }
    }

    private static Terminator.Edge split(Function function, Block from, Terminator.Edge edge, Set<Value> candidates) {
        if (edge.target().parameters().stream().noneMatch(candidates::contains)) {
            return edge;
        }
        Block split = function.newBlock("edge " + from + " -> " + edge.target());
        split.setTerminator(new Terminator.Jump(edge));
        return new Terminator.Edge(split, List.of());
    }

    private static Map<Value, List<Incoming>> incoming(Function function) {
        Map<Value, List<Incoming>> incoming = new HashMap<>();
        for (Block block : function.blocks()) {
            for (Terminator.Edge edge : block.terminator().edges()) {
                List<Value> parameters = edge.target().parameters();
                for (int i = 0; i < edge.arguments().size(); i++) {
                    incoming.computeIfAbsent(parameters.get(i), p -> new ArrayList<>()).add(new Incoming(block, edge, i));
                }
            }
        }
        return incoming;
    }

    /**
     * Whether the parameter's object is needed by nothing but unboxing, releases, writes to the
     * frame, a return (with the Incref of the returned reference), copies on the value stack
     * (Increfs in a block that does not return it) and other candidates.
     */
    private static boolean convertible(Function function, Value parameter, Set<Value> candidates) {
        for (Block block : function.blocks()) {
            boolean returned = returns(block, parameter);
            int increfs = 0;
            for (Instr instruction : block.instructions()) {
                if (!instruction.operands().contains(parameter)) {
                    continue;
                }
                if (instruction.op() == Op.INCREF) {
                    increfs++;
                } else if (!(isUnbox(instruction) || instruction.op() == Op.DECREF || instruction instanceof Instr.FlushLocal
                        || parameter.type().equals(Type.INT) && IndexWithMachineInts.indexesWith(instruction, parameter))) {
                    return false;
                }
            }
            Terminator terminator = block.terminator();
            if (returned) {
                if (increfs != 1) {
                    return false;
                }
            } else if (terminator instanceof Terminator.Jump jump) {
                List<Value> arguments = jump.edge().arguments();
                for (int i = 0; i < arguments.size(); i++) {
                    if (arguments.get(i).equals(parameter) && !candidates.contains(jump.edge().target().parameters().get(i))) {
                        return false;
                    }
                }
            } else if (terminator.operands().contains(parameter)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a block that does not return the parameter increfs it: a copy on the value stack or in another local. */
    private static boolean copiedOnTheStack(Function function, Value parameter) {
        return function.blocks().stream().anyMatch(block -> !returns(block, parameter) && block.instructions().stream()
                .anyMatch(instruction -> instruction.op() == Op.INCREF && instruction.operands().get(0).equals(parameter)));
    }

    /**
     * Whether, in every block that does not return the parameter, each Incref of it is followed by
     * a Decref of it with no write of the local between them: the copy's pair (see rewriteUses).
     */
    private static boolean copiesPairedInBlocks(Function function, Value parameter) {
        for (Block block : function.blocks()) {
            if (returns(block, parameter)) {
                continue;
            }
            int copies = 0;
            for (Instr instruction : block.instructions()) {
                if (instruction.operands().isEmpty() || !instruction.operands().get(0).equals(parameter)) {
                    continue;
                }
                if (instruction.op() == Op.INCREF) {
                    copies++;
                } else if (instruction.op() == Op.DECREF) {
                    copies = Math.max(0, copies - 1);
                } else if (instruction instanceof Instr.FlushLocal && copies > 0) {
                    return false;
                }
            }
            if (copies > 0) {
                return false;
            }
        }
        return true;
    }

    /** The local slots that hold the parameter in some frame or resume state, or that it is written to. */
    private static Set<Integer> slotsHolding(Function function, Value parameter) {
        Set<Integer> slots = new HashSet<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                List<VirtualLocal> locals = new ArrayList<>();
                if (instruction.state() != null) {
                    locals.addAll(instruction.state().locals());
                }
                if (instruction.resume() != null) {
                    locals.addAll(instruction.resume().locals());
                }
                locals.stream().filter(local -> local.value().equals(parameter)).forEach(local -> slots.add(local.slot()));
                if (instruction instanceof Instr.FlushLocal flush && flush.value().equals(parameter)) {
                    slots.add(flush.slot());
                }
            }
        }
        return slots;
    }

    private static boolean returns(Block block, Value parameter) {
        return block.terminator() instanceof Terminator.Return returned && returned.value().equals(parameter);
    }

    private static boolean isUnbox(Instr instruction) {
        return instruction.op() == Op.UNBOX_FLOAT || instruction.op() == Op.UNBOX_INT;
    }

    /** Whether every int an edge passes to the parameter is known to fit in 64 bits. */
    private static boolean fitsOnEveryEdge(Function function, Value parameter, Set<Value> candidates, Map<Value, List<Incoming>> incoming,
                                           Map<Value, Instr> definitions) {
        for (Incoming in : incoming.getOrDefault(parameter, List.of())) {
            Value object = in.edge().arguments().get(in.index());
            if (!candidates.contains(object) && !(definitions.get(object) instanceof Instr.BoxInt) && intConstant(function, object, definitions) == null
                    && checkedLoad(function, in.from(), object, definitions) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * PromoteLocals' load of a local from the frame on this edge (where a loop carries on a local
     * that a path had in the frame), checked to be an int; null for any other value. Its value is
     * unboxed right after it, checked to fit in 64 bits, resuming as the load would: that state
     * releases the object.
     */
    private static Instr.LoadLocal checkedLoad(Function function, Block from, Value object, Map<Value, Instr> definitions) {
        return function.loadsOnEdges().contains(object) && definitions.get(object) instanceof Instr.LoadLocal load && load.resume() != null
                && load.result().type().equals(Type.INT) && from.indexOf(load) >= 0 ? load : null;
    }

    /** The unboxed value of a LoadConst of an int that fits in 64 bits; null for anything else. */
    private static Instr.IntConstant intConstant(Function function, Value object, Map<Value, Instr> definitions) {
        if (definitions.get(object) instanceof Instr.LoadConst constant && function.intConstant(constant.index()).isPresent()) {
            return new Instr.IntConstant(function.newValue(Type.CINT64), constant.index(), function.intConstant(constant.index()).getAsLong());
        }
        return null;
    }

    /** The candidates that some edge gives an object compiled code did not make: they carry it along. */
    private static Set<Value> needingObjects(Set<Value> candidates, Map<Value, List<Incoming>> incoming, Map<Value, Instr> definitions) {
        Set<Value> needing = new LinkedHashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Value parameter : candidates) {
                if (needing.contains(parameter)) {
                    continue;
                }
                for (Incoming in : incoming.getOrDefault(parameter, List.of())) {
                    Value object = in.edge().arguments().get(in.index());
                    boolean made = definitions.get(object) instanceof Instr.BoxFloat || definitions.get(object) instanceof Instr.BoxInt;
                    if (candidates.contains(object) ? needing.contains(object) : !made) {
                        needing.add(parameter);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return needing;
    }

    /** Each edge into a converted parameter passes its number, and its object where it has a companion. */
    private static void passOnEdges(Function function, Map<Value, Converted> converted, Map<Value, List<Incoming>> incoming,
                                    Map<Value, Instr> definitions) {
        Map<Block, List<Value>> arguments = new HashMap<>();
        Map<Block, Map<Value, Value>> objectArguments = new HashMap<>();
        for (Map.Entry<Value, Converted> entry : converted.entrySet()) {
            Value parameter = entry.getKey();
            Converted into = entry.getValue();
            for (Incoming in : incoming.getOrDefault(parameter, List.of())) {
                Block from = in.from();
                List<Value> passed = arguments.computeIfAbsent(from, b -> new ArrayList<>(in.edge().arguments()));
                Value object = in.edge().arguments().get(in.index());
                Instr.LoadLocal load = parameter.type().equals(Type.INT) ? checkedLoad(function, from, object, definitions) : null;
                Value companion;
                if (converted.containsKey(object)) {
                    passed.set(in.index(), converted.get(object).number());
                    companion = converted.get(object).object();
                } else if (definitions.get(object) instanceof Instr.BoxFloat box) {
                    passed.set(in.index(), box.value());
                    from.add(new Instr.Refcount(Op.DECREF, object));
                    companion = null;
                } else if (definitions.get(object) instanceof Instr.BoxInt box) {
                    passed.set(in.index(), box.value());
                    from.add(new Instr.Refcount(Op.DECREF, object));
                    companion = null;
                } else if (load != null) {
                    Value number = function.newValue(Type.CINT64);
                    from.instructions().add(from.indexOf(load) + 1, new Instr.UnboxInt(number, object, load.resume()));
                    passed.set(in.index(), number);
                    companion = object;
                } else {
                    Instr unboxed = parameter.type().equals(Type.FLOAT)
                            ? new Instr.UnboxFloat(function.newValue(Type.CDOUBLE), object) : intConstant(function, object, definitions);
                    from.add(unboxed);
                    passed.set(in.index(), unboxed.result());
                    companion = object;  // the parameter's reference moves to its companion
                }
                if (into.object() != null) {
                    if (companion == null) {
                        companion = function.newValue(Type.NULL);
                        from.add(new Instr.LoadNull(companion));
                    }
                    objectArguments.computeIfAbsent(from, b -> new LinkedHashMap<>()).put(into.object(), companion);
                }
            }
        }
        arguments.forEach((block, passed) -> {
            Terminator.Jump jump = (Terminator.Jump) block.terminator();
            List<Value> all = new ArrayList<>(passed);
            Map<Value, Value> objects = objectArguments.getOrDefault(block, Map.of());
            List<Value> parameters = jump.edge().target().parameters();
            for (int i = passed.size(); i < parameters.size(); i++) {
                all.add(objects.get(parameters.get(i)));
            }
            block.setTerminator(new Terminator.Jump(new Terminator.Edge(jump.edge().target(), all)));
        });
    }

    /**
     * Inside the blocks: an unbox of the parameter is its number; a release releases the companion;
     * a write to the frame and a return take the companion if there is one, else a new box; frame
     * and resume states name the number, and its companion if it has one.
     */
    private static void rewriteUses(Function function, Map<Value, Converted> converted) {
        Map<Value, Value> replacement = new HashMap<>();
        for (Block block : function.blocks()) {
            List<Instr> rewritten = new ArrayList<>();
            int offset = 0;
            Value returnedBox = null;
            Value returnedFrom = null;
            Map<Value, Integer> copies = new HashMap<>();
            for (Instr instruction : block.instructions()) {
                if (instruction.state() != null) {
                    offset = instruction.state().offset();
                }
                Value operand = instruction.operands().isEmpty() ? null : instruction.operands().get(0);
                Converted of = operand == null ? null : converted.get(operand);
                if (of == null) {
                    rewritten.add(instruction);
                } else if (isUnbox(instruction)) {
                    replacement.put(instruction.result(), of.number());
                } else if (instruction.op() == Op.DECREF) {
                    if (copies.getOrDefault(operand, 0) > 0) {
                        copies.merge(operand, -1, Integer::sum);  // a copy's release: the copy was never made
                    } else if (of.object() != null) {
                        rewritten.add(new Instr.Refcount(Op.DECREF, of.object()));
                    }
                } else if (instruction instanceof Instr.FlushLocal flush) {
                    if (returnedBox != null && returnedFrom == operand) {
                        // the local written before the return is the very object returned, as in the interpreter
                        rewritten.add(new Instr.Refcount(Op.INCREF, returnedBox));
                        rewritten.add(new Instr.FlushLocal(flush.slot(), returnedBox, flush.state()));
                        if (of.object() != null) {
                            rewritten.add(new Instr.Refcount(Op.DECREF, of.object()));
                        }
                    } else if (of.object() == null) {
                        rewritten.add(new Instr.FlushLocal(flush.slot(), of.number(), flush.state()));
                    } else {
                        Value object = function.newValue(operand.type());
                        rewritten.add(new Instr.Rebox(object, of.object(), of.number(), flush.state()));
                        rewritten.add(new Instr.FlushLocal(flush.slot(), object, flush.state()));
                        rewritten.add(new Instr.Refcount(Op.DECREF, of.object()));
                    }
                } else if (instruction.op() == Op.INCREF && !returns(block, operand)) {
                    // a copy on the value stack: the states name the number, and its Decref goes too
                    copies.merge(operand, 1, Integer::sum);
                } else if (instruction.op() == Op.INCREF) {
                    // the reference the block returns (see convertible)
                    returnedBox = function.newValue(operand.type());
                    returnedFrom = operand;
                    FrameState state = new FrameState(offset, List.of());
                    rewritten.add(of.object() != null ? new Instr.Rebox(returnedBox, of.object(), of.number(), state)
                            : operand.type().equals(Type.FLOAT) ? new Instr.BoxFloat(returnedBox, of.number(), state)
                            : new Instr.BoxInt(returnedBox, of.number(), state));
                } else {
                    rewritten.add(instruction);
                }
            }
            block.instructions().clear();
            block.instructions().addAll(rewritten);
            if (returnedBox != null) {
                block.setTerminator(new Terminator.Return(returnedBox, ((Terminator.Return) block.terminator()).offset()));
            }
        }
        for (Block block : function.blocks()) {
            block.instructions().replaceAll(instruction -> instruction.mapVirtualLocals(local -> {
                Converted of = converted.get(local.value());
                return of == null || of.object() == null ? local : new VirtualLocal(local.slot(), of.number(), of.object());
            }));
        }
        converted.forEach((parameter, into) -> replacement.put(parameter, into.number()));
        function.replaceUses(replacement);
    }
}
