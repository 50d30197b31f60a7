# jit-expect-compiled:
# Functions made from one code object before the compiler refused it run as the interpreter's
# own again, so deep recursion stays inside the interpreter as without pyjit.
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
