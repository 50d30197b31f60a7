# jit-expect-compiled: process total_of make_adder safe_int add squares_upto
def safe_int(s):
    try:
        return int(s)
    except ValueError:
        return 0


def squares_upto(n):
    return [i * i for i in range(n)]


def make_adder(k):
    def add(x):
        return x + k
    return add


def process(items, adder):
    result = []
    for it in items:
        v = safe_int(it)
        result.append(adder(v))
    return result


def total_of(n):
    sq = squares_upto(n)
    t = 0
    for v in sq:
        t += v
    return t, len(sq)


add5 = make_adder(5)
print(process(["1", "x", "30", "", "-7"], add5))
print(process(["2", "3"], make_adder(-100)))
print(total_of(10), total_of(0), total_of(100))
gen = (process([str(i)], add5)[0] for i in range(5))
print(list(gen))
