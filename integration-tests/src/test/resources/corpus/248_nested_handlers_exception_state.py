# jit-expect-compiled: current nested_three reraise_outer_after_inner handler_calls_handler gen_in_handler fail_with context_cycle_cut except_tuple_and_order main
# Nested exception handlers in compiled code and the "current exception" state: sys.exception()
# at each nesting level and after each handler ends (restored to the outer one), a bare raise
# after an inner handler re-raises the outer exception, a function called from a handler sees
# the caller's exception, a generator resumed inside a handler, implicit __context__ links set
# at each level (and not creating a cycle when re-raising an outer exception), except with a
# tuple of classes, and handler order with subclasses.
import sys


def current():
    e = sys.exception()
    return None if e is None else "%s(%s)" % (type(e).__name__, e)


def nested_three():
    seen = []
    try:
        raise KeyError("one")
    except KeyError:
        seen.append(current())
        try:
            raise ValueError("two")
        except ValueError:
            seen.append(current())
            try:
                raise TypeError("three")
            except TypeError as e:
                seen.append(current())
                seen.append(repr(e.__context__) + " <- " + repr(e.__context__.__context__))
            seen.append(current())
        seen.append(current())
    seen.append(current())
    return seen


def reraise_outer_after_inner():
    try:
        raise LookupError("outer")
    except LookupError:
        try:
            raise IndexError("inner")
        except IndexError:
            pass
        raise


def handler_calls_handler():
    try:
        raise OSError("from caller")
    except OSError:
        return current(), gen_state()


def gen_in_handler():
    yield current()
    try:
        raise ArithmeticError("in generator")
    except ArithmeticError:
        yield current()
    yield current()


def gen_state():
    g = gen_in_handler()
    return [next(g), next(g), next(g)]


def fail_with(cls, msg):
    raise cls(msg)


def context_cycle_cut():
    try:
        fail_with(ValueError, "a")
    except ValueError as a:
        try:
            fail_with(KeyError, "b")
        except KeyError as b:
            try:
                raise a
            except ValueError as again:
                return again is a, repr(a.__context__), repr(b.__context__)


def except_tuple_and_order(items):
    out = []
    for cls in items:
        try:
            fail_with(cls, cls.__name__)
        except (KeyError, IndexError) as e:
            out.append("lookup-ish " + type(e).__name__)
        except ArithmeticError as e:
            out.append("arith " + type(e).__name__)
        except Exception as e:
            out.append("other " + type(e).__name__)
    return out


def main():
    for line in nested_three():
        print(line)
    try:
        reraise_outer_after_inner()
    except LookupError as e:
        print("re-raised:", repr(e), "context:", repr(e.__context__))
    print(handler_calls_handler())
    print(gen_state())
    print(context_cycle_cut())
    print(except_tuple_and_order([KeyError, IndexError, ZeroDivisionError, OverflowError, ValueError, LookupError]))
    print(current())


main()
