"""Runs a benchmark program at its short size: 0.2-1 s under python3.13 (0.35-0.5 s on the quiet
two-core machine the sizes were chosen on), for the latency targets, where start-up and compile
time weigh as much as the program's own work.

The programs in benchmarks/ take no size argument: each sets its size in module-level constants
(N = 32, STEPS = 120_000, ...), read only when main() runs. So this imports the program under its
own name (its `if __name__ == "__main__"` part does not run), sets the constants SIZES names for
it, and calls main() once, its output going to stdout as usual; the programs themselves are not
changed. A constant SIZES names that the program no longer has is an error; a program SIZES does
not know runs at its own size, with a note on stderr.

Usage: python short_run.py PROGRAM.py   (run by scripts/bench --short)
"""
import importlib.util
import os
import sys

# Each program's short size, aimed at about 0.4 s under python3.13 on a quiet machine: the middle
# of 0.2-1 s (in ratio), so that a loaded or slower machine stays under 1 s and a faster one over
# 0.2 s. Today the programs' own sizes take 0.45-0.9 s there, so these are modest cuts; they are
# spelt out so that --short keeps its sizes when the programs' own grow for steady-state runs.
# fannkuch's only size is N, and N = 8 is a ninth of N = 9: it keeps its own.
SIZES = {
    "closures": {"EVENTS": 170_000, "ROUNDS": 128},
    "deltablue": {"ITERATIONS": 140},
    "fannkuch": {"N": 9},
    "fib": {"N": 31, "TAK_ARGS": (24, 16, 8)},
    "generators": {"RECORDS": 120_000, "TREE_DEPTH": 15, "PRIMES": 400},
    "json_like": {"DOCUMENTS": 330},
    "mandelbrot": {"WIDTH": 270, "HEIGHT": 200},
    "matmul": {"SIZE": 116},
    "nbody": {"STEPS": 80_000},
    "nqueens": {"BOARD_SIZES": range(4, 11)},
    "process_pool": {"HEIGHT": 600},
    "raytrace": {"WIDTH": 128, "HEIGHT": 96},
    "richards": {"ITERATIONS": 140},
    "spectral_norm": {"N": 230},
    "sudoku": {"ROUNDS": 5},
    "tokenizer": {"EXPRESSIONS": 850},
    "tree": {"MAX_DEPTH": 13, "BST_KEYS": 10_000},
    "wordcount": {"SENTENCES": 10_500},
}


def main():
    path = os.path.abspath(sys.argv[1])
    name = os.path.splitext(os.path.basename(path))[0]
    sys.argv = [path]
    sys.path[0] = os.path.dirname(path)   # as if the program had been started itself
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    if name not in SIZES:
        print(f"short_run: no short size for {name}: it runs at its own size", file=sys.stderr)
    for constant, value in SIZES.get(name, {}).items():
        if not hasattr(module, constant):
            raise SystemExit(f"short_run: {name} has no {constant} any more: update SIZES")
        setattr(module, constant, value)
    module.main()


main()
