package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.Value;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For {@link PromoteLocals}: the type each loop checks a local to be on every trip round it, where
 * the loop never stores the local. A loop that carries such a local known checks it once, on its
 * way in, instead (a mismatch hands the frame to the interpreter at the loop's header): the type
 * holds all the way round, since only a builtin type counts (its object cannot change class) and
 * a loop that rebinds the local through its frame carries it in the frame.
 *
 * <p>Each trip round: the guard's block dominates every back edge's block, so a loop the
 * interpreter would leave before the guard, or a guard on one branch of an if, does not count.
 */
final class LoopInvariantGuards {
    private final LocalFlow flow;
    private final Map<Block, Integer> position = new HashMap<>();
    /** Each block's immediate dominator, by position in reverse postorder; -1 above the roots. */
    private final int[] dominator;

    LoopInvariantGuards(LocalFlow flow) {
        this.flow = flow;
        List<Block> order = flow.order();
        for (Block block : order) {
            position.put(block, position.size());
        }
        dominator = dominators(order);
    }

    /** For each loop header: the type each slot is checked to be on every trip round, where there is one. */
    Map<Block, Map<Integer, Type>> find() {
        Map<Value, Integer> loadedFrom = new HashMap<>();
        for (Block block : flow.order()) {
            for (Instr instruction : block.instructions()) {
                if (instruction instanceof Instr.LoadLocal load && flow.promoted(load.slot())) {
                    loadedFrom.put(load.result(), load.slot());
                }
            }
        }
        Map<Block, Map<Integer, Type>> found = new HashMap<>();
        for (Block header : flow.order()) {
            List<Block> latches = flow.latches(header);
            if (latches.isEmpty()) {
                continue;
            }
            Set<Block> body = body(header, latches);
            Set<Integer> stored = new HashSet<>();
            Map<Integer, Type> checked = new HashMap<>();
            Set<Integer> conflicting = new HashSet<>();
            for (Block block : body) {
                boolean everyTrip = latches.stream().allMatch(latch -> dominates(block, latch));
                for (Instr instruction : block.instructions()) {
                    if (instruction instanceof Instr.StoreLocal store) {
                        stored.add(store.slot());
                    } else if (everyTrip && instruction instanceof Instr.GuardType guard && loadedFrom.containsKey(guard.value())
                            && guard.type().isExact()) {
                        int slot = loadedFrom.get(guard.value());
                        Type earlier = checked.putIfAbsent(slot, guard.type());
                        if (earlier != null && !earlier.equals(guard.type())) {
                            conflicting.add(slot);
                        }
                    }
                }
            }
            checked.keySet().removeAll(stored);
            checked.keySet().removeAll(conflicting);
            if (!checked.isEmpty()) {
                found.put(header, checked);
            }
        }
        return found;
    }

    /** The natural loop of the header: the blocks that reach a latch without passing the header. */
    private Set<Block> body(Block header, List<Block> latches) {
        Set<Block> body = new HashSet<>();
        body.add(header);
        ArrayDeque<Block> work = new ArrayDeque<>(latches);
        while (!work.isEmpty()) {
            Block block = work.pop();
            if (body.add(block)) {
                work.addAll(flow.predecessors(block));
            }
        }
        return body;
    }

    private boolean dominates(Block a, Block b) {
        int above = position.get(a);
        int walk = position.get(b);
        while (walk > above) {
            walk = dominator[walk];
        }
        return walk == above;
    }

    /** Cooper, Harvey and Kennedy's iteration over reverse postorder, with a root above the roots. */
    private int[] dominators(List<Block> order) {
        int[] idom = new int[order.size()];
        java.util.Arrays.fill(idom, Integer.MIN_VALUE);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int index = 0; index < order.size(); index++) {
                Block block = order.get(index);
                int chosen = Integer.MIN_VALUE;
                if (flow.isRoot(block)) {
                    chosen = -1;
                } else {
                    for (Block predecessor : flow.predecessors(block)) {
                        int from = position.get(predecessor);
                        if (idom[from] == Integer.MIN_VALUE) {
                            continue;
                        }
                        chosen = chosen == Integer.MIN_VALUE ? from : intersect(idom, chosen, from);
                    }
                }
                if (chosen != idom[index]) {
                    idom[index] = chosen;
                    changed = true;
                }
            }
        }
        return idom;
    }

    private static int intersect(int[] idom, int a, int b) {
        while (a != b) {
            while (a > b) {
                a = idom[a];
            }
            while (b > a) {
                b = idom[b];
            }
        }
        return a;
    }
}
