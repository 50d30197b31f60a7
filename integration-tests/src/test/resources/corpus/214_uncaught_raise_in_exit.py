# jit-expect-compiled: __enter__ __exit__ rollback apply transfer process main
# A context manager whose __exit__ raises while the with body's exception is propagating: the
# new exception carries the body's one as __context__. Handled once, then uncaught through the
# compiled loop (whose finally prints) so the traceback shows both, with the __exit__ frames;
# exit status 1.
class RollbackError(Exception):
    pass


class Transaction:
    def __init__(self, ledger, fragile):
        self.ledger = ledger
        self.fragile = fragile

    def __enter__(self):
        self.saved = dict(self.ledger)
        return self

    def __exit__(self, et, ev, tb):
        if et is None:
            return False
        rollback(self, ev)
        return et is KeyError


def rollback(tx, error):
    if tx.fragile:
        raise RollbackError("rollback failed after %s" % type(error).__name__)
    tx.ledger.clear()
    tx.ledger.update(tx.saved)


def apply(ledger, src, dst, amount):
    ledger[src] -= amount
    ledger[dst] += ledger[src] // ledger[src] * amount if ledger[src] else amount // ledger[src]


def transfer(ledger, src, dst, amount, fragile):
    with Transaction(ledger, fragile):
        apply(ledger, src, dst, amount)
    return dict(ledger)


def process(ledger, moves, fragile=False):
    done = 0
    for src, dst, amount in moves:
        try:
            transfer(ledger, src, dst, amount, fragile)
            done += 1
        finally:
            print("after move", src, dst, amount, sorted(ledger.items()))
    return done


def main():
    ledger = {"a": 10, "b": 5}
    print(process(ledger, [("a", "b", 3), ("b", "zz", 1)]))
    try:
        process(ledger, [("a", "b", 7)])
    except ZeroDivisionError as e:
        print("handled:", e, sorted(ledger.items()))
    try:
        process(ledger, [("b", "a", 15)], fragile=True)
    except RollbackError as e:
        print("handled:", e, "| context:", repr(e.__context__))
    print("now uncaught")
    process({"a": 4, "b": 4}, [("a", "b", 1), ("a", "b", 3), ("b", "a", 1)], fragile=True)


main()
