# jit-expect-compiled: run
PROGRAM = [
    ("push", 0), ("store", "acc"),
    ("push", 1), ("store", "i"),
    ("load", "i"), ("push", 51), ("lt", None), ("jz", 19),
    ("load", "acc"), ("load", "i"), ("load", "i"), ("mul", None), ("add", None), ("store", "acc"),
    ("load", "i"), ("push", 1), ("add", None), ("store", "i"),
    ("jmp", 4),
    ("load", "acc"), ("print", None), ("halt", None),
]


def run(code, trace):
    stack = []
    env = {}
    pc = 0
    steps = 0
    while True:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(arg)
        elif op == "load":
            stack.append(env[arg])
        elif op == "store":
            env[arg] = stack.pop()
        elif op == "add":
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b)
        elif op == "mul":
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == "lt":
            b = stack.pop()
            a = stack.pop()
            stack.append(1 if a < b else 0)
        elif op == "jz":
            if stack.pop() == 0:
                pc = arg
        elif op == "jmp":
            pc = arg
        elif op == "print":
            print("VM out:", stack.pop())
        elif op == "halt":
            break
        if trace and steps <= 5:
            print(pc, op, stack)
    return steps, env


print(run(PROGRAM, True))
print(run([("push", 2), ("push", 40), ("add", None), ("print", None), ("halt", None)], False))
