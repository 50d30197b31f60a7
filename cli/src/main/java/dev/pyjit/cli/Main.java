package dev.pyjit.cli;

import dev.pyjit.cli.embed.PythonProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pyjit} command. Without a subcommand, {@code pyjit ARGS} means {@code pyjit run ARGS},
 * so it can stand wherever {@code python3.13} does.
 */
@Command(name = "pyjit", mixinStandardHelpOptions = true, version = "pyjit 0.1.0 (CPython 3.13.5)",
        description = "A JIT compiler for Python 3.13.",
        subcommands = {DumpCommand.class, CacheCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    private static final Set<String> SUBCOMMANDS = Set.of("run", "dump", "cache", "help");
    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        if (arguments.isEmpty() || !(SUBCOMMANDS.contains(arguments.get(0)) || TOP_LEVEL_OPTIONS.contains(arguments.get(0)))) {
            arguments.add(0, "run");
        }
        RunCommand run = new RunCommand();
        if (arguments.get(0).equals("run")) {
            PythonProcess.prepareInBackground();
            ProgramSplit split = ProgramSplit.of(arguments.subList(1, arguments.size()));
            run.programArguments = split.programArguments();
            run.rawPythonOptions = split.rawPythonOptions();
            if (run.takeProgramAlone(split.options())) {
                return run.call();
            }
            arguments = new ArrayList<>(List.of("run"));
            arguments.addAll(split.options());
        }
        CommandLine commandLine = new CommandLine(new Main()).addSubcommand("run", run);
        return commandLine.execute(arguments.toArray(String[]::new));
    }
}
