"""The arithmetic and the output of scripts/bench: it measures, this takes its figures from there.

scripts/bench writes every measurement as it is made to a text file, one record a line, fields
separated by tabs:
    mode     end-to-end | steady | short | startup
    runs     N
    machine  NPROC  ARCH          (nproc, uname -m)
    date     ISO-8601 date of the start
    commit   HASH  dirty|clean
    program  NAME  PATH          (a benchmark, in the order they run)
    time     NAME  CONFIG  SECONDS
    rss      NAME  CONFIG  MIB     (the run's peak resident memory)
    fail     NAME  CONFIG  REASON  (its output or exit status was not python3.13's, or it crashed)
    startup  CONFIG  SECONDS  MIB (hello.py: python3.13 or pyjit)
CONFIG is python3.13, no_jit, jit_cold, jit_served or jit_warm (end-to-end, short), or jit (steady); a fail's
CONFIG is python3.13 also where python3.13 itself failed.

Usage (run by scripts/bench with scripts/bundled-python):
    bench_report.py row RAW NAME       the table row of one benchmark, once its runs are done
    bench_report.py startup RAW        the hello.py start-up line
    bench_report.py finish RAW JSON    the geometric-mean line; writes JSON

Times are medians; a ratio is a speed-up, the baseline's median over the JIT's (>1: the JIT is
faster). A benchmark that failed in any run is marked FAILED and left out of the geometric means.
"""
import json
import math
import os
import statistics
import sys

BASELINES = ("python3.13", "no_jit")
LABELS = {"python3.13": "python3.13", "no_jit": "--no-jit", "jit_cold": "jit cold", "jit_served": "jit served", "jit_warm": "jit warm",
          "jit": "jit"}


def read(path):
    raw = {"mode": None, "runs": None, "machine": {}, "date": None, "commit": None,
           "programs": {}, "startup": {}}
    with open(path) as file:
        for line in file:
            kind, *fields = line.rstrip("\n").split("\t")
            if kind == "mode":
                raw["mode"] = fields[0]
            elif kind == "runs":
                raw["runs"] = int(fields[0])
            elif kind == "machine":
                raw["machine"] = {"nproc": int(fields[0]), "arch": fields[1]}
            elif kind == "date":
                raw["date"] = fields[0]
            elif kind == "commit":
                raw["commit"] = {"hash": fields[0], "dirty": fields[1] == "dirty"}
            elif kind == "program":
                raw["programs"][fields[0]] = {"path": fields[1], "times": {}, "rss_mib": {}, "failures": {}}
            elif kind == "time":
                raw["programs"][fields[0]]["times"].setdefault(fields[1], []).append(float(fields[2]))
            elif kind == "rss":
                raw["programs"][fields[0]]["rss_mib"].setdefault(fields[1], []).append(float(fields[2]))
            elif kind == "fail":
                configs = raw["programs"][fields[0]]["failures"].setdefault(fields[2], [])
                if fields[1] not in configs:
                    configs.append(fields[1])
            elif kind == "startup":
                entry = raw["startup"].setdefault(fields[0], {"times": [], "rss_mib": []})
                entry["times"].append(float(fields[1]))
                entry["rss_mib"].append(float(fields[2]))
    return raw


def configurations(mode):
    return ["python3.13", "no_jit", "jit"] if mode == "steady" else ["python3.13", "no_jit", "jit_cold", "jit_served", "jit_warm"]


def jits(mode):
    return [c for c in configurations(mode) if c not in BASELINES]


def ratio_names(mode):
    """In the table's order: against python3.13, then against --no-jit."""
    return [f"{jit}_vs_{base}" for base in BASELINES for jit in jits(mode)]


def summary(mode, program):
    """A benchmark's medians and ratios (None where a configuration has no time)."""
    medians = {c: statistics.median(program["times"][c]) if program["times"].get(c) else None
               for c in configurations(mode)}
    ratios = {}
    for base in BASELINES:
        for jit in jits(mode):
            b, j = medians[base], medians[jit]
            ratios[f"{jit}_vs_{base}"] = round(b / j, 4) if b and j else None
    return medians, ratios


def peaks(mode, program):
    """Each configuration's peak resident memory in MiB, the most of its runs (None: not measured)."""
    return {c: max(program["rss_mib"][c]) if program["rss_mib"].get(c) else None for c in configurations(mode)}


def over_python(mode, program):
    """How many MiB more than python3.13's the most any JIT configuration took; None if not measured."""
    peak = peaks(mode, program)
    extra = [peak[c] - peak["python3.13"] for c in jits(mode) if peak[c] is not None and peak["python3.13"] is not None]
    return round(max(extra), 1) if extra else None


def reason(program):
    """Why a benchmark failed, each reason once: "output differs from python3.13's under jit cold, jit warm"."""
    return "; ".join(f"{why} under {', '.join(LABELS.get(c, c) for c in configs)}"
                     for why, configs in program["failures"].items()) or None


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def seconds(value):
    return f"{value:6.3f}s" if value is not None else "     - "


def times(value):
    return f"{value:.2f}x" if value is not None else "-"


def by_jit(mode, text):
    """Each JIT configuration by its short name (jit_cold: cold) and what text(config) says of it."""
    return " ".join(f"{config.removeprefix('jit_')} {text(config)}" for config in jits(mode))


