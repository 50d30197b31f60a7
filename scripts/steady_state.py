"""Steady-state time of a benchmark program: imports it (its `if __name__ == "__main__"` part does
not run), calls its main() ROUNDS times with its output captured, and prints the best time of the
second half of the rounds, in seconds: by then the JIT's compiler has caught up with the program.

Usage: python steady_state.py PROGRAM.py [ROUNDS]   (run by scripts/bench --steady)
"""
import contextlib
import importlib.util
import io
import sys
import time


def main():
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    spec = importlib.util.spec_from_file_location("benchmark", path)
    module = importlib.util.module_from_spec(spec)
    # dataclasses and pickle find a class's module in sys.modules, as they would for a script
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            module.main()
        times.append(time.perf_counter() - start)
    print(f"{min(times[rounds // 2:]):.4f}")


main()
