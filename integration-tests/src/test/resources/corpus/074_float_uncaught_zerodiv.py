# jit-expect-compiled: inverse_square field_at total_field
import sys


def inverse_square(r):
    r2 = r * r
    return 1.0 / r2


def field_at(x, source, strength):
    d = x - source
    if d < 0.0:
        d = -d
    return strength * inverse_square(d)


def total_field(x, s1, s2, s3):
    f = field_at(x, s1, 1.0)
    f = f + field_at(x, s2, -2.0)
    f = f + field_at(x, s3, 0.5)
    return f


x = -1.0
while x < 2.0:
    v = total_field(x, 0.25, 1.25, 3.0)
    print(repr(x), repr(v), v.hex())
    x = x + 0.3
sys.stdout.flush()
print("probe at a source", file=sys.stderr)
print(total_field(1.0, 0.5, 1.0 / 3.0 * 3.0, 2.0))
print("not reached")
