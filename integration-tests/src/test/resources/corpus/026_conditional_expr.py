# jit-expect-compiled: sign grade fizz
def sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)


def grade(score):
    if score >= 90:
        g = "A"
    elif score >= 80:
        g = "B"
    elif score >= 70:
        g = "C"
    else:
        g = "F"
    return g + ("+" if score % 10 >= 7 and score < 100 else "")


def fizz(n):
    out = []
    for i in range(1, n + 1):
        s = ("Fizz" if i % 3 == 0 else "") + ("Buzz" if i % 5 == 0 else "")
        out.append(s if s else str(i))
    return out


print([sign(v) for v in (-5, 0, 3, -0.0, 2.5)])
print([grade(s) for s in (100, 97, 85, 79, 70, 12)])
print(" ".join(fizz(20)))
