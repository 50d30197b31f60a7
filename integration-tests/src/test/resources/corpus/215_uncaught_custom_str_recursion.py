# jit-expect-compiled: __str__ __repr__ evaluate apply_op run main
# A custom exception class with __str__ and __repr__ raised at the bottom of a recursive compiled
# evaluator: handled cases print str() and repr(); the final one is uncaught, so the traceback
# uses __str__ for its last line and collapses the repeated recursive frames into
# "[Previous line repeated N more times]"; exit status 1.
class EvalError(Exception):
    def __init__(self, expr, reason, depth):
        super().__init__(expr, reason)
        self.expr = expr
        self.reason = reason
        self.depth = depth

    def __str__(self):
        return "%s in %r at depth %d" % (self.reason, self.expr, self.depth)

    def __repr__(self):
        return "EvalError<%s>" % self.reason


class UnknownOp(EvalError):
    pass


def apply_op(op, a, b, expr, depth):
    if op == "+":
        return a + b
    if op == "*":
        return a * b
    if op == "/":
        if b == 0:
            raise EvalError(expr, "division by zero", depth)
        return a // b
    raise UnknownOp(expr, "unknown operator %s" % op, depth)


def evaluate(expr, depth=0):
    if isinstance(expr, int):
        return expr
    op, left, right = expr
    return apply_op(op, evaluate(left, depth + 1), evaluate(right, depth + 1), expr, depth)


def run(exprs):
    out = []
    for e in exprs:
        try:
            out.append(evaluate(e))
        except UnknownOp as err:
            out.append(("unknown", str(err), repr(err), err.args[1]))
        except EvalError as err:
            out.append(("error", str(err), repr(err), err.depth))
    return out


def deep(n, leaf):
    expr = leaf
    for i in range(n):
        expr = ("+", expr, i)
    return expr


def main():
    for item in run([("+", 1, ("*", 2, 3)), ("/", 7, ("+", 1, -1)), ("%", 1, 2), deep(5, ("/", 8, 2))]):
        print(item)
    print(isinstance(UnknownOp("e", "r", 0), EvalError), UnknownOp.__mro__[1].__name__)
    print("now uncaught")
    evaluate(deep(12, ("/", 1, ("*", 0, 5))))


main()
