# jit-expect-compiled: make rec
# Under pyjit's frame evaluator every call nests on the C stack, also in code the compiler
# refuses: recursion still goes as deep as sys.setrecursionlimit allows, bounded by the real stack.
import sys
sys.setrecursionlimit(200000)
def make():
    def rec(n):              # a closure (rec is a free variable): the compiler refuses it
        if n == 0:
            return 0
        return rec(n - 1) + 1
    return rec
a = make()
b = make()                   # created before the code is refused
print(a(300))                # refusal: only `a` gets its version and vectorcall back
try:
    print(b(50000))
except RecursionError as e:
    print("RecursionError:", e)
