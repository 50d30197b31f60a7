package dev.pyjit.ir;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the IR's invariants; run after the builder and after every pass.
 * <ol>
 *   <li>Every block has a terminator, and the entry block has no parameters.</li>
 *   <li>Every value is defined once (instruction result or block parameter).</li>
 *   <li>Every operand, edge argument, frame-state and resume-state value is defined somewhere in the function.</li>
 *   <li>An edge passes exactly as many arguments as its target has parameters; so does the
 *       exceptional edge to a handler's block (kept stack, lasti if pushed, exception).</li>
 *   <li>An instruction carries a frame state exactly when its kind can raise.</li>
 *   <li>Every edge targets a block of this function.</li>
 *   <li>A block parameter holds objects (or NULL) or is one unboxed machine type, never a mix; an
 *       unboxed number crosses an edge only into a parameter of its type, never into a handler's block.</li>
 *   <li>Argument guards come first in the entry block (a failed one hands the call over untouched)
 *       and check argument slots.</li>
 *   <li>A method's self is read in the block where its method was loaded, by a load that finds a self
 *       (lowering passes it from the one to the other); so is whether a send returned.</li>
 *   <li>Only the entry block dispatches to resume points, and each of them is a block of its own, reached from nowhere else.</li>
 *   <li>A body inlined into a call verifies, and is one that may be inlined ({@link Inlinability}).
 *       A call's result is a machine number only where its body returns numbers of that machine type.</li>
 *   <li>A subscript takes an unboxed index only from an exact list or tuple, an item store only into an exact list.</li>
 * </ol>
 */
public final class Verifier {
    private Verifier() {}

    private static boolean returnsOnly(Function body, Type type) {
        return body.blocks().stream().allMatch(block -> !(block.terminator() instanceof Terminator.Return exit) || exit.value().type().equals(type));
    }

