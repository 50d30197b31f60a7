package dev.pyjit.ir.passes;

import dev.pyjit.ir.Block;
import dev.pyjit.ir.Instr;
import dev.pyjit.ir.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Where each local is on entry to each merge of the control flow, for {@link PromoteLocals}. */
final class MergeKinds {
    /** Rounds of merge decisions with loads on edges before they are made without. */
    private static final int MERGE_ROUNDS = 20;

    private final LocalFlow flow;
    private final Map<Block, LocalKind[]> merges = new HashMap<>();

    MergeKinds(LocalFlow flow) {
        this.flow = flow;
    }

    /**
     * What each slot is on entry to each merge. A local that is virtual on some incoming path is
     * virtual; the paths that have it in the frame load it there, on their edge, if it is bound on
     * every way to that edge (or only ever holds floats or ints, see {@link LocalFlow#numbersOnly}) and the
     * interpreter could take over at the merge (that load checks the type inference gave it): a
     * number temporary that a loop computes afresh each time round goes around it unboxed, though
     * it is unbound on the way in, and a loop entered after a call (the frame is the truth then)
     * still carries the locals it computes, and writes them to the frame where it leaves. A local
     * the frame has on some path that cannot load it is in the frame (the other paths write it
     * there); one known on every path is known. So is one a loop's back edges carry known while
     * its way in has it in the frame, loadable: the loop reads a list it indexes once, on the
     * way in, not each time round. A back edge counts with what it carried in the
     * round before, so this repeats until nothing changes; if that takes too long, the decisions
     * are made again without loads on edges, where a decision only ever moves from known to
     * virtual to frame, so it ends. The entry has every local in the frame, whatever jumps back to it.
     *
     * <p>A known local is a pointer borrowed from the frame. A loop's back edge passes an
     * eval-breaker poll, which can run code (a signal handler) that rebinds the local through
     * f_locals and frees the object: the poll checks the slots of the locals it borrows after
     * such code ran ({@link dev.pyjit.ir.FrameState#known}).
     */
    Map<Block, LocalKind[]> decide() {
        if (!decide(true)) {
            merges.clear();
            decide(false);
        }
        return merges;
    }

    private boolean decide(boolean loadOnEdges) {
        Map<Block, boolean[]> bound = loadOnEdges ? boundAtExits() : Map.of();
        LocalKind[] inFrame = new LocalKind[flow.slots()];
        Arrays.fill(inFrame, LocalKind.FRAME);
        if (!flow.predecessors(flow.function().entry()).isEmpty()) {
            merges.put(flow.function().entry(), inFrame);
        }
        Map<Block, LocalKind[]> exitKinds = new HashMap<>();
        boolean changed = true;
        for (int round = 0; changed; round++) {
            if (loadOnEdges && round == MERGE_ROUNDS) {
                return false;
            }
            changed = false;
            for (Block block : flow.order()) {
                LocalKind[] kinds;
                if (flow.isRoot(block)) {
                    kinds = inFrame.clone();
                } else if (!flow.isMerge(block)) {
                    kinds = exitKinds.get(flow.predecessors(block).get(0)).clone();
                } else {
                    LocalKind[] decided = merges.get(block);
                    LocalKind[] now = loadOnEdges ? merged(block, exitKinds, bound) : folded(block, decided, exitKinds);
                    if (decided == null || !Arrays.equals(decided, now)) {
                        merges.put(block, now);
                        changed = true;
                    }
                    kinds = now.clone();
                }
                exitKinds.put(block, transferKinds(block, kinds));
            }
        }
        return true;
    }

    private LocalKind[] folded(Block block, LocalKind[] decided, Map<Block, LocalKind[]> exitKinds) {
        LocalKind[] now = decided == null ? null : decided.clone();
        for (Block predecessor : flow.predecessors(block)) {
            LocalKind[] incoming = exitKinds.get(predecessor);
            if (incoming != null) {
                now = now == null ? incoming.clone() : widest(now, incoming);
            }
        }
        return now;
    }

