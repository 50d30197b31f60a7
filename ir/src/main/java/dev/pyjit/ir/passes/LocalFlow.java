package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Terminator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The control flow {@link PromoteLocals} works on, and the slots it promotes: blocks in reverse
 * postorder from the roots (the function's entry and its exception handlers' blocks, entered with
 * every local in the frame), each block's predecessors, the merges and the loop headers.
 */
final class LocalFlow {
    private final Function function;
    private final boolean[] promoted;
    private final boolean[] deferrable;
    private final boolean[] numbersOnly;
    private final Set<Block> roots = new LinkedHashSet<>();
    private final List<Block> order;
    private final Map<Block, List<Block>> predecessors = new HashMap<>();
    /** Each loop header's latches: the blocks whose back edges jump to it. */
    private final Map<Block, List<Block>> latches = new HashMap<>();

    LocalFlow(Function function, boolean[] promoted, boolean[] deferrable, boolean[] numbersOnly) {
        this.function = function;
        this.promoted = promoted;
        this.deferrable = deferrable;
        this.numbersOnly = numbersOnly;
        roots.add(function.entry());
        roots.addAll(handlerBlocks(function));
        this.order = reversePostorder(roots);
        Map<Block, Integer> position = new HashMap<>();
        for (Block block : order) {
            position.put(block, position.size());
        }
        for (Block block : order) {
            for (Terminator.Edge edge : block.terminator().edges()) {
                predecessors.computeIfAbsent(edge.target(), b -> new ArrayList<>()).add(block);
                if (position.get(edge.target()) <= position.get(block)) {
                    latches.computeIfAbsent(edge.target(), b -> new ArrayList<>()).add(block);
                }
            }
        }
    }

    /** The blocks that exceptions raised inside a try go to. */
    static Set<Block> handlerBlocks(Function function) {
        Set<Block> handlers = new LinkedHashSet<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                if (instruction.state() != null && instruction.state().handler() != null) {
                    handlers.add(instruction.state().handler().block());
                }
            }
        }
        return handlers;
    }

    Function function() {
        return function;
    }

    List<Block> order() {
        return order;
    }

    List<Block> predecessors(Block block) {
        return predecessors.getOrDefault(block, List.of());
    }

    boolean isRoot(Block block) {
        return roots.contains(block);
    }

    /** A block reached otherwise than from exactly one predecessor's end (a root excepted). */
    boolean isMerge(Block block) {
        return !roots.contains(block) && predecessors(block).size() != 1;
    }

    /** The blocks whose back edges jump to the loop header (none for other blocks). */
    List<Block> latches(Block header) {
        return latches.getOrDefault(header, List.of());
    }

    int slots() {
        return promoted.length;
    }

    boolean promoted(int slot) {
        return slot < promoted.length && promoted[slot];
    }

    /** Whether a store to the slot can stay out of the frame until the next write: its old object's release runs no code. */
    boolean deferrable(int slot) {
        return deferrable[slot];
    }

    /**
     * Whether the slot is promoted and never holds anything but floats, or anything but ints: where
     * it may still be unbound, a load reads the runtime's unbound number instead (LoadLocal's
     * orUnbound).
     */
    boolean numbersOnly(int slot) {
        return numbersOnly[slot];
    }

    private static List<Block> reversePostorder(Set<Block> roots) {
        List<Block> postorder = new ArrayList<>();
        Set<Block> seen = new HashSet<>();
        for (Block root : roots) {
            visit(root, seen, postorder);
        }
        Collections.reverse(postorder);
        return postorder;
    }

    private static void visit(Block block, Set<Block> seen, List<Block> postorder) {
        if (!seen.add(block)) {
            return;
        }
        for (Terminator.Edge edge : block.terminator().edges()) {
            visit(edge.target(), seen, postorder);
        }
        postorder.add(block);
    }
}
