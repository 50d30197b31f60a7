package dev.pyjit.ir;

import java.util.List;
import java.util.function.UnaryOperator;

/** How a block ends. Edges pass arguments to the target block's parameters (no phi nodes). */
public sealed interface Terminator {
    List<Edge> edges();

    List<Value> operands();

    Terminator mapOperands(UnaryOperator<Value> f);

    record Edge(Block target, List<Value> arguments) {
        public Edge {
            arguments = List.copyOf(arguments);
        }

        Edge map(UnaryOperator<Value> f) {
            return new Edge(target, arguments.stream().map(f).toList());
        }
    }

    /** What a two-way branch tests. */
    enum Condition {
        /** The operand is exactly True (the operand is an exact bool). */
        IS_TRUE,
        IS_NONE,
        /** The operand is C NULL (FOR_ITER's exhausted iterator). */
        IS_NULL
    }

    record Jump(Edge edge) implements Terminator {
        public List<Edge> edges() { return List.of(edge); }
        public List<Value> operands() { return edge.arguments(); }
        public Terminator mapOperands(UnaryOperator<Value> f) { return new Jump(edge.map(f)); }
    }

    record Branch(Condition condition, Value operand, Edge ifTrue, Edge ifFalse) implements Terminator {
        public List<Edge> edges() { return List.of(ifTrue, ifFalse); }
        public List<Value> operands() {
            List<Value> all = new java.util.ArrayList<>(List.of(operand));
            all.addAll(ifTrue.arguments());
            all.addAll(ifFalse.arguments());
            return all;
        }
        public Terminator mapOperands(UnaryOperator<Value> f) { return new Branch(condition, f.apply(operand), ifTrue.map(f), ifFalse.map(f)); }
    }

    /** Control never gets here: the block's last instruction always raises (RAISE). */
    record Unreachable() implements Terminator {
        public List<Edge> edges() { return List.of(); }
        public List<Value> operands() { return List.of(); }
        public Terminator mapOperands(UnaryOperator<Value> f) { return this; }
    }

    /**
     * Returns the operand, a reference that the return takes over. {@code offset} is the bytecode
     * offset of the RETURN_VALUE or RETURN_CONST (-1: none, in IR built by hand): a frame object
     * that outlives the frame (sys._getframe) reports that line, as the interpreter's does.
     */
    record Return(Value value, int offset) implements Terminator {
        public Return(Value value) {
            this(value, -1);
        }
        public List<Edge> edges() { return List.of(); }
        public List<Value> operands() { return List.of(value); }
        public Terminator mapOperands(UnaryOperator<Value> f) { return new Return(f.apply(value), offset); }
    }

    /**
     * YIELD_VALUE: the generator's frame is suspended with {@code stack} (bottom first, references
     * the frame takes over) and {@code value} goes to whoever resumed it. The next resumption
     * enters at {@code resumeOffset} through the entry block's {@link ResumeDispatch}.
     * {@code oparg} 1 marks a yield inside {@code yield from} or {@code await}.
     */
    record Yield(Value value, List<Value> stack, int resumeOffset, int oparg) implements Terminator {
        public Yield {
            stack = List.copyOf(stack);
        }
        public List<Edge> edges() { return List.of(); }
        public List<Value> operands() {
            List<Value> all = new java.util.ArrayList<>(stack);
            all.add(value);
            return all;
        }
        public Terminator mapOperands(UnaryOperator<Value> f) {
            return new Yield(f.apply(value), stack.stream().map(f).toList(), resumeOffset, oparg);
        }
    }

    /**
     * The entry of a generator's code: the frame goes on at the bytecode offset it was suspended
     * at, through the target of that offset (whose instructions take the suspended value stack);
     * at any other offset the interpreter runs it.
     */
    record ResumeDispatch(List<Integer> offsets, List<Block> targets) implements Terminator {
        public ResumeDispatch {
            offsets = List.copyOf(offsets);
            targets = List.copyOf(targets);
        }
        public List<Edge> edges() { return targets.stream().map(target -> new Edge(target, List.of())).toList(); }
        public List<Value> operands() { return List.of(); }
        public Terminator mapOperands(UnaryOperator<Value> f) { return this; }
    }
}
