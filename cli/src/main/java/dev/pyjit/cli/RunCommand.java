package dev.pyjit.cli;

import dev.pyjit.cli.embed.JitOptions;
import dev.pyjit.cli.embed.PythonProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pyjit run}: run a Python program as python3.13 would, with the JIT on.
 *
 * <p>Everything from the program on ({@code -c CODE}, {@code -m MODULE}, {@code -} or a script) and
 * what follows it belongs to the program: {@link ProgramSplit} cuts it off before picocli parses
 * pyjit's own options, so program arguments that look like options reach {@code sys.argv} intact.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a Python program (like python3.13) with the JIT.",
        customSynopsis = "pyjit run [OPTIONS] (SCRIPT | -c CODE | -m MODULE | -) [ARGS...]")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--no-jit", description = "Run on the interpreter alone (the baseline).")
    boolean noJit;

    @Option(names = "--threshold", paramLabel = "N",
            description = "Count calls instead of sampling the running program: compile a function at its N-th call, through a frame "
                    + "evaluator that slows the interpreter; 0 compiles every eligible function at its first call (env PYJIT_THRESHOLD).")
    Integer threshold;

    @Option(names = "--jit-sync",
            description = "Compile on the program's thread, which waits for each function's native code (env PYJIT_SYNC=1).")
    boolean synchronous;

    @Option(names = "--no-cache",
            description = "Neither use nor keep compiled code in the code cache ($XDG_CACHE_HOME/pyjit; env PYJIT_CACHE=0), nor leave "
                    + "what the run did not compile to the cache filler (env PYJIT_CACHE_FILL=0 for that alone).")
    boolean noCache;

    @Option(names = "--jit-stats", arity = "0..1", paramLabel = "FILE", fallbackValue = "-",
            description = "At exit, write JIT statistics as JSON to FILE, or to stderr (env PYJIT_STATS).")
    String statsFile;

    @Option(names = "-c", paramLabel = "CODE", description = "Program passed in as a string.")
    String command;

    @Option(names = "-m", paramLabel = "MODULE", description = "Run a library module as a script.")
    String module;

    @Option(names = {"-u", "-B", "-E", "-s", "-S", "-I", "-O", "-q", "-b", "-v"},
            description = "Passed to CPython unchanged (see python3 --help); they may be written together (-OO, -uE).")
    boolean[] pythonFlags = new boolean[0];

    @Option(names = {"-X", "-W"}, paramLabel = "OPT", description = "Passed to CPython with its value.")
    List<String> pythonValueOptions = new ArrayList<>();

    @Parameters(arity = "0..1", paramLabel = "SCRIPT", description = "The program file, or - for standard input.")
    String script;

    /** The program's own arguments, after SCRIPT, CODE or MODULE; set by {@link ProgramSplit}. */
    List<String> programArguments = List.of();

    /** The CPython options among pyjit's (flags, -X and -W with their values), in order; set by {@link ProgramSplit}. */
    List<String> rawPythonOptions = List.of();

    /**
     * Takes the program from options that name nothing else (a script, {@code -c CODE} or
     * {@code -m MODULE}), which picocli would parse no differently; whether they were such. The
     * commonest start, {@code pyjit script.py}, then loads none of picocli's classes: they are
     * Java 5 bytecode, which class-data sharing cannot keep, and cost a third of the start-up.
     */
    boolean takeProgramAlone(List<String> options) {
        if (options.size() == 1 && !options.get(0).startsWith("-")) {
            script = options.get(0);
            return true;
        }
        if (options.size() == 2 && (options.get(0).equals("-c") || options.get(0).equals("-m"))) {
            if (options.get(0).equals("-c")) {
                command = options.get(1);
            } else {
                module = options.get(1);
            }
            return true;
        }
        return false;
    }

    @Override
    public Integer call() {
        List<String> argv = new ArrayList<>(rawPythonOptions);
        if (command != null) {
            argv.add("-c");
            argv.add(command);
        } else if (module != null) {
            argv.add("-m");
            argv.add(module);
        } else if (script != null) {
            argv.add(script);
        }
        argv.addAll(programArguments);
        JitOptions options = JitOptions.fromEnvironment(System.getenv())
                .withCommandLine(noJit, threshold, statsFile, synchronous, noCache);
        return PythonProcess.run(argv, options, launcherPath());
    }

    private static Path launcherPath() {
        String launcher = System.getProperty("pyjit.launcher");
        return launcher == null ? null : Path.of(launcher).toAbsolutePath();
    }
}