    public static void verify(Function function) {
        Set<Value> defined = new HashSet<>();
        Set<Block> blocks = new HashSet<>(function.blocks());
        if (!function.entry().parameters().isEmpty()) {
            fail(function, "entry block has parameters");
        }
        for (Block block : function.blocks()) {
            for (Value parameter : block.parameters()) {
                define(function, defined, parameter);
                Type machine = Type.CDOUBLE.union(Type.CINT64);
                if (!parameter.type().intersect(machine).isBottom() && !parameter.type().isUnboxed()) {
                    fail(function, block + ": parameter " + parameter + " is an object or an unboxed number");
                }
            }
            boolean guardsAllowed = block == function.entry();
            Set<Value> methodsLoaded = new HashSet<>();
            Set<Value> sends = new HashSet<>();
            Instr previous = null;
            for (Instr instruction : block.instructions()) {
                if (findsSelf(instruction)) {
                    methodsLoaded.add(instruction.result());
                }
                if (instruction instanceof Instr.MethodSelf self && !methodsLoaded.contains(self.method())) {
                    fail(function, block + ": " + self.result() + " reads no method loaded before it in its block");
                }
                if (instruction instanceof Instr.Send) {
                    sends.add(instruction.result());
                }
                if (instruction instanceof Instr.SendReturned returned && !sends.contains(returned.send())) {
                    fail(function, block + ": " + returned.result() + " reads no send before it in its block");
                }
                if (instruction instanceof Instr.PairSecond second
                        && !(previous instanceof Instr.ForIterPair pair && pair.result().equals(second.pair()))) {
                    fail(function, block + ": " + second.result() + " does not follow the pair it reads");
                }
                previous = instruction;
                if (instruction instanceof Instr.GuardArgument guard) {
                    if (!guardsAllowed) {
                        fail(function, block + ": an argument guard after other instructions");
                    }
                    if (guard.slot() >= function.argumentSlots()) {
                        fail(function, "a guard on slot " + guard.slot() + ", which is not an argument");
                    }
                }
                guardsAllowed &= instruction.op() == Op.GUARD_ARGUMENT;
                if (instruction.result() != null) {
                    define(function, defined, instruction.result());
                }
                if ((instruction.state() != null) != instruction.op().canRaise) {
                    fail(function, block + ": frame state does not match effects of " + instruction.op());
                }
                if (takesUnboxedIndex(instruction) && !instruction.op().indexesInline(instruction.operands().get(0).type())) {
                    fail(function, block + ": " + instruction.op() + " takes an unboxed index from a container of type "
                            + instruction.operands().get(0).type());
                }
                if (instruction instanceof Instr.Call call && call.inlined() != null) {
                    verify(call.inlined().callee());
                    String unfit = Inlinability.reason(call.inlined().callee());
                    if (unfit != null) {
                        fail(function, block + ": " + call.inlined().name() + " is inlined, but " + unfit);
                    }
                }
                if (instruction instanceof Instr.Call call && call.result().type().isUnboxed() && (call.inlined() == null
                        || !returnsOnly(call.inlined().callee(), call.result().type()) || call.resume() == null)) {
                    fail(function, block + ": " + call.result() + " is a machine number, but the call's body does not return one");
                }
            }
            if (block.terminator() == null) {
                fail(function, block + " has no terminator");
            }
        }
        Set<Block> resumeTargets = new HashSet<>();
        Set<Block> jumpTargets = new HashSet<>();
        for (Block block : function.blocks()) {
            for (Instr instruction : block.instructions()) {
                used(function, defined, block, instruction.operands());
                if (instruction.state() != null) {
                    used(function, defined, block, instruction.state().owned());
                    used(function, defined, block, instruction.state().borrowed());
                    used(function, defined, block, valuesOf(instruction.state().locals()));
                    FrameState.Handler handler = instruction.state().handler();
                    if (handler != null && handler.block().parameters().stream().anyMatch(p -> p.type().isUnboxed())) {
                        fail(function, block + ": the handler of " + instruction.op() + " takes an unboxed number");
                    }
                    if (handler != null && (!blocks.contains(handler.block()) || handler.block().parameters().size() != handler.entryDepth())) {
                        fail(function, block + ": the handler of " + instruction.op() + " is not a block of this function taking "
                                + handler.entryDepth() + " values");
                    }
                }
                if (instruction.resume() != null) {
                    used(function, defined, block, instruction.resume().stack());
                    used(function, defined, block, instruction.resume().released());
                    used(function, defined, block, instruction.resume().borrowed());
                    used(function, defined, block, valuesOf(instruction.resume().locals()));
                }
            }
            used(function, defined, block, block.terminator().operands());
            for (Terminator.Edge edge : block.terminator().edges()) {
                for (int i = 0; i < Math.min(edge.arguments().size(), edge.target().parameters().size()); i++) {
                    Type passed = edge.arguments().get(i).type();
                    Type parameter = edge.target().parameters().get(i).type();
                    if ((passed.isUnboxed() || parameter.isUnboxed()) && !passed.equals(parameter)) {
                        fail(function, block + ": " + edge.arguments().get(i) + " goes to " + edge.target() + "'s parameter "
                                + edge.target().parameters().get(i) + ", of another machine type or an object");
                    }
                }
            }
            if (block.terminator() instanceof Terminator.ResumeDispatch dispatch) {
                if (block != function.entry()) {
                    fail(function, block + " dispatches to resume points but is not the entry block");
                }
                resumeTargets.addAll(dispatch.targets());
            } else {
                block.terminator().edges().forEach(edge -> jumpTargets.add(edge.target()));
            }
            for (Terminator.Edge edge : block.terminator().edges()) {
                if (!blocks.contains(edge.target())) {
                    fail(function, block + " jumps to a block outside the function");
                }
                if (edge.arguments().size() != edge.target().parameters().size()) {
                    fail(function, block + " passes " + edge.arguments().size() + " arguments to " + edge.target()
                            + " which has " + edge.target().parameters().size() + " parameters");
                }
            }
        }
        checkResumeTargets(function, resumeTargets, jumpTargets);
    }

    private static void checkResumeTargets(Function function, Set<Block> resumeTargets, Set<Block> jumpTargets) {
        for (Block target : resumeTargets) {
            if (jumpTargets.contains(target) || target == function.entry()) {
                fail(function, target + " is a resume point and the target of a jump");
            }
        }
    }

    /** Whether the instruction loads a method together with the self to call it with. */
    private static boolean findsSelf(Instr instruction) {
        return instruction instanceof Instr.LoadMethod
                || instruction instanceof Instr.LoadSuperAttr superLoad && superLoad.methodForm();
    }

    private static void define(Function function, Set<Value> defined, Value value) {
        if (!defined.add(value)) {
            fail(function, value + " is defined twice");
        }
    }

    /** The values virtual locals name: each one's value, and its companion if it has one. */
    private static List<Value> valuesOf(List<VirtualLocal> locals) {
        List<Value> values = new java.util.ArrayList<>();
        for (VirtualLocal local : locals) {
            values.add(local.value());
            if (local.companion() != null) {
                values.add(local.companion());
            }
        }
        return values;
    }

    private static void used(Function function, Set<Value> defined, Block block, List<Value> values) {
        for (Value value : values) {
            if (!defined.contains(value)) {
                fail(function, block + " uses undefined " + value);
            }
        }
    }

    private static void fail(Function function, String message) {
        throw new IllegalStateException("invalid IR in " + function.name() + ": " + message + "\n" + Printer.print(function));
    }

    private static boolean takesUnboxedIndex(Instr instruction) {
        return switch (instruction.op()) {
            case SUBSCRIPT, STORE_SUBSCRIPT, STORE_SUBSCRIPT_FLOAT -> instruction.operands().get(1).type().isUnboxed();
            default -> false;
        };
    }
}
