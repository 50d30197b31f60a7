# jit-expect-compiled: debugged compute normalise
# pdb driven non-interactively: pdb.Pdb(stdin=StringIO(commands), stdout=buffer).set_trace()
# inside a function called in a loop; the commands print locals, step over lines (`n`), change
# a local (`!x = 100`) and continue. The captured output is printed with file paths normalised.
import io
import os
import pdb
import re


def compute(values):
    s = 0
    for v in values:
        s += v
    return s


def debugged(values):
    x = compute(values)
    out = io.StringIO()
    dbg = pdb.Pdb(stdin=io.StringIO("p x\nn\np x\n!x = 100\nn\np x, y\nw\nc\n"), stdout=out)
    dbg.set_trace()
    y = x * 2
    z = x + y
    return x, y, z, out.getvalue()


def normalise(text):
    text = text.replace(os.path.abspath(__file__), "FILE")
    return re.sub(r"0x[0-9a-f]+", "0xADDR", text)


for round_ in range(2):
    x, y, z, captured = debugged([1, 2, 3 + round_])
    print("result", x, y, z)
    print(normalise(captured))
