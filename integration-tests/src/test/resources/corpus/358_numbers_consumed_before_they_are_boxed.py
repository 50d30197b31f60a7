# jit-expect-compiled: word_ints past_a_word int_truths float_truths floats_then_ints extremes counting generator_functions not_consumed
# jit-expect-consumed
# jit-expect-unboxed-consumed
# jit-threshold: 5
# A generator expression whose items are ints or floats its native code holds unboxed offers each
# to the builtin consuming it (sum(), any(), all()) before it makes the object, which it makes only
# where the builtin does not take the number: ints of more than a digit and near a word's end,
# a total that overflows the word (sum() goes on with Python ints, as CPython's does), truths of
# zeros, a negative zero and a NaN, ints added to a float total, min() and max() (a number no better
# than the best so far is dropped unboxed, a better one is boxed and kept: the first of equals, a
# NaN that never wins or is kept first, ints past a digit, an int best against floats), a generator
# function whose local is written to its frame between the number and its yield, and the same
# generators iterated by a loop, next() and list(), where nothing consumes.
import sys


def word_ints(n):
    # items of more than one 30-bit digit, summed in a word
    return sum(i * 1_000_000_007 for i in range(n)), sum(i * -3 for i in range(n))


def past_a_word(n):
    # the word's total overflows within a few items, and later items overflow a word on their own:
    # the rest is added as Python ints
    step = sys.maxsize // (n // 2)
    return sum(i * step for i in range(n)), sum(-i * step for i in range(n))


def int_truths(n):
    return (any(i * 0 for i in range(n)), any(i - n // 2 for i in range(n)), all(i + 1 for i in range(n)),
            all(i - 3 for i in range(n)), any(i * 0 for i in range(0)), all(i - i for i in range(0)))


def float_truths(n):
    nan = float("nan")
    return (any(i * 0.0 for i in range(n)), any(i * -0.0 for i in range(n)), all(i + 0.5 for i in range(n)),
            any(i * nan for i in range(n)), all(i * 1.5 for i in range(n)), any(0.0 * i - 0.0 for i in range(n)))


def floats_then_ints(n):
    # the first item is a float, so the ints after it are added to a float total (a word's and more)
    return (sum((i * 0.5 if i == 0 else i * 3) for i in range(n)), sum((0.25 if i == 0 else i << 40) for i in range(n)),
            sum(i * 0.1 for i in range(n)), min(i * 1.5 for i in range(1, n)), max(i * 7 for i in range(n)))


def extremes(n):
    nan = float("nan")
    return (max(i * 0.5 for i in range(n)), min(-i * 0.5 for i in range(n)), max((i % 7) * 1.5 for i in range(n)),
            min((i % 5) * 3 for i in range(n)), max(i * 4611686018427387 for i in range(n)), min(i * -3 for i in range(n)),
            max((nan if i == 3 else i * 1.0) for i in range(n)), max((i * 1.0 if i else nan) for i in range(n)),
            min(i * -0.0 for i in range(n)), max(i * -0.0 for i in range(n)), max((i if i % 2 else i * 0.5) for i in range(n)),
            max((i % 3 if i < n - 1 else 2.0) for i in range(n)), min((-1 if i else 0.5) * i * 1.0 for i in range(n)),
            # NaNs the generator's own arithmetic makes, in the middle and first
            max(1e308 * (i % 5 + 1) * 0.0 + i for i in range(n)), max(1e308 * ((i + 1) % 5 + 1) * 0.0 + i for i in range(n)),
            min(1e308 * (i % 5 + 1) * 0.0 - i for i in range(n)),
            # zeros of both signs, the first of equals kept
            max(i * 0.0 * (1 - i % 2 * 2) for i in range(n)), max(i * 0.0 * (i % 2 * 2 - 1) for i in range(n)),
            min(i * 0.0 * (1 - i % 2 * 2) for i in range(n)), min(i * 0.0 * (i % 2 * 2 - 1) for i in range(n)),
            # items dropped against a negative best, a best of more than a digit, items past 32 bits
            max(i * -3 for i in range(n)), max((n - i) * 4611686018427387 for i in range(n)),
            min((i % 4) * 2**35 - 1 for i in range(n)), max((i % 4 - 2) * 2**35 for i in range(n)))


def counting(n):
    k = 0
    for i in range(n):
        k += 3
        yield k * 0.5


def generator_functions(n):
    return sum(counting(n)), max(counting(n)), min(counting(n)), any(counting(n)), all(counting(n))


def not_consumed(n):
    squares = (i * i for i in range(n))
    first = next(squares)
    halves = [x for x in (i * 0.5 for i in range(n))]
    total = 0
    for x in (i * 3 for i in range(n)):
        total += x
    return first, sum(squares), halves[-3:], total, list(i * 2.5 for i in range(4))


for round in range(12):
    results = [word_ints(40 + round), past_a_word(40), int_truths(9), float_truths(9), floats_then_ints(30), extremes(15), generator_functions(40), not_consumed(25)]
    if round in (0, 11):
        for result in results:
            print(result)
