package dev.pyjit.cli;

import dev.pyjit.frontend.CodeObject;
import dev.pyjit.frontend.Decoder;
import dev.pyjit.frontend.ExceptionTable;
import dev.pyjit.frontend.Instruction;
import dev.pyjit.frontend.IrBuilder;
import dev.pyjit.frontend.Opcode;
import dev.pyjit.frontend.Unsupported;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Printer;
import dev.pyjit.ir.Type;
import dev.pyjit.ir.passes.Pipeline;
import dev.pyjit.llvm.LlvmEmitter;
import dev.pyjit.llvm.Target;
import dev.pyjit.llvm.Tier;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints the stages of one function. The text is stable (no addresses, nothing hash-ordered), so two
 * versions of pyjit can be diffed. A stage the compiler does not reach prints why; the status is then 3.
 */
final class Dumper {
    static final int NOT_COMPILED = 3;

    private final PrintStream out;
    private final Target target;
    private final Tier tier;
    private LlvmEmitter emitter;

    /** {@code target} is the machine and {@code tier} the tier of the llvm, llvm-opt and asm stages. */
    Dumper(PrintStream out, Target target, Tier tier) {
        this.out = out;
        this.target = target;
        this.tier = tier;
    }

    /**
     * Prints the stages, in pipeline order, of one function taken once through the pipeline,
     * specialised for {@code argumentTypes} (the first positional arguments; none: generic).
     */
    int dump(String name, CodeObject code, Set<Stage> stages, List<Type> argumentTypes) {
        return dump(heading(name, argumentTypes), code, stages, () -> IrBuilder.build(code, argumentTypes));
    }

    /**
     * Prints the stages of the on-stack replacement entered at the loop header at byte offset
     * {@code header}, with the first locals of {@code argumentTypes} and the others of any type.
     */
    int dumpMidFrame(String name, CodeObject code, Set<Stage> stages, List<Type> argumentTypes, int header) {
        List<Type> locals = new ArrayList<>(argumentTypes);
        while (locals.size() < code.localNames().size()) {
            locals.add(Type.OBJECT);
        }
        return dump(heading(name, argumentTypes) + " (loop at line " + code.lineAt(header) + ")", code, stages,
                () -> IrBuilder.buildMidFrame(code, header, locals));
    }

    /** The byte offset of the innermost loop header on this line (a JUMP_BACKWARD's target), -1 if there is none. */
    static int loopHeader(CodeObject code, int line) {
        return Decoder.decode(code).stream().filter(instruction -> instruction.opcode() == Opcode.JUMP_BACKWARD)
                .mapToInt(Instruction::jumpTarget).filter(target -> code.lineAt(target) == line).max().orElse(-1);
    }

    private static String heading(String name, List<Type> argumentTypes) {
        return argumentTypes.isEmpty() ? name
                : name + "(" + argumentTypes.stream().map(Type::pythonName).collect(Collectors.joining(", ")) + ")";
    }

    private interface Builder {
        Function build() throws Unsupported;
    }

    private int dump(String heading, CodeObject code, Set<Stage> stages, Builder builder) {
        Function function = null;
        Stage reached = Stage.bytecode;
        for (Stage stage : stages) {
            out.println("=== " + heading + ": " + stage + " ===");
            try {
                if (stage != Stage.bytecode && function == null) {
                    function = builder.build();
                    reached = Stage.ir;
                }
                if (stage.compareTo(Stage.typed) >= 0 && reached.compareTo(Stage.typed) < 0) {
                    Pipeline.run(function, Pipeline.TYPING);
                    reached = Stage.typed;
                }
                if (stage.compareTo(Stage.opt) >= 0 && reached.compareTo(Stage.opt) < 0) {
                    Pipeline.run(function, Pipeline.OPTIMISATION);
                    reached = Stage.opt;
                }
                out.print(switch (stage) {
                    case bytecode -> bytecode(code);
                    case ir -> Printer.print(function);
                    case typed, opt -> Printer.printTyped(function);
                    case llvm -> emitter().llvmText(function, compiledTier(function), false) + "\n";
                    case llvm_opt -> emitter().llvmText(function, compiledTier(function), true) + "\n";
                    case asm -> emitter().assembly(function, compiledTier(function));
                });
            } catch (Unsupported unsupported) {
                out.println("not compiled: " + unsupported.getMessage() + " (reached: " + reached + ")");
                return NOT_COMPILED;
            } catch (IOException | RuntimeException failure) {
                out.println("not compiled: compiler error: " + failure.getMessage() + " (reached: " + reached + ")");
                return NOT_COMPILED;
            }
        }
        return 0;
    }

    /** The tier the JIT compiles the function at: the one asked for, unless it is too large to optimise. */
    private Tier compiledTier(Function function) {
        return LlvmEmitter.tierFor(function, tier);
    }

    private LlvmEmitter emitter() throws IOException {
        if (emitter == null) {
            emitter = new LlvmEmitter(target);
        }
        return emitter;
    }

    static String bytecode(CodeObject code) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%s  (%s, line %d, %d arguments, flags 0x%x)%n", code.qualifiedName(), code.fileName(),
                code.firstLine(), code.argCount(), code.flags()));
        int line = -2;
        for (Instruction instruction : Decoder.decode(code)) {
            String lineColumn = instruction.line() != line ? String.format("%4s", instruction.line() < 0 ? "--" : instruction.line()) : "    ";
            line = instruction.line();
            text.append(String.format("%s %6d %-24s %5d%s%s%n", lineColumn, instruction.offset(), instruction.opcode(), instruction.argument(),
                    instruction.opcode().caches > 0 ? "  (" + instruction.opcode().caches + " caches)" : "",
                    instruction.jumpTarget() >= 0 ? "  -> " + instruction.jumpTarget() : ""));
        }
        List<ExceptionTable.Entry> handlers = ExceptionTable.parse(code.exceptionTable());
        if (!handlers.isEmpty()) {
            text.append("exception table:\n");
            for (ExceptionTable.Entry entry : handlers) {
                text.append(String.format("  %d to %d -> %d [%d]%s%n", entry.start(), entry.end(), entry.target(), entry.depth(),
                        entry.pushLastInstruction() ? " lasti" : ""));
            }
        }
        return text.toString();
    }
}
