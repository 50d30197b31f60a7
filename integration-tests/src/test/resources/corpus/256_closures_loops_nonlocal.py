# jit-expect-compiled: make_counters bump read reset late_binding fixed_binding accumulator add make_bank deposit withdraw balance nested_levels level1 level2 level3 cell_in_generator main
# Closures created in compiled code: several closures sharing one nonlocal cell (bump, read,
# reset), closures over a loop variable (late binding: all see the last value) versus default
# arguments and a factory (each keeps its own value), a nonlocal counter updated from a loop,
# a closure-based bank account raising on overdraft (state unchanged after the error), three
# levels of nested nonlocal rebinding, a cell deleted with del and read again (NameError),
# and a generator closing over a variable its creator keeps changing.
def make_counters(start):
    count = start

    def bump(by=1):
        nonlocal count
        count += by
        return count

    def read():
        return count

    def reset():
        nonlocal count
        old, count = count, start
        return old

    return bump, read, reset


def late_binding(n):
    fns = []
    for i in range(n):
        fns.append(lambda: i * 10)
    return [f() for f in fns]


def fixed_binding(n):
    def factory(v):
        return lambda: v * 10
    return [f() for f in [factory(i) for i in range(n)]] + [g() for g in [lambda i=i: -i for i in range(n)]]


def accumulator(values):
    total = 0

    def add(v):
        nonlocal total
        total += v
        return total
    partials = [add(v) for v in values]
    return partials, total


def make_bank(balance):
    history = []

    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            raise ValueError("deposit must be positive, got %r" % amount)
        balance += amount
        history.append(("+", amount))

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ArithmeticError("overdraft: %d > %d" % (amount, balance))
        balance -= amount
        history.append(("-", amount))

    def balance_of():
        return balance, list(history)

    return deposit, withdraw, balance_of


def balance(bank, ops):
    deposit, withdraw, balance_of = bank
    errors = []
    for kind, amount in ops:
        try:
            (deposit if kind == "d" else withdraw)(amount)
        except (ValueError, ArithmeticError) as e:
            errors.append(str(e))
    return balance_of(), errors


def nested_levels():
    x = "L0"

    def level1():
        nonlocal x
        x += ">L1"

        def level2():
            def level3():
                nonlocal x
                x += ">L3"
                return x
            return level3()
        return level2()
    first = level1()
    second = level1()
    del x
    try:
        return first, second, level1()
    except NameError as e:
        return first, second, "NameError: %s" % e


def cell_in_generator():
    factor = 1

    def scaled(values):
        for v in values:
            yield v * factor
    gen = scaled([1, 2, 3, 4])
    out = [next(gen)]
    factor = 100
    out.append(next(gen))
    factor = -1
    out.extend(gen)
    return out


def main():
    bump, read, reset = make_counters(5)
    print(bump(), bump(10), read(), reset(), read(), bump())
    print(late_binding(4), fixed_binding(3))
    print(accumulator([1, 2, 3, 4]))
    print(balance(make_bank(10), [("d", 5), ("w", 30), ("d", -1), ("w", 15), ("d", 2)]))
    print(nested_levels())
    print(cell_in_generator())


main()
