# jit-expect-compiled: collect work <lambda> handle partial naked nested_groups show raise_in_star_handler
# ExceptionGroup and except*: each handler gets the matching sub-group, unmatched exceptions
# propagate as a group, naked exceptions are wrapped, and split/subgroup/derive behave.
def work(i):
    if i % 3 == 0:
        return ValueError(f"v{i}")
    if i % 3 == 1:
        return TypeError(f"t{i}")
    return KeyError(i)


def collect(n):
    errors = []
    for i in range(n):
        errors.append(work(i))
    return ExceptionGroup("batch", errors)


def handle(n):
    seen = []
    try:
        raise collect(n)
    except* ValueError as g:
        seen.append(("value", [str(e) for e in g.exceptions]))
    except* TypeError as g:
        seen.append(("type", [str(e) for e in g.exceptions]))
    return seen


def partial(n):
    result = "nothing left"
    try:
        handle(n)
    except* KeyError as g:
        result = "leftover keys: " + repr([e.args[0] for e in g.exceptions])
    return result


def naked():
    found = None
    try:
        raise OSError("plain")
    except* OSError as g:
        found = type(g).__name__, g.message, [type(e).__name__ for e in g.exceptions]
    return found


def nested_groups():
    inner = ExceptionGroup("inner", [ValueError(1), TypeError(2)])
    outer = ExceptionGroup("outer", [inner, ValueError(3), KeyError(4)])
    match, rest = outer.split(ValueError)
    sub = outer.subgroup(lambda e: isinstance(e, TypeError))
    def show(g):
        if g is None:
            return None
        return (g.message, [show(e) if isinstance(e, BaseExceptionGroup) else repr(e) for e in g.exceptions])
    return show(match), show(rest), show(sub)


def raise_in_star_handler():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError("a")])
        except* ValueError:
            raise RuntimeError("from handler")
    except Exception as g:
        return type(g).__name__, str(g), type(g.__context__).__name__


print(handle(2))
print(partial(6))
print(partial(2))
print(naked())
for part in nested_groups():
    print(part)
print(raise_in_star_handler())
print(type(BaseExceptionGroup("x", [ValueError()])).__name__, type(BaseExceptionGroup("y", [KeyboardInterrupt()])).__name__)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
