# jit-expect-compiled: tree derive build handle_levels reraise_in_star raise_new_in_star base_group custom_split main
# except* on nested exception-group trees from compiled code: each handler receives a tree with
# the same nesting (printed), unmatched leaves propagate keeping the structure, a bare raise in
# an except* keeps the leaf in the propagated group, raising a new exception in an except*
# chains it and groups it with the leftovers, BaseExceptionGroup holding a KeyboardInterrupt,
# and a custom ExceptionGroup subclass whose derive() keeps extra attributes through split().
def tree(eg):
    if isinstance(eg, BaseExceptionGroup):
        inner = ", ".join(tree(e) for e in eg.exceptions)
        return "%s(%r: %s)" % (type(eg).__name__, eg.message, inner)
    return "%s(%s)" % (type(eg).__name__, eg)


def build():
    return ExceptionGroup("root", [
        ValueError("v1"),
        ExceptionGroup("left", [TypeError("t1"), ValueError("v2")]),
        ExceptionGroup("right", [KeyError("k1"), ExceptionGroup("deep", [TypeError("t2"), OSError("o1")])]),
    ])


def handle_levels():
    seen = []
    try:
        try:
            raise build()
        except* ValueError as g:
            seen.append("values: " + tree(g))
        except* TypeError as g:
            seen.append("types: " + tree(g))
    except ExceptionGroup as rest:
        seen.append("left over: " + tree(rest))
    return seen


def reraise_in_star():
    try:
        try:
            raise ExceptionGroup("g", [ValueError("keep me"), TypeError("drop me")])
        except* ValueError:
            raise
        except* TypeError:
            pass
    except ExceptionGroup as eg:
        return tree(eg)


def raise_new_in_star():
    try:
        try:
            raise ExceptionGroup("g", [ValueError("bad"), KeyError("missing")])
        except* ValueError as g:
            raise RuntimeError("converted %d" % len(g.exceptions))
    except ExceptionGroup as eg:
        rt = [e for e in eg.exceptions if isinstance(e, RuntimeError)][0]
        return tree(eg), tree(rt.__context__)


def base_group():
    try:
        try:
            raise BaseExceptionGroup("mixed", [KeyboardInterrupt(), ValueError("v")])
        except* ValueError as g:
            handled = tree(g)
    except BaseExceptionGroup as rest:
        return handled, tree(rest), type(rest).__name__


class TaggedGroup(ExceptionGroup):
    def __new__(cls, message, excs, tag):
        self = super().__new__(cls, message, excs)
        self.tag = tag
        return self

    def derive(self, excs):
        return TaggedGroup(self.message + "*", excs, self.tag)


def custom_split():
    eg = TaggedGroup("tagged", [ValueError("a"), TypeError("b"), ValueError("c")], "T7")
    match, rest = eg.split(ValueError)
    sub = eg.subgroup(lambda e: isinstance(e, TypeError))
    caught = None
    try:
        raise eg
    except* TypeError as g:
        caught = (type(g).__name__, g.tag, tree(g))
    except* ValueError:
        pass
    return tree(match), match.tag, tree(rest), sub.tag, caught


def main():
    for line in handle_levels():
        print(line)
    print(reraise_in_star())
    print(raise_new_in_star())
    print(base_group())
    print(custom_split())
    try:
        try:
            raise IndexError("naked")
        except* IndexError as g:
            print("naked wrapped:", tree(g))
    except Exception as e:
        print("unexpected", e)


main()
