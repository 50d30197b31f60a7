package dev.pyjit.cli;

import static org.bytedeco.cpython.global.python.*;

import dev.pyjit.cli.embed.PythonProcess;
import dev.pyjit.frontend.CodeObject;
import dev.pyjit.frontend.CodeReader;
import dev.pyjit.ir.Type;
import dev.pyjit.llvm.Target;
import dev.pyjit.llvm.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bytedeco.cpython.PyObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pyjit dump}: one function at every stage of the pipeline. The file is compiled, never run:
 * its functions are found among the constants of the module's code object.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Show how pyjit compiles the functions of a Python file, stage by stage.")
public final class DumpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The Python file (it is compiled, not run).")
    Path file;

    @Option(names = "--function", paramLabel = "NAME", description = "f, Class.method or outer.inner; default: every function.")
    String function;

    @Option(names = "--stage", paramLabel = "STAGES", split = ",",
            description = "Comma list of: bytecode, ir, typed, opt, llvm, llvm-opt, asm (shown in that order); default: all.")
    List<String> stages;

    @Option(names = "--args", paramLabel = "TYPES", split = ",",
            description = "Specialise for these positional argument types, e.g. float,float (None, bool, int, float, str, tuple, list, dict, object); default: the generic version.")
    List<String> arguments;

    @Option(names = "--loop-line", paramLabel = "LINE",
            description = "Dump the on-stack replacement that enters the function at the header of its loop on this line (its locals of any type, the first ones of the --args types), as a long-running call gets it.")
    Integer loopLine;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "The machine of the llvm, llvm-opt and asm stages: x86_64-linux-gnu or aarch64-linux-gnu; default: this one.")
    String targetName;

    @Option(names = "--tier", paramLabel = "TIER",
            description = "The tier of the llvm, llvm-opt and asm stages: optimised (what hot code runs) or quick (a function's first compilation, which calls the runtime's helpers); default: optimised.")
    String tierName;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("pyjit dump: can't open file '" + file + "': No such file");
            return 2;
        }
        String source = Files.readString(file);
        Set<Stage> selected = EnumSet.noneOf(Stage.class);
        for (String stage : stages == null ? List.<String>of() : stages) {
            Stage parsed = Stage.parse(stage);
            if (parsed == null) {
                System.err.println("pyjit dump: unknown stage '" + stage + "'; the stages are: "
                        + String.join(", ", Arrays.stream(Stage.values()).map(Stage::toString).toList()));
                return 2;
            }
            selected.add(parsed);
        }
        Set<Stage> chosen = selected.isEmpty() ? EnumSet.allOf(Stage.class) : selected;
        Target target = targetName == null ? Target.host() : Target.parse(targetName);
        if (target == null) {
            System.err.println("pyjit dump: unknown target '" + targetName + "'; the targets are: "
                    + String.join(", ", Arrays.stream(Target.values()).map(Target::toString).toList()));
            return 2;
        }
        Tier tier = tierName == null ? Tier.OPTIMISED : Arrays.stream(Tier.values()).filter(t -> t.label().equals(tierName)).findFirst().orElse(null);
        if (tier == null) {
            System.err.println("pyjit dump: unknown tier '" + tierName + "'; the tiers are: "
                    + String.join(", ", Arrays.stream(Tier.values()).map(Tier::label).toList()));
            return 2;
        }
        List<Type> argumentTypes = new ArrayList<>();
        for (String name : arguments == null ? List.<String>of() : arguments) {
            Type type = Type.ofPythonName(name.strip());
            if (type == null) {
                System.err.println("pyjit dump: unknown argument type '" + name + "'; the types are: " + String.join(", ", Type.pythonNames()));
                return 2;
            }
            argumentTypes.add(type);
        }
        return PythonProcess.withInterpreter(() -> dump(source, chosen, argumentTypes, target, tier));
    }

    private int dump(String source, Set<Stage> selected, List<Type> argumentTypes, Target target, Tier tier) {
        PyObject code = Py_CompileString(source, file.toString(), Py_file_input);
        if (code == null) {
            PyErr_Print();
            return 1;
        }
        Map<String, CodeObject> functions = new LinkedHashMap<>();
        collect(CodeReader.read(code), functions);
        Py_DecRef(code);
        List<String> names = function == null ? new ArrayList<>(functions.keySet()) : List.of(function);
        if (function != null && !functions.containsKey(function)) {
            System.err.println("pyjit dump: no function '" + function + "' in " + file + "; it has: " + String.join(", ", functions.keySet()));
            return 2;
        }
        for (String name : names) {
            if (argumentTypes.size() > functions.get(name).argCount()) {
                System.err.println("pyjit dump: --args gives " + argumentTypes.size() + " types but " + name + " takes "
                        + functions.get(name).argCount() + " positional arguments (name one function with --function)");
                return 2;
            }
        }
        Dumper dumper = new Dumper(System.out, target, tier);
        int status = 0;
        for (String name : names) {
            CodeObject named = functions.get(name);
            if (loopLine == null) {
                status = Math.max(status, dumper.dump(name, named, selected, argumentTypes));
                continue;
            }
            int header = Dumper.loopHeader(named, loopLine);
            if (header < 0 && function != null) {
                System.err.println("pyjit dump: " + name + " has no loop whose header is on line " + loopLine);
                return 2;
            }
            if (header >= 0) {
                status = Math.max(status, dumper.dumpMidFrame(name, named, selected, argumentTypes, header));
            }
        }
        System.out.flush();
        return status;
    }

    /** Functions by the name a user writes: {@code outer.inner} for {@code outer.<locals>.inner}. */
    private static void collect(CodeObject code, Map<String, CodeObject> functions) {
        for (CodeObject.Constant constant : code.constants()) {
            if (constant.nestedCode() != null) {
                CodeObject nested = constant.nestedCode();
                functions.put(nested.qualifiedName().replace(".<locals>", ""), nested);
                collect(nested, functions);
            }
        }
    }
}
