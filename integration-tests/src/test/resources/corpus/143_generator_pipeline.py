# jit-expect-compiled: parse_line <lambda> only averages parse read window
# A pipeline of generators (read -> parse -> filter -> window -> aggregate) over text lines:
# each stage pulls lazily from the previous one; a bad line raises in the middle stage and is skipped.
import itertools

LOG = """\
10:00 cpu 31
10:01 cpu 45
10:01 mem 70
garbage line
10:02 cpu 99
10:03 cpu x
10:04 mem 75
10:05 cpu 12
10:06 cpu 50
"""


def read(text):
    for line in text.splitlines():
        yield line


def parse_line(line):
    time, metric, value = line.split()
    return time, metric, int(value)


def parse(lines, errors):
    for line in lines:
        try:
            yield parse_line(line)
        except ValueError as e:
            errors.append((line, type(e).__name__))


def only(records, metric):
    return (r for r in records if r[1] == metric)


def window(records, size):
    buf = []
    for r in records:
        buf.append(r[2])
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)


def averages(windows):
    for w in windows:
        yield round(sum(w) / len(w), 2)


errors = []
pipeline = averages(window(only(parse(read(LOG), errors), "cpu"), 3))
print(list(pipeline))
print(errors)
errors.clear()
mem = list(only(parse(read(LOG), errors), "mem"))
print(mem, len(errors))
grouped = itertools.groupby(parse(read(LOG), []), key=lambda r: r[0])
print([(k, len(list(g))) for k, g in grouped])
