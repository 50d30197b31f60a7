package dev.pyjit.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A function in the IR: its blocks (the first is the entry), and the names that make the printed
 * IR readable (locals, globals/attributes, constants' reprs). Values and blocks are created here
 * so their numbers are dense and stable.
 */
public final class Function {
    private final String name;
    private final int argumentSlots;
    private final List<String> localNames;
    private final List<String> names;
    private final List<String> constantReprs;
    private final List<Block> blocks = new ArrayList<>();
    private SourceLines source = SourceLines.NONE;
    private final Map<Integer, Double> floatConstants = new HashMap<>();
    private final Map<Integer, Long> intConstants = new HashMap<>();
    private final java.util.Set<Value> virtualLocalParameters = new java.util.HashSet<>();
    private java.util.Set<Integer> seenIntArguments = java.util.Set.of();
    private final java.util.Set<Value> loadsOnEdges = new java.util.HashSet<>();
    private int nextValue;
    private List<Type> entryLocalTypes;

    /**
     * @param argumentSlots how many of the first local slots hold arguments on entry (positional,
     *                      keyword-only, *args, **kwargs); the others start unbound
     */
    public Function(String name, int argumentSlots, List<String> localNames, List<String> names, List<String> constantReprs) {
        this.name = name;
        this.argumentSlots = argumentSlots;
        this.localNames = List.copyOf(localNames);
        this.names = List.copyOf(names);
        this.constantReprs = List.copyOf(constantReprs);
    }

    public String name() {
        return name;
    }

    public SourceLines source() {
        return source;
    }

    public void setSource(SourceLines source) {
        this.source = source;
    }

    /** Records that constant {@code index} is a float, with its exact value. */
    public void setFloatConstant(int index, double value) {
        floatConstants.put(index, value);
    }

    /** Records that constant {@code index} is an int that fits in 64 bits, with its value. */
    public void setIntConstant(int index, long value) {
        intConstants.put(index, value);
    }

    /** The value of constant {@code index} if it is an int that fits in 64 bits. */
    public java.util.OptionalLong intConstant(int index) {
        Long value = intConstants.get(index);
        return value == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(value);
    }

    /** The exact value of constant {@code index} if it is a float. */
    public OptionalDouble floatConstant(int index) {
        Double value = floatConstants.get(index);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * Marks this as the code of an on-stack replacement: it takes over a frame the interpreter is
     * running, at a loop header (the entry block's {@link Terminator.ResumeDispatch}), and hands it
     * back to the interpreter wherever it stops, even at a return. {@code types}: what each local
     * slot held when the frame was seen (Null: unbound); loads check them like any speculation.
     * Each may also be unbound where the code is entered: a later call reaches the loop header
     * before it assigned every local the seen one had (the first time round an outer loop, say).
     */
    public void enterMidFrame(List<Type> types) {
        this.entryLocalTypes = types.stream().map(type -> type.union(Type.NULL)).toList();
    }

    public boolean entersMidFrame() {
        return entryLocalTypes != null;
    }

    /**
     * The positional arguments that were exact ints on every call seen before the code was
     * compiled: not guarded on entry (a check at every load of them would cost more than it
     * pays), but where one meets an operation the interpreter never specialises, the operation
     * may guard it (SpeculateIntOperands).
     */
    public void seenInts(java.util.Set<Integer> slots) {
        seenIntArguments = java.util.Set.copyOf(slots);
    }

    public boolean seenInt(int slot) {
        return seenIntArguments.contains(slot);
    }

    public java.util.Set<Integer> seenIntArguments() {
        return seenIntArguments;
    }

    /** The type slot {@code slot} holds where compiled code starts: an argument is any object, another local is unbound. */
    public Type entryType(int slot) {
        if (entryLocalTypes != null) {
            return slot < entryLocalTypes.size() ? entryLocalTypes.get(slot) : Type.BOTTOM;
        }
        return slot < argumentSlots ? Type.OBJECT : Type.BOTTOM;
    }

    public int argumentSlots() {
        return argumentSlots;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public Block entry() {
        return blocks.get(0);
    }

    public Block newBlock(String label) {
        Block block = new Block(blocks.size(), label);
        blocks.add(block);
        return block;
    }

    public Value newValue(Type type) {
        return new Value(nextValue++, type);
    }

    public Value addParameter(Block block, Type type) {
        Value value = newValue(type);
        block.parameters.add(value);
        return value;
    }

    /**
     * Block parameters that carry a virtual local into their block: each owns a reference of its
     * own (none for an unboxed double), which the block releases, writes to the frame or passes on.
     */
    public java.util.Set<Value> virtualLocalParameters() {
        return virtualLocalParameters;
    }

    /**
     * Objects PromoteLocals loads from the frame on an edge into a merge that carries the local as
     * virtual: each load's resume state releases its own object (the interpreter resumes at the
     * merge), so an unbox right after it can resume with the same state.
     */
    public java.util.Set<Value> loadsOnEdges() {
        return loadsOnEdges;
    }

    /** The frame's localsplus slots: locals, cells and free variables. */
    public int slotCount() {
        return localNames.size();
    }

    public String localName(int slot) {
        return slot < localNames.size() ? localNames.get(slot) : "$" + slot;
    }

    public String name(int index) {
        return index < names.size() ? names.get(index) : "#" + index;
    }

    String constantRepr(int index) {
        return index < constantReprs.size() ? constantReprs.get(index) : "#" + index;
    }

    /** Rewrites every use (operands, frame states, edge arguments) of each key of {@code replacement}. */
    public void replaceUses(Map<Value, Value> replacement) {
        java.util.function.UnaryOperator<Value> map = value -> replacement.getOrDefault(value, value);
        for (Block block : blocks) {
            block.instructions.replaceAll(instruction -> instruction.mapOperands(map));
            block.setTerminator(block.terminator().mapOperands(map));
        }
    }
}
