# Functions whose bytecode DecoderTest decodes and compares with dis. Each covers something the
# decoder must get right; long_constants and long_jump are generated below (EXTENDED_ARG).

def add(a, b):
    return a + b


def for_loop(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        total += i
    return total


def while_loop(n):
    i = 0
    while True:
        i += 1
        if i > n:
            break
    return i


def calls(f, obj, x):
    obj.append(x)
    f(x, y=1, z=x)
    return print(*obj, sep=', ', **{'end': ''})


def comparisons(a, b, c):
    if a < b < c:
        return a == b
    if a is None or b is not None:
        return a in b
    return not (a >= c) and a != b


def exceptions(x):
    try:
        y = 1 / x
    except ZeroDivisionError as e:
        y = str(e)
    except (TypeError, ValueError):
        raise
    finally:
        x = None
    return y


def with_statement(path):
    with open(path) as f, open(path) as g:
        return f.read() + g.read()


def comprehension(xs):
    return [x * 2 for x in xs if x], {k: v for k, v in xs}


def closure(x):
    def inner(y):
        nonlocal x
        x += y
        return x
    return inner


def generator(n):
    yield from range(n)
    x = yield n
    return x


async def coroutine(aw):
    async for item in aw:
        await item
    async with aw as a:
        return a


def literals(a, b):
    s = f'{a}-{b!r:>10}'
    t = (1, 2.5, 'x', None, b'y', ...)
    d = {'k': a, 'l': b}
    lst = [a, *b]
    lst[1:2] = lst[a:b]
    x, *rest = lst
    del lst[0]
    return s, t, d, -a, ~b, +a, x, rest


def matching(p):
    match p:
        case [x, y, *_]:
            return x + y
        case {'k': v}:
            return v
        case int() | float() as n if n > 0:
            return n
        case _:
            return None


_LONG_CONSTANTS = "def long_constants(x):\n" + "".join("    v%d = %d.5\n" % (i, i) for i in range(300)) + "    return x\n"
exec(_LONG_CONSTANTS)

_LONG_JUMP = ("def long_jump(x, y):\n"
              "    while x:\n"
              "        if y:\n"
              + "".join("            y = y + x * %d\n" % i for i in range(120))
              + "        x -= 1\n"
              "    return y\n")
exec(_LONG_JUMP)


import dis as _dis


def _row(ins):
    fields = (ins.offset, ins.start_offset, ins.opname, ins.arg, ins.jump_target, ins.line_number,
              ins.positions.lineno if ins.positions is not None else None)
    return ' '.join('-' if f is None else str(f) for f in fields)


def _describe(code):
    instructions = list(_dis.get_instructions(code))
    rows = [_row(ins) for ins in instructions if ins.opname not in ('EXTENDED_ARG', 'CACHE')]
    extended = sum(ins.opname == 'EXTENDED_ARG' for ins in instructions)
    table = ['%d %d %d %d %d' % (e.start, e.end, e.target, e.depth, e.lasti)
             for e in _dis._parse_exception_table(code)]
    return '\n'.join(rows), '\n'.join(table), str(extended)


CASES = ['add', 'for_loop', 'while_loop', 'calls', 'comparisons', 'exceptions', 'with_statement',
         'comprehension', 'closure', 'closure.inner', 'generator', 'coroutine', 'literals', 'matching',
         'long_constants', 'long_jump']

for _case in CASES:
    _outer, _, _inner = _case.partition('.')
    _code = globals()[_outer].__code__
    if _inner:
        _code = next(c for c in _code.co_consts if hasattr(c, 'co_code') and c.co_name == _inner)
    _key = _case.replace('.', '__')
    globals()['dis_' + _key], globals()['table_' + _key], globals()['extended_' + _key] = _describe(_code)
