# A float function compiled into the loop that calls it, its result taken as a double:
# PYJIT_DUMP_IR=/tmp/ir.txt scripts/pyjit run examples/weights.py; grep 'inlined=weight' /tmp/ir.txt
def weight(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def row_total(i, values):
    total = 0.0
    for j in range(len(values)):
        total += weight(i, j) * values[j]
    return total


values = [1.0] * 1500
print(sum(row_total(i, values) for i in range(1500)))