def row(raw, name):
    mode, program = raw["mode"], raw["programs"][name]
    medians, ratios = summary(mode, program)
    failed = f"  FAILED: {reason(program)}" if program["failures"] else ""
    if mode == "steady":
        return (f"{name:<18s} steady state: python3.13 {seconds(medians['python3.13'])}  --no-jit {seconds(medians['no_jit'])}"
                f"  jit {seconds(medians['jit'])}  | vs python3.13 {times(ratios['jit_vs_python3.13'])}"
                f" | vs --no-jit {times(ratios['jit_vs_no_jit'])}{failed}")
    note = ""
    python = medians["python3.13"]
    if mode == "short" and python is not None and not 0.2 <= python <= 1.0:
        note = "  (python3.13 outside 0.2-1 s: see scripts/short_run.py)"
    peak = peaks(mode, program)
    memory = ""
    if peak["python3.13"] is not None:
        memory = (f" | peak MiB: python3.13 {peak['python3.13']:.0f} "
                  + by_jit(mode, lambda c: f"{peak[c]:.0f}" if peak[c] is not None else "-"))
    return (f"{name:<18s} python3.13 {seconds(python)}  --no-jit {seconds(medians['no_jit'])}"
            f"  jit {by_jit(mode, lambda c: seconds(medians[c]) + ' ')}"
            f" | vs python3.13: {by_jit(mode, lambda c: times(ratios[f'{c}_vs_python3.13']))}"
            f" | vs --no-jit: {by_jit(mode, lambda c: times(ratios[f'{c}_vs_no_jit']))}"
            f"{memory}{failed}{note}")


def startup_summary(raw):
    if "python3.13" not in raw["startup"] or "pyjit" not in raw["startup"]:
        return None
    result = {}
    for config in ("python3.13", "pyjit"):
        entry = raw["startup"][config]
        result[config] = {"times": entry["times"], "median": statistics.median(entry["times"]),
                          "rss_mib": entry["rss_mib"], "median_rss_mib": statistics.median(entry["rss_mib"])}
    result["pyjit_over_python3.13"] = round(result["pyjit"]["median"] / result["python3.13"]["median"], 4)
    return result


def startup_line(raw):
    s = startup_summary(raw)
    return (f"{'hello.py start-up':<28s} python3.13 {s['python3.13']['median']:6.3f}s {s['python3.13']['median_rss_mib']:6.1f} MiB"
            f"   pyjit {s['pyjit']['median']:6.3f}s {s['pyjit']['median_rss_mib']:6.1f} MiB"
            f"   (pyjit / python3.13 = {s['pyjit_over_python3.13']:.2f}; median of {len(s['pyjit']['times'])})")


def finish(raw, json_path):
    mode = raw["mode"]
    benchmarks = []
    for name, program in raw["programs"].items():
        medians, ratios = summary(mode, program)
        benchmarks.append({"name": name, "program": program["path"],
                           "failed": bool(program["failures"]),
                           "reason": reason(program),
                           "times": {c: program["times"].get(c, []) for c in configurations(mode)},
                           "medians": medians, "ratios": ratios,
                           "rss_mib": {c: program["rss_mib"].get(c, []) for c in configurations(mode)},
                           "peak_rss_mib": peaks(mode, program), "peak_rss_mib_over_python3.13": over_python(mode, program)})
    counted = [b for b in benchmarks if not b["failed"]]
    means = {}
    for key in ratio_names(mode):
        mean = geomean([b["ratios"][key] for b in counted if b["ratios"][key]])
        means[key] = round(mean, 4) if mean is not None else None
    left_out = [b["name"] for b in benchmarks if b["failed"]]
    document = {
        "mode": mode,
        "runs": raw["runs"],
        "date": raw["date"],
        "machine": raw["machine"],
        "commit": raw["commit"],
        "configurations": configurations(mode) if benchmarks else [],
        "ratio_definition": "speed-up: the baseline's median time over the JIT's (>1: the JIT is faster)",
        "startup": startup_summary(raw),
        "benchmarks": benchmarks,
        "geometric_means": means if benchmarks else {},
        "excluded_from_geometric_means": left_out,
    }
    os.makedirs(os.path.dirname(os.path.abspath(json_path)), exist_ok=True)
    with open(json_path, "w") as file:
        json.dump(document, file, indent=2)
        file.write("\n")
    if not benchmarks:
        return None
    m = {k: f"{v:.2f}" if v is not None else "-" for k, v in means.items()}
    without = f"  (without the FAILED: {', '.join(left_out)})" if left_out else ""
    if mode == "steady":
        return (f"geometric means, steady state (speed-up, >1 is faster): vs python3.13 {m['jit_vs_python3.13']}x"
                f" | vs --no-jit {m['jit_vs_no_jit']}x{without}")
    title = "geometric means, short sizes" if mode == "short" else "geometric means"
    extra = [(b["peak_rss_mib_over_python3.13"], b["name"]) for b in benchmarks if b["peak_rss_mib_over_python3.13"] is not None]
    most = max(extra) if extra else None
    memory = f"\npeak memory over python3.13's, the most of any JIT run: +{most[0]:.1f} MiB ({most[1]})" if most else ""
    return (f"{title} (speed-up, >1 is faster): vs python3.13 {by_jit(mode, lambda c: m[f'{c}_vs_python3.13'] + 'x')}"
            f" | vs --no-jit {by_jit(mode, lambda c: m[f'{c}_vs_no_jit'] + 'x')}{without}{memory}")


def main():
    command, raw = sys.argv[1], read(sys.argv[2])
    if command == "row":
        print(row(raw, sys.argv[3]))
    elif command == "startup":
        print(startup_line(raw))
    elif command == "finish":
        line = finish(raw, sys.argv[3])
        if line:
            print(line)
    else:
        raise SystemExit(f"bench_report: unknown command {command}")


main()
