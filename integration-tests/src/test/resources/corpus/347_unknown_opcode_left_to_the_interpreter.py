# jit-expect-compiled: call_guarded total
# jit-threshold: 1
# A code object given an opcode CPython does not know (as test_code's test_invalid_bytecode makes
# one): co_code shows it as a cache, so only the interpreter's adaptive code has it. Such a
# function is left to the interpreter, which raises SystemError there; compiled code calling it
# sees the same exception, and the code around it runs natively.


def first():
    pass


def second():
    return None


first.__code__ = first.__code__.replace(co_code=b"\xe5" + first.__code__.co_code[1:])
second.__code__ = second.__code__.replace(co_code=second.__code__.co_code[:2] + b"\xe5" + second.__code__.co_code[3:])


def call_guarded(function):
    try:
        function()
    except SystemError as error:
        return str(error).rsplit(":", 1)[-1].strip()
    return "no error"


def total(n):
    return sum(i * i for i in range(n))


for round_ in range(3):
    print(round_, call_guarded(first), call_guarded(second), total(10))
