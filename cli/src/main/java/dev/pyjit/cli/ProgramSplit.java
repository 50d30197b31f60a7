package dev.pyjit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits {@code pyjit run}'s arguments where python3.13 would: at {@code -c CODE}, {@code -m MODULE},
 * {@code -} or the first non-option word. Options before that point are pyjit's or CPython's;
 * every word after it is the program's, even one that starts with a dash. CPython's one-letter
 * options are taken apart as its own option parser takes them: flags together ({@code -uE},
 * {@code -OO}), a value joined to its option ({@code -Xdev}, {@code -Wd}, {@code -ccode}).
 */
record ProgramSplit(List<String> options, List<String> programArguments, List<String> rawPythonOptions) {
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--threshold", "-X", "-W");
    private static final String PYTHON_FLAG_LETTERS = "uBEsSIOqbv";
    private static final String LETTERS_WITH_VALUE = "XWcm";

    static ProgramSplit of(List<String> arguments) {
        List<String> args = new ArrayList<>(arguments);
        List<String> options = new ArrayList<>();
        List<String> python = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            List<String> letters = separateLetters(arg);
            if (letters != null) {
                args.remove(i);
                args.addAll(i, letters);
                arg = args.get(i);
            }
            if (arg.equals("-c") || arg.equals("-m")) {
                options.add(arg);
                if (i + 1 < args.size()) {
                    options.add(args.get(i + 1));
                }
                return new ProgramSplit(options, tail(args, i + 2), python);
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
            if (arg.length() == 2 && PYTHON_FLAG_LETTERS.indexOf(arg.charAt(1)) >= 0) {
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

    /**
     * {@code -uEc CODE} as {@code -u -E -c CODE}, {@code -Xdev} as {@code -X dev}; null for a word
     * that is one option already, or is not made of CPython's one-letter options.
     */
    private static List<String> separateLetters(String arg) {
        if (arg.length() <= 2 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
            return null;
        }
        List<String> separated = new ArrayList<>();
        for (int j = 1; j < arg.length(); j++) {
            char letter = arg.charAt(j);
            if (LETTERS_WITH_VALUE.indexOf(letter) >= 0) {
                separated.add("-" + letter);
                if (j + 1 < arg.length()) {
                    separated.add(arg.substring(j + 1));
                }
                return separated;
            }
            if (PYTHON_FLAG_LETTERS.indexOf(letter) < 0) {
                return null;
            }
            separated.add("-" + letter);
        }
        return separated;
    }

    private static List<String> tail(List<String> args, int from) {
        return from >= args.size() ? List.of() : List.copyOf(args.subList(from, args.size()));
    }
}
