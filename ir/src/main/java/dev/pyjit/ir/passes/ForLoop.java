package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.CacheHint;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Terminator;
import dev.pyjit.ir.Terminator.Condition;
import dev.pyjit.ir.Terminator.Edge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code for} loop's header as the frontend builds it from FOR_ITER: the block ends with the
 * FOR_ITER and a branch on its item being NULL, to the exit or to the loop body, which the header
 * alone enters. The passes that compile a specialised FOR_ITER otherwise start from these.
 */
record ForLoop(Block header, Instr.ForIter next, Terminator.Branch branch) {
    /** The body, where the item goes. */
    Block body() {
        return branch.ifFalse().target();
    }

    /** The loops whose FOR_ITER speculates as {@code hint} says (it has a resume state), in block order. */
    static List<ForLoop> find(Function function, CacheHint hint) {
        Map<Block, Integer> predecessors = new HashMap<>();
        for (Block block : function.blocks()) {
            for (Edge edge : block.terminator().edges()) {
                predecessors.merge(edge.target(), 1, Integer::sum);
            }
        }
        List<ForLoop> loops = new ArrayList<>();
        for (Block header : function.blocks()) {
            List<Instr> instructions = header.instructions();
            if (!instructions.isEmpty() && instructions.get(instructions.size() - 1) instanceof Instr.ForIter next
                    && next.hint() == hint && next.resume() != null
                    && header.terminator() instanceof Terminator.Branch branch && branch.condition() == Condition.IS_NULL
                    && branch.operand().equals(next.result()) && predecessors.get(branch.ifFalse().target()) == 1) {
                loops.add(new ForLoop(header, next, branch));
            }
        }
        return loops;
    }
}
