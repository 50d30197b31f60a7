# args: float
import math


def f(x):
    d = x * x + 1.0
    return math.sqrt(d) / d
