# jit-expect-compiled: validate check_all
# An ExceptionGroup collected in a loop and never caught: the nested group traceback rendering
# on stderr (with a note on one member), exit status 1.
def validate(i):
    if i % 2:
        return None
    return ValueError(f"item {i} is even")


def check_all(n):
    problems = []
    for i in range(n):
        p = validate(i)
        if p is not None:
            try:
                raise p
            except ValueError as e:
                e.add_note(f"index {i}")
                problems.append(e)
    if problems:
        raise ExceptionGroup("validation failed", [ExceptionGroup("evens", problems), TypeError("extra")])
    return "all fine"


print(check_all(0))
print(check_all(5))
