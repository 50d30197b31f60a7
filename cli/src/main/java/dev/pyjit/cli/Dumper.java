package dev.pyjit.cli;

import dev.pyjit.frontend.CodeObject;
import dev.pyjit.frontend.Decoder;
import dev.pyjit.frontend.ExceptionTable;
import dev.pyjit.frontend.Instruction;
import dev.pyjit.frontend.IrBuilder;
import dev.pyjit.frontend.Unsupported;
import dev.pyjit.ir.Function;
import dev.pyjit.ir.Printer;
import dev.pyjit.ir.Verifier;
import dev.pyjit.ir.passes.Pipeline;
import dev.pyjit.llvm.NativeJit;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints the stages of one function. The text is stable (no addresses, nothing hash-ordered), so two
 * versions of pyjit can be diffed. A stage the compiler does not reach prints why; the status is then 3.
 */
final class Dumper {
    static final int NOT_COMPILED = 3;

    private final PrintStream out;
    private NativeJit backend;

    Dumper(PrintStream out) {
        this.out = out;
    }

    int dump(String name, CodeObject code, List<Stage> stages) {
        Function ir = null;
        Function typed = null;
        Function optimised = null;
        for (Stage stage : stages) {
            out.println("=== " + name + ": " + stage + " ===");
            if (stage == Stage.bytecode) {
                out.print(bytecode(code));
                continue;
            }
            try {
                if (ir == null) {
                    ir = IrBuilder.build(code);
                    Verifier.verify(ir);
                }
                switch (stage) {
                    case ir -> out.print(Printer.print(ir));
                    case typed -> out.print(Printer.printTyped(typed = typed(code)));
                    case opt -> out.print(Printer.printTyped(optimised = optimised(code)));
                    case llvm -> out.println(backend().llvmText(optimised == null ? optimised(code) : optimised, false));
                    case llvm_opt -> out.println(backend().llvmText(optimised == null ? optimised(code) : optimised, true));
                    case asm -> out.print(backend().assembly(optimised == null ? optimised(code) : optimised));
                    default -> throw new IllegalStateException(stage.toString());
                }
            } catch (Unsupported unsupported) {
                out.println("not compiled: " + unsupported.getMessage() + " (reached: bytecode)");
                return NOT_COMPILED;
            } catch (IOException | RuntimeException failure) {
                out.println("not compiled: compiler error: " + failure.getMessage());
                return NOT_COMPILED;
            }
        }
        return 0;
    }

    private static Function typed(CodeObject code) throws Unsupported {
        Function function = IrBuilder.build(code);
        Pipeline.run(function, Pipeline.TYPING);
        return function;
    }

    private static Function optimised(CodeObject code) throws Unsupported {
        Function function = typed(code);
        Pipeline.run(function, Pipeline.OPTIMISATION);
        return function;
    }

    private NativeJit backend() throws IOException {
        if (backend == null) {
            backend = new NativeJit();
        }
        return backend;
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
