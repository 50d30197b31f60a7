package dev.pyjit.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block: parameters (the value stack on entry, as block arguments instead of phis),
 * straight-line instructions, and one terminator.
 */
public final class Block {
    private final int id;
    private final String label;
    final List<Value> parameters = new ArrayList<>();
    final List<Instr> instructions = new ArrayList<>();
    private Terminator terminator;
    private int bytecodeOffset = -1;
    private int storedOnEntry = -1;

    Block(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    /** What the block stands for, e.g. its bytecode offset; printed as a comment. */
    public String label() {
        return label;
    }

    /** The bytecode offset the block starts at, where the interpreter could take over on entry; -1 if it starts at none. */
    public int bytecodeOffset() {
        return bytecodeOffset;
    }

    public void setBytecodeOffset(int offset) {
        this.bytecodeOffset = offset;
    }

    /**
     * The local whose store the block starts just after, or -1: the interpreter takes over here
     * by running that store again, at {@link #bytecodeOffset}, with the local's value on top of
     * the block's stack (a loop body that passes made and stored its variable on two ways in).
     */
    public int storedOnEntry() {
        return storedOnEntry;
    }

    public void resumeAtStore(int offset, int slot) {
        this.bytecodeOffset = offset;
        this.storedOnEntry = slot;
    }

    public List<Value> parameters() {
        return parameters;
    }

    public List<Instr> instructions() {
        return instructions;
    }

    public Terminator terminator() {
        return terminator;
    }

    public void setTerminator(Terminator terminator) {
        this.terminator = terminator;
    }

    public void add(Instr instruction) {
        instructions.add(instruction);
    }

    /**
     * Where this very instruction is in the block, or -1. Instructions are records, whose equality
     * compares every component (frame states and all); two are never to be taken for one another.
     */
    public int indexOf(Instr instruction) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i) == instruction) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "bb" + id;
    }
}
