# jit-expect-compiled: assemble run binop trace_program main
# A small stack VM run by a compiled dispatch loop: an assembler resolving labels, arithmetic
# and comparison ops, conditional jumps, CALL/RET with a call stack (recursive factorial), a
# step limit, and VM errors (stack underflow, unknown op, division by zero chained as the cause,
# unknown label) reported as VMError with the program counter.
class VMError(Exception):
    pass


def assemble(source):
    code, labels = [], {}
    for line in source.strip().splitlines():
        line = line.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
            continue
        op, *args = line.split()
        code.append((op.upper(), args[0] if args else None))
    resolved = []
    for op, arg in code:
        if op in ("JMP", "JZ", "CALL"):
            if arg not in labels:
                raise VMError("unknown label %r" % arg)
            arg = labels[arg]
        elif arg is not None:
            arg = int(arg)
        resolved.append((op, arg))
    return resolved


def binop(op, a, b):
    if op == "ADD":
        return a + b
    if op == "SUB":
        return a - b
    if op == "MUL":
        return a * b
    if op == "DIV":
        if b == 0:
            raise ZeroDivisionError("division by zero")
        return a // b
    if op == "LT":
        return int(a < b)
    return int(a == b)


def run(code, limit=10000):
    stack, calls, pc, steps, out = [], [], 0, 0, []
    try:
        while pc < len(code):
            steps += 1
            if steps > limit:
                raise VMError("step limit %d exceeded" % limit)
            op, arg = code[pc]
            pc += 1
            if op == "PUSH":
                stack.append(arg)
            elif op == "DUP":
                stack.append(stack[-1])
            elif op == "SWAP":
                stack[-1], stack[-2] = stack[-2], stack[-1]
            elif op == "POP":
                stack.pop()
            elif op in ("ADD", "SUB", "MUL", "DIV", "LT", "EQ"):
                b, a = stack.pop(), stack.pop()
                stack.append(binop(op, a, b))
            elif op == "JMP":
                pc = arg
            elif op == "JZ":
                if stack.pop() == 0:
                    pc = arg
            elif op == "CALL":
                calls.append(pc)
                pc = arg
            elif op == "RET":
                if not calls:
                    break
                pc = calls.pop()
            elif op == "PRINT":
                out.append(stack[-1])
            elif op == "HALT":
                break
            else:
                raise VMError("unknown op %s" % op)
    except IndexError:
        raise VMError("stack underflow at pc=%d" % (pc - 1)) from None
    except ZeroDivisionError as e:
        raise VMError("%s at pc=%d" % (e, pc - 1)) from e
    return stack, out, steps


FACT = """
    PUSH 10
    CALL fact
    PRINT
    HALT
fact:           ; n -> n!
    DUP
    PUSH 2
    LT
    JZ recurse
    RET
recurse:
    DUP
    PUSH 1
    SUB
    CALL fact
    MUL
    RET
"""

COUNT = """
    PUSH 0
loop:
    PRINT
    PUSH 1
    ADD
    DUP
    PUSH 5
    EQ
    JZ loop
"""


def trace_program(name, source, limit=10000):
    try:
        stack, out, steps = run(assemble(source), limit)
        return "%s: stack=%s out=%s steps=%d" % (name, stack, out, steps)
    except VMError as e:
        cause = " (cause %s)" % type(e.__cause__).__name__ if e.__cause__ else ""
        return "%s: VMError %s%s" % (name, e, cause)


def main():
    print(trace_program("fact", FACT))
    print(trace_program("count", COUNT))
    print(trace_program("limited", COUNT, limit=12))
    print(trace_program("underflow", "PUSH 1\nADD"))
    print(trace_program("div0", "PUSH 4\nPUSH 0\nDIV"))
    print(trace_program("unknown op", "PUSH 1\nFROB"))
    print(trace_program("bad label", "JMP nowhere"))
    print(trace_program("ret at top", "PUSH 7\nRET\nPUSH 8"))


main()
