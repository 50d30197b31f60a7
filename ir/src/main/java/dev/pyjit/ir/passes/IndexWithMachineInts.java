package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An exact list (or tuple, read) indexed by an int that compiled code has as a 64-bit value (a
 * range loop's counter, int arithmetic, a constant) takes that value as its index: {@code
 * ci[j] += aik * bk[j]} then reads and writes its items inline, with no call and no int object
 * made for the index. A box then used by nothing but reference counting and frame states goes in
 * EliminateBoxing, which runs next; a loop's int local used so is unboxed around the loop by
 * UnboxParameters, which runs before and gives these instructions its number. A block parameter
 * that every edge gives a box of a 64-bit value (the loop variable, where the loop also carries
 * its last value on to a merge that may see it unbound) gets a parameter of that number next to
 * it, for its indexing alone.
 */
public final class IndexWithMachineInts implements Pass {
    @Override
    public String name() {
        return "index-with-machine-ints";
    }

    @Override
    public void run(Function function) {
        Set<Value> indexes = new HashSet<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (takesMachineIndex(instruction)) {
                    indexes.add(instruction.operands().get(1));
                }
            }
        }
        Map<Value, Value> machineOf = new HashMap<>();
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                if (instructions.get(i) instanceof Instr.BoxInt box) {
                    machineOf.put(box.result(), box.value());
                } else if (instructions.get(i) instanceof Instr.LoadConst constant && indexes.contains(constant.result())
                        && function.intConstant(constant.index()).isPresent()) {
                    // right after the load, where EliminateBoxing takes it for the load's number too
                    Value number = function.newValue(Type.CINT64);
                    instructions.add(++i, new Instr.IntConstant(number, constant.index(), function.intConstant(constant.index()).getAsLong()));
                    machineOf.put(constant.result(), number);
                }
            }
        }
        addMachineParameters(function, indexes, machineOf);
        for (Block block : function.blocks()) {
            block.instructions().replaceAll(instruction -> takesMachineIndex(instruction) && machineOf.containsKey(instruction.operands().get(1))
                    ? withIndex(instruction, machineOf.get(instruction.operands().get(1))) : instruction);
        }
    }

    /**
     * Whether the instruction indexes an exact list or tuple with the value (and does nothing else
     * with it): a 64-bit number will do as that index.
     */
    static boolean indexesWith(Instr instruction, Value index) {
        return takesMachineIndex(instruction) && instruction.operands().get(1).equals(index)
                && instruction.operands().stream().filter(index::equals).count() == 1;
    }

    /** A subscript, or a store of an item, whose container the runtime indexes inline with a 64-bit int. */
    private static boolean takesMachineIndex(Instr instruction) {
        return !instruction.operands().isEmpty() && instruction.op().indexesInline(instruction.operands().get(0).type());
    }

    /**
     * Gives each block parameter used as an index, that every edge (and no handler) passes a box of
     * a 64-bit value, a parameter of that value, recorded in {@code machineOf}.
     */
    private static void addMachineParameters(Function function, Set<Value> indexes, Map<Value, Value> machineOf) {
        Set<Block> handlers = new HashSet<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction.state() != null && instruction.state().handler() != null) {
                    handlers.add(instruction.state().handler().block());
                }
            }
        }
        for (Block block : function.blocks()) {
            if (handlers.contains(block)) {
                continue;
            }
            for (Value parameter : List.copyOf(block.parameters())) {
                if (indexes.contains(parameter) && everyEdgePassesABox(function, block, parameter, machineOf)) {
                    int position = block.parameters().indexOf(parameter);
                    Value machine = function.addParameter(block, Type.CINT64);
                    passOnEveryEdge(function, block, edge -> machineOf.get(edge.arguments().get(position)));
                    machineOf.put(parameter, machine);
                }
            }
        }
    }

    private static boolean everyEdgePassesABox(Function function, Block block, Value parameter, Map<Value, Value> machineOf) {
        int position = block.parameters().indexOf(parameter);
        boolean entered = false;
        for (Block from : function.blocks()) {
            if (from.terminator() instanceof Terminator.ResumeDispatch dispatch && dispatch.targets().contains(block)) {
                return false;
            }
            for (Terminator.Edge edge : from.terminator().edges()) {
                if (edge.target() == block) {
                    entered = true;
                    if (!machineOf.containsKey(edge.arguments().get(position))) {
                        return false;
                    }
                }
            }
        }
        return entered;
    }

    /** Every edge into the block passes one more argument, the one {@code argument} gives for it. */
    private static void passOnEveryEdge(Function function, Block block, java.util.function.Function<Terminator.Edge, Value> argument) {
        java.util.function.UnaryOperator<Terminator.Edge> extend = edge -> {
            if (edge.target() != block) {
                return edge;
            }
            List<Value> arguments = new ArrayList<>(edge.arguments());
            arguments.add(argument.apply(edge));
            return new Terminator.Edge(block, arguments);
        };
        for (Block from : function.blocks()) {
            if (from.terminator() instanceof Terminator.Jump jump) {
                from.setTerminator(new Terminator.Jump(extend.apply(jump.edge())));
            } else if (from.terminator() instanceof Terminator.Branch branch) {
                from.setTerminator(new Terminator.Branch(branch.condition(), branch.operand(), extend.apply(branch.ifTrue()),
                        extend.apply(branch.ifFalse())));
            }
        }
    }

    private static Instr withIndex(Instr instruction, Value index) {
        if (instruction instanceof Instr.Access subscript) {
            return new Instr.Access(subscript.result(), subscript.op(), List.of(subscript.operands().get(0), index), subscript.state());
        }
        if (instruction instanceof Instr.Effect store) {
            return new Instr.Effect(store.op(), List.of(store.operands().get(0), index, store.operands().get(2)), store.state());
        }
        Instr.StoreSubscriptFloat store = (Instr.StoreSubscriptFloat) instruction;
        return new Instr.StoreSubscriptFloat(store.container(), index, store.value(), store.state());
    }
}
