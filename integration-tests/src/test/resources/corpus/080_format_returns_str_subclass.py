# jit-expect-compiled: g __format__ __lt__
# __format__ may return a subclass of str: an f-string's value is not known to be an exact str.
class S(str):
    def __lt__(self, other):
        return 1
class X:
    def __format__(self, spec):
        return S("a")

def g(x):
    return (f"{x}" < "b") or "fallback"

r = []
for i in range(6):
    r.append(g(X()))
print("loop site:", r)
print("via map:  ", list(map(g, [X() for _ in range(6)])))
