package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Terminator.Condition;
import dev.pyjit.ir.Terminator.Edge;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code for i in range(...)}, where the interpreter had specialised the loop's FOR_ITER to a range
 * iterator, counts in a 64-bit value: the iterator's next item is read off it as a number
 * ({@link Instr.RangeIterNext}) and boxed into the loop variable, so that EliminateBoxing and
 * UnboxParameters keep it unboxed wherever the loop only computes with it. The interpreter
 * allocates an int for each item past 256.
 *
 * <p>The FOR_ITER splits in two: the test ({@link Instr.RangeIterHasNext}, which checks the
 * iterator's type and resumes in the interpreter at the FOR_ITER if it is not a range iterator)
 * ends the loop header, and taking the item starts the loop body, which the header alone enters.
 * The iterator object stays, moved on in place, so a deoptimisation or an exception finds it as
 * the interpreter would have left it. Runs before PromoteLocals, which then sees the box stored
 * into the loop variable.
 */
public final class UnboxRangeIteration implements Pass {
    @Override
    public String name() {
        return "unbox-range-iteration";
    }

    @Override
    public void run(Function function) {
        for (ForLoop loop : ForLoop.find(function, CacheHint.FOR_ITER_RANGE)) {
            split(function, loop.header(), loop.next(), loop.branch());
        }
    }

    private static void split(Function function, Block header, Instr.ForIter next, Terminator.Branch branch) {
        List<Value> arguments = branch.ifFalse().arguments();
        int itemAt = arguments.size() - 1;
        int iteratorAt = arguments.indexOf(next.iterator());
        if (itemAt < 0 || !arguments.get(itemAt).equals(next.result()) || arguments.indexOf(next.result()) != itemAt
                || iteratorAt < 0 || branch.ifTrue().arguments().contains(next.result())) {
            return;
        }
        Block body = branch.ifFalse().target();
        Map<Value, Value> inBody = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            inBody.put(arguments.get(i), body.parameters().get(i));
        }
        Value item = body.parameters().remove(itemAt);
        Value has = function.newValue(Type.BOOL);
        header.instructions().set(header.instructions().size() - 1, new Instr.RangeIterHasNext(has, next.iterator(), next.resume()));
        List<Value> carried = new ArrayList<>(arguments.subList(0, itemAt));
        header.setTerminator(new Terminator.Branch(Condition.IS_TRUE, has, new Edge(body, carried), branch.ifTrue()));

        Value number = function.newValue(Type.CINT64);
        item.setType(Type.INT);
        body.instructions().add(0, new Instr.RangeIterNext(number, inBody.get(next.iterator())));
        // a failed box is an error of the FOR_ITER, with the iterator on the stack
        Instr box = new Instr.BoxInt(item, number, next.state()).mapOperands(value -> inBody.getOrDefault(value, value));
        body.instructions().add(1, box);
        rotate(function, header, body);
    }

    /**
     * The loop's back edges go to a copy of the header's test (the latch), whose way into the body
     * takes the next item and stores the loop variable itself; both ways then join where the
     * variable is stored, so PromoteLocals carries it around the loop as a virtual local (unboxed)
     * instead of writing it to the frame each round, where the header had it unbound on entry.
     * Only the usual shape: a header that is the test alone, a body that starts by storing the
     * item into a local, an exit block that releases the iterator and jumps on.
     */
    private static void rotate(Function function, Block header, Block body) {
        Terminator.Branch branch = (Terminator.Branch) header.terminator();
        Block exit = branch.ifFalse().target();
        List<Instr> start = body.instructions();
        if (header.instructions().size() != 1 || start.size() < 3 || !(start.get(2) instanceof Instr.StoreLocal store)
                || !store.value().equals(start.get(1).result()) || !exit.parameters().isEmpty()
                || !exit.instructions().stream().allMatch(instruction -> instruction.result() == null)
                || usedAfter(start.subList(3, start.size()), body.terminator(), List.of(start.get(0).result(), start.get(1).result()))
                || !onlyUsedAt(function, List.of(start.get(0).result(), start.get(1).result(), branch.operand()), header, body)
                || !onlyUsedAt(function, body.parameters(), body) || !onlyUsedAt(function, header.parameters(), header, exit)) {
            return;
        }
        Set<Block> entered = reachableAvoiding(function, header);
        List<Block> backEdges = function.blocks().stream().filter(block -> !entered.contains(block)
                && block.terminator().edges().stream().anyMatch(edge -> edge.target() == header)).toList();
        if (entered.contains(body) || backEdges.isEmpty()) {
            return;
        }
        // the body keeps its place (lowering goes through the blocks in order) and starts after
        // the store; taking the item and storing it moves to a block of its own on the way in
        Block first = function.newBlock(body.label() + " first");
        Map<Value, Value> intoFirst = parametersLike(function, first, body);
        List<Instr> head = new ArrayList<>(start.subList(0, 3));
        start.subList(0, 3).clear();
        head.forEach(instruction -> first.add(instruction.mapOperands(value -> intoFirst.getOrDefault(value, value))));
        first.setTerminator(new Terminator.Jump(new Edge(body, body.parameters().stream().map(intoFirst::get).toList())));
        header.setTerminator(new Terminator.Branch(Condition.IS_TRUE, branch.operand(), new Edge(first, branch.ifTrue().arguments()),
                branch.ifFalse()));
        body.resumeAtStore(store.offset(), store.slot());

        Block latch = function.newBlock("for-latch of " + header.label());
        // the header's test again, with the header's stack: the interpreter can take over there,
        // so PromoteLocals can load a local on a way in that had it in the frame (an outer loop's
        // body entering the loop, where an on-stack replacement entered at this header)
        latch.setBytecodeOffset(header.bytecodeOffset());
        Map<Value, Value> intoLatch = parametersLike(function, latch, header);
        Instr.RangeIterHasNext test = (Instr.RangeIterHasNext) header.instructions().get(0);
        Value has = function.newValue(Type.BOOL);
        latch.add(new Instr.RangeIterHasNext(has, intoLatch.get(test.iterator()), test.resume()).mapOperands(value -> intoLatch.getOrDefault(value, value)));
        Block again = function.newBlock(body.label() + " again");
        Map<Value, Value> intoAgain = parametersLike(function, again, body);
        Instr.RangeIterNext take = (Instr.RangeIterNext) head.get(0);
        Instr.BoxInt box = (Instr.BoxInt) head.get(1);
        Value number = function.newValue(Type.CINT64);
        Value item = function.newValue(Type.INT);
        again.add(new Instr.RangeIterNext(number, intoAgain.get(take.iterator())));
        again.add(new Instr.BoxInt(item, number, box.state()).mapOperands(value -> intoAgain.getOrDefault(value, value)));
        again.add(new Instr.StoreLocal(store.slot(), item, store.offset()));
        again.setTerminator(new Terminator.Jump(new Edge(body, body.parameters().stream().map(intoAgain::get).toList())));
        Block leave = function.newBlock(exit.label() + " from the latch");
        exit.instructions().forEach(instruction -> leave.add(instruction.mapOperands(value -> intoLatch.getOrDefault(value, value))));
        leave.setTerminator(exit.terminator().mapOperands(value -> intoLatch.getOrDefault(value, value)));
        latch.setTerminator(new Terminator.Branch(Condition.IS_TRUE, has,
                new Edge(again, branch.ifTrue().arguments().stream().map(value -> intoLatch.getOrDefault(value, value)).toList()),
                new Edge(leave, List.of())));
        for (Block from : backEdges) {
            from.setTerminator(retargeted(from.terminator(), header, latch));
        }
    }

    /** Gives the new block parameters of the types the source block's have; maps each source parameter to its twin. */
    private static Map<Value, Value> parametersLike(Function function, Block block, Block source) {
        Map<Value, Value> twins = new HashMap<>();
        for (Value parameter : source.parameters()) {
            twins.put(parameter, function.addParameter(block, parameter.type()));
        }
        return twins;
    }

    /** Whether the instructions or the terminator use any of the values. */
    private static boolean usedAfter(List<Instr> instructions, Terminator terminator, List<Value> values) {
        return instructions.stream().anyMatch(instruction -> Uses.names(instruction, values)) || terminator.operands().stream().anyMatch(values::contains);
    }

    /** Whether the values are used (as operands, in states, on edges) only in these blocks. */
    private static boolean onlyUsedAt(Function function, List<Value> values, Block... blocks) {
        Set<Block> allowed = Set.of(blocks);
        return function.blocks().stream().filter(block -> !allowed.contains(block))
                .noneMatch(block -> usedAfter(block.instructions(), block.terminator(), values));
    }

    /** The blocks the function's entry and its exception handlers reach without passing the block. */
    private static Set<Block> reachableAvoiding(Function function, Block avoided) {
        Set<Block> seen = new HashSet<>();
        Deque<Block> work = new ArrayDeque<>(LocalFlow.handlerBlocks(function));
        work.add(function.entry());
        while (!work.isEmpty()) {
            Block block = work.pop();
            if (block != avoided && seen.add(block)) {
                block.terminator().edges().forEach(edge -> work.push(edge.target()));
            }
        }
        return seen;
    }

    private static Terminator retargeted(Terminator terminator, Block from, Block to) {
        if (terminator instanceof Terminator.Jump jump && jump.edge().target() == from) {
            return new Terminator.Jump(new Edge(to, jump.edge().arguments()));
        }
        if (terminator instanceof Terminator.Branch branch) {
            return new Terminator.Branch(branch.condition(), branch.operand(), retargeted(branch.ifTrue(), from, to),
                    retargeted(branch.ifFalse(), from, to));
        }
        return terminator;
    }

    private static Edge retargeted(Edge edge, Block from, Block to) {
        return edge.target() == from ? new Edge(to, edge.arguments()) : edge;
    }
}
