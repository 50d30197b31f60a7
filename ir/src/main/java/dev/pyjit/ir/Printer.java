package dev.pyjit.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a function as stable text, the form golden tests compare:
 * <pre>
 * bb1(v3:Int):  # offset 24
 *   v5:Object = BinaryOp&lt;ADD&gt; v3 v4  @24 owns[v3 v4]
 *   Branch IS_TRUE v6 -&gt; bb2(v3), bb3()
 * </pre>
 * An instruction that can raise shows its bytecode offset and the values released if it does.
 */
public final class Printer {
    private final boolean showTypes;

    private Printer(boolean showTypes) {
        this.showTypes = showTypes;
    }

    public static String print(Function function) {
        return new Printer(false).function(function);
    }

    public static String printTyped(Function function) {
        return new Printer(true).function(function);
    }

    private String function(Function function) {
        StringBuilder out = new StringBuilder("function ").append(function.name())
                .append(function.entersMidFrame() ? " entered mid-frame" : "")
                .append(function.seenIntArguments().isEmpty() ? "" : " ints seen " + function.seenIntArguments().stream().sorted()
                        .map(function::localName).collect(Collectors.joining(" ", "(", ")")))
                .append(" {\n");
        for (Block block : function.blocks()) {
            out.append(block);
            if (!block.parameters().isEmpty()) {
                out.append('(').append(block.parameters().stream().map(this::definition).collect(Collectors.joining(", "))).append(')');
            }
            out.append(':');
            if (!block.label().isEmpty()) {
                out.append("  # ").append(block.label());
            }
            out.append('\n');
            for (Instr instruction : block.instructions()) {
                out.append("  ").append(instruction(function, instruction)).append('\n');
                if (instruction instanceof Instr.Call call && call.inlined() != null) {
                    function(call.inlined().callee()).lines().forEach(line -> out.append("  | ").append(line).append('\n'));
                }
            }
            out.append("  ").append(terminator(block.terminator())).append('\n');
        }
        return out.append("}\n").toString();
    }

    private String definition(Value value) {
        return showTypes ? value + ":" + value.type() : value.toString();
    }

    private String instruction(Function function, Instr instruction) {
        StringBuilder out = new StringBuilder();
        if (instruction.result() != null) {
            out.append(definition(instruction.result())).append(" = ");
        }
        out.append(camelCase(instruction.op().name()));
        String immediates = instruction.immediates(function);
        if (!immediates.isEmpty()) {
            out.append('<').append(immediates).append('>');
        }
        for (Value operand : instruction.operands()) {
            out.append(' ').append(operand);
        }
        FrameState state = instruction.state();
        if (state != null) {
            out.append("  @").append(state.offset()).append(" owns").append(values(state.owned()));
            if (!state.borrowed().isEmpty()) {
                out.append(" borrows").append(values(state.borrowed()));
            }
            FrameState.Handler handler = state.handler();
            if (handler != null) {
                out.append(" handler@").append(handler.target()).append(" keeps ").append(handler.depth())
                        .append(handler.pushLastInstruction() ? " lasti" : "");
            }
            out.append(locals(function, state.locals()));
            if (!state.known().isEmpty()) {
                out.append(" known[").append(state.known().stream().map(local -> function.localName(local.slot()) + "=" + local.value())
                        .collect(Collectors.joining(" "))).append(']');
            }
        }
        ResumeState resume = instruction.resume();
        if (resume != null && showTypes && instruction.speculates()) {
            out.append("  resume@").append(resume.offset()).append(values(resume.stack()));
            if (!resume.released().isEmpty()) {
                out.append(" releases").append(values(resume.released()));
            }
            if (!resume.borrowed().isEmpty()) {
                out.append(" borrows").append(values(resume.borrowed()));
            }
            if (!(instruction.state() != null && instruction.state().locals().equals(resume.locals()))) {
                out.append(locals(function, resume.locals()));
            }
        }
        return out.toString();
    }

    private static String terminator(Terminator terminator) {
        if (terminator == null) {
            return "<no terminator>";
        }
        if (terminator instanceof Terminator.Jump jump) {
            return "Jump " + edge(jump.edge());
        }
        if (terminator instanceof Terminator.Branch branch) {
            return "Branch " + branch.condition() + " " + branch.operand() + " -> " + edge(branch.ifTrue()) + ", " + edge(branch.ifFalse());
        }
        if (terminator instanceof Terminator.Unreachable) {
            return "Unreachable";
        }
        if (terminator instanceof Terminator.Yield yield) {
            return "Yield" + (yield.oparg() != 0 ? "<from>" : "") + " " + yield.value() + " keeps" + values(yield.stack())
                    + " resume@" + yield.resumeOffset();
        }
        if (terminator instanceof Terminator.ResumeDispatch dispatch) {
            StringBuilder out = new StringBuilder("ResumeDispatch");
            for (int i = 0; i < dispatch.offsets().size(); i++) {
                out.append(i == 0 ? " " : ", ").append('@').append(dispatch.offsets().get(i)).append(" -> ").append(dispatch.targets().get(i));
            }
            return out.toString();
        }
        return "Return " + ((Terminator.Return) terminator).value();
    }

    private static String edge(Terminator.Edge edge) {
        return edge.target() + "(" + edge.arguments().stream().map(Value::toString).collect(Collectors.joining(" ")) + ")";
    }

    /** Virtual locals as {@code  locals[x=v3 y=v7/v8]} (v8: v7's companion), or nothing. */
    private static String locals(Function function, List<VirtualLocal> locals) {
        if (locals.isEmpty()) {
            return "";
        }
        return " locals[" + locals.stream().map(local -> function.localName(local.slot()) + "=" + local.value()
                + (local.companion() == null ? "" : "/" + local.companion()))
                .collect(Collectors.joining(" ")) + "]";
    }

    private static String values(List<Value> values) {
        return "[" + values.stream().map(Value::toString).collect(Collectors.joining(" ")) + "]";
    }

    static String camelCase(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return out.toString();
    }
}
