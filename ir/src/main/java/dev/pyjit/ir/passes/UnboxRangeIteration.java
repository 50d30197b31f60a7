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
import java.util.ArrayList;
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
        Map<Block, Integer> predecessors = new HashMap<>();
        for (Block block : function.blocks()) {
            for (Edge edge : block.terminator().edges()) {
                predecessors.merge(edge.target(), 1, Integer::sum);
            }
        }
        for (Block block : function.blocks()) {
            List<Instr> instructions = block.instructions();
            if (!instructions.isEmpty() && instructions.get(instructions.size() - 1) instanceof Instr.ForIter next
                    && next.hint() == CacheHint.FOR_ITER_RANGE && next.resume() != null
                    && block.terminator() instanceof Terminator.Branch branch && branch.condition() == Condition.IS_NULL
                    && branch.operand().equals(next.result()) && predecessors.get(branch.ifFalse().target()) == 1) {
                split(function, block, next, branch);
            }
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
    }
}
