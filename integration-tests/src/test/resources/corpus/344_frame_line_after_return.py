# jit-expect-compiled: implicit_return in_else explicit_return after_loop second_return generator_frame
# A frame object made for a frame (sys._getframe in a callee) outlives the frame, and reports the
# line of the frame's last instruction: its return, the implicit one at the end of an `if` as well
# as an explicit one, after a loop, and in a generator that ran to its end. Compiled code keeps the
# frame's instruction pointer at the last instruction that could raise, so before the return it
# showed the line of the call (CPython's test_compile.test_lineno_after_implicit_return). A loop
# entered natively from the interpreter (on-stack replacement) hands the return back to the
# interpreter: at the return the code reached, not the first one of its kind.
import sys

TRUE = True
captured = []


def capture():
    captured.append(sys._getframe(1))


def line_of_last():
    frame = captured.pop()
    return frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno


def implicit_return(x):
    x()
    if TRUE:
        pass


def in_else(x):
    x()
    if not TRUE:
        pass
    else:
        x = 2


def explicit_return(x):
    x()
    y = 1
    return y


def after_loop(x, n):
    x()
    total = 0
    for i in range(n):
        total += i
    return total


def second_return(x, n):
    x()
    total = 0
    for i in range(n):
        total += i
    if total < 0:
        return -total
    return total


def generator_frame(x):
    x()
    yield 1
    yield 2


for round_ in range(3):
    implicit_return(capture)
    print(round_, line_of_last())
    in_else(capture)
    print(round_, line_of_last())
    explicit_return(capture)
    print(round_, line_of_last())
    print(round_, after_loop(capture, 1000), line_of_last())
    print(round_, second_return(capture, 1000), line_of_last())
    print(round_, list(generator_frame(capture)), line_of_last())