    private LocalKind[] merged(Block block, Map<Block, LocalKind[]> exitKinds, Map<Block, boolean[]> bound) {
        LocalKind[] result = new LocalKind[flow.slots()];
        boolean resumable = block.bytecodeOffset() >= 0 && (block.storedOnEntry() < 0 || everyWay(block, exitKinds, block.storedOnEntry()));
        for (int slot = 0; slot < result.length; slot++) {
            boolean virtual = false;
            boolean inFrame = false;
            boolean loadable = flow.promoted(slot) && resumable;
            for (Block predecessor : flow.predecessors(block)) {
                LocalKind[] incoming = exitKinds.get(predecessor);
                if (incoming == null) {
                    continue;
                }
                virtual |= incoming[slot] == LocalKind.VIRTUAL;
                if (incoming[slot] == LocalKind.FRAME) {
                    inFrame = true;
                    loadable &= bound.get(predecessor)[slot] || flow.numbersOnly(slot);
                }
            }
            if (!inFrame) {
                result[slot] = virtual ? LocalKind.VIRTUAL : LocalKind.KNOWN;
            } else if (loadable && virtual) {
                result[slot] = LocalKind.VIRTUAL;
            } else {
                result[slot] = loadable && knownAround(block, slot, exitKinds) ? LocalKind.KNOWN : LocalKind.FRAME;
            }
        }
        return result;
    }

    /** Whether the block is a loop's header whose back edges, one at least seen, all carry the local known. */
    private boolean knownAround(Block header, int slot, Map<Block, LocalKind[]> exitKinds) {
        boolean seen = false;
        for (Block latch : flow.latches(header)) {
            LocalKind[] carried = exitKinds.get(latch);
            if (carried != null) {
                if (carried[slot] != LocalKind.KNOWN) {
                    return false;
                }
                seen = true;
            }
        }
        return seen;
    }

    /**
     * Whether the local is virtual on every way into the block: where the interpreter would take
     * over by storing it again, compiled code has a reference of its own to hand it.
     */
    private boolean everyWay(Block block, Map<Block, LocalKind[]> exitKinds, int slot) {
        return flow.predecessors(block).stream().map(exitKinds::get)
                .allMatch(incoming -> incoming == null || incoming[slot] == LocalKind.VIRTUAL);
    }

    /**
     * The slots bound at each block's end on every way there: the arguments (an on-stack
     * replacement's locals that were bound where it was asked for may be unbound where it is
     * entered), and slots stored on every path.
     */
    private Map<Block, boolean[]> boundAtExits() {
        Map<Block, boolean[]> bound = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block block : flow.order()) {
                boolean[] now = new boolean[flow.slots()];
                if (flow.isRoot(block)) {
                    for (int slot = 0; slot < now.length; slot++) {
                        Type onEntry = flow.function().entryType(slot);
                        now[slot] = !onEntry.isBottom() && !onEntry.maybeNull();
                    }
                } else {
                    Arrays.fill(now, true);
                    for (Block predecessor : flow.predecessors(block)) {
                        boolean[] incoming = bound.get(predecessor);
                        for (int slot = 0; incoming != null && slot < now.length; slot++) {
                            now[slot] &= incoming[slot];
                        }
                    }
                }
                for (Instr instruction : block.instructions()) {
                    if (instruction instanceof Instr.StoreLocal store && flow.promoted(store.slot())) {
                        now[store.slot()] = true;
                    }
                }
                if (!Arrays.equals(now, bound.get(block))) {
                    bound.put(block, now);
                    changed = true;
                }
            }
        }
        return bound;
    }

    private static LocalKind[] widest(LocalKind[] a, LocalKind[] b) {
        LocalKind[] result = new LocalKind[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[i] == LocalKind.FRAME || b[i] == LocalKind.FRAME ? LocalKind.FRAME
                    : a[i] == LocalKind.VIRTUAL || b[i] == LocalKind.VIRTUAL ? LocalKind.VIRTUAL : LocalKind.KNOWN;
        }
        return result;
    }

    /** The kinds at the block's end, as PromoteLocals' rewrite will make them. */
    private LocalKind[] transferKinds(Block block, LocalKind[] kinds) {
        for (Instr instruction : block.instructions()) {
            if (instruction instanceof Instr.LoadLocal load && flow.promoted(load.slot())) {
                if (kinds[load.slot()] == LocalKind.FRAME) {
                    kinds[load.slot()] = LocalKind.KNOWN;
                }
            } else if (instruction instanceof Instr.StoreLocal store && flow.promoted(store.slot())) {
                kinds[store.slot()] = kinds[store.slot()] == LocalKind.VIRTUAL || flow.deferrable(store.slot()) ? LocalKind.VIRTUAL : LocalKind.KNOWN;
            } else if (PromoteLocals.runsCode(instruction)) {
                Arrays.fill(kinds, LocalKind.FRAME);
            }
        }
        return kinds;
    }
}
