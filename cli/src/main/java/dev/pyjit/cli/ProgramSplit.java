package dev.pyjit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits {@code pyjit run}'s arguments where python3.13 would: at {@code -c CODE}, {@code -m MODULE},
 * {@code -} or the first non-option word. Options before that point are pyjit's or CPython's;
 * every word after it is the program's, even one that starts with a dash.
 */
record ProgramSplit(List<String> options, List<String> programArguments, List<String> rawPythonOptions) {
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--threshold", "-X", "-W");
    private static final Set<String> PYTHON_FLAGS = Set.of("-u", "-B", "-E", "-s", "-S", "-I", "-O", "-OO", "-q", "-b", "-v");

    static ProgramSplit of(List<String> args) {
        List<String> options = new ArrayList<>();
        List<String> python = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("-c") || arg.equals("-m")) {
                options.add(arg);
                if (i + 1 < args.size()) {
                    options.add(args.get(i + 1));
                }
                return new ProgramSplit(options, tail(args, i + 2), python);
            }
            if ((arg.startsWith("-c") || arg.startsWith("-m")) && !arg.startsWith("--")) {
                options.add(arg.substring(0, 2));
                options.add(arg.substring(2));
                return new ProgramSplit(options, tail(args, i + 1), python);
            }
            if (arg.equals("--")) {
                options.add(arg);
                if (i + 1 < args.size()) {
                    options.add(args.get(i + 1));
                }
                return new ProgramSplit(options, tail(args, i + 2), python);
            }
            if (arg.equals("-") || !arg.startsWith("-")) {
                options.add(arg);
                return new ProgramSplit(options, tail(args, i + 1), python);
            }
            // A bare --jit-stats never takes the next word: that is the program, not the stats file.
            options.add(arg.equals("--jit-stats") ? "--jit-stats=-" : arg);
            if (PYTHON_FLAGS.contains(arg)) {
                python.add(arg);
            }
            if (OPTIONS_WITH_VALUE.contains(arg) && i + 1 < args.size()) {
                options.add(args.get(i + 1));
                if (!arg.equals("--threshold")) {
                    python.add(arg);
                    python.add(args.get(i + 1));
                }
                i++;
            }
            i++;
        }
        return new ProgramSplit(options, List.of(), python);
    }

    private static List<String> tail(List<String> args, int from) {
        return from >= args.size() ? List.of() : List.copyOf(args.subList(from, args.size()));
    }
}
