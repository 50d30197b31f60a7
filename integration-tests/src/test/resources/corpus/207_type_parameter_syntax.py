# jit-expect-compiled: generic_functions first pair_up clamp generic_classes get put map_to type_aliases names_of lazy_alias_errors main
# Type-parameter syntax (PEP 695, and PEP 696 defaults in 3.13) inside functions: generic
# functions with plain, bounded, constrained and defaulted type variables, TypeVarTuple and
# ParamSpec; generic classes and a generic subclass, subscription of them; type aliases (plain and
# generic, lazily evaluated, referring to the enclosing function's locals and to themselves);
# and __type_params__, __bound__, __constraints__, __default__, __value__, __parameters__ printed.
import typing


def names_of(params):
    return [type(p).__name__ + ":" + p.__name__ for p in params]


def generic_functions():
    def first[T](xs: list[T]) -> T:
        return xs[0]

    def pair_up[K, V](keys: list[K], values: list[V]) -> dict[K, V]:
        return {k: v for k, v in zip(keys, values)}

    def clamp[N: (int, float)](x: N, lo: N, hi: N) -> N:
        return max(lo, min(x, hi))

    def bounded[S: str](s: S) -> S:
        return s.upper()

    def variadic[*Ts](*args: *Ts) -> tuple[*Ts]:
        return args

    def with_spec[**P, R](fn: typing.Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        return fn(*args, **kwargs)

    def defaulted[T = int, *Us = *tuple[str, ...]](x: T) -> T:
        return x

    results = [first([3, 2, 1]), first("xyz"), pair_up(["a", "b"], [1, 2]), clamp(15, 0, 10),
               clamp(-2.5, -1.0, 1.0), bounded("shout"), variadic(1, "two", 3.0),
               with_spec(pair_up, ["k"], values=["v"]), defaulted(7)]
    info = []
    for fn in (first, pair_up, clamp, bounded, variadic, with_spec, defaulted):
        info.append((fn.__name__, names_of(fn.__type_params__)))
    (n,) = clamp.__type_params__
    (s,) = bounded.__type_params__
    t, us = defaulted.__type_params__
    details = (n.__constraints__, n.__bound__, s.__bound__, s.__constraints__, t.__default__,
               us.__default__, first.__type_params__[0].__default__ is typing.NoDefault,
               first.__annotations__["return"] is first.__type_params__[0])
    return results, info, details


def generic_classes():
    class Box[T]:
        def __init__(self, item: T):
            self.item = item

        def get(self) -> T:
            return self.item

        def put[U](self, other: U) -> "Box[U]":
            return Box(other)

        def map_to[R](self, fn) -> "Box[R]":
            return Box(fn(self.item))

    class Labeled[T, L: str = str](Box[T]):
        def __init__(self, item: T, label: L):
            super().__init__(item)
            self.label = label

    class Registry[*Ts, **P]:
        pass

    b = Box(21)
    m = b.map_to(lambda x: x * 2)
    p = b.put("text")
    lab = Labeled([1], "list box")
    out = [b.get(), m.get(), p.get(), lab.get(), lab.label]
    out.append(names_of(Box.__type_params__))
    out.append(names_of(Labeled.__type_params__))
    out.append(names_of(Registry.__type_params__))
    out.append(names_of(Box.put.__type_params__))
    out.append(Labeled.__type_params__[1].__bound__ is str)
    out.append(Labeled.__type_params__[1].__default__ is str)
    out.append(Box.__type_params__ == Box.__parameters__)
    alias = Box[int]
    out.append((repr(alias).split(".")[-1], typing.get_args(alias), typing.get_origin(alias) is Box))
    out.append([base.__name__ for base in Labeled.__mro__])
    out.append(repr(Labeled.__orig_bases__[0]).split(".")[-1])
    try:
        Box[int, str]
    except TypeError as e:
        out.append(("TypeError", str(e).split(".")[-1]))
    return out


def type_aliases(scale):
    type IntList = list[int]
    type Pair[K, V] = tuple[K, V]
    type Scaled = dict[str, scale]
    type Tree = list[Tree] | int
    type Matrix[T = float] = list[list[T]]
    out = [IntList.__name__, IntList.__value__, names_of(IntList.__type_params__)]
    out.append((Pair.__name__, names_of(Pair.__type_params__), repr(Pair.__value__)))
    out.append(repr(Pair[str, int]))
    out.append(Scaled.__value__)
    out.append(repr(Tree.__value__))
    out.append((names_of(Matrix.__type_params__), Matrix.__type_params__[0].__default__))
    out.append((type(IntList).__name__, isinstance(IntList, typing.TypeAliasType)))
    out.append(typing.get_args(Pair[bytes, bool]))
    return out


def lazy_alias_errors():
    type Later = list[UndefinedName]
    out = ["alias created"]
    try:
        Later.__value__
    except NameError as e:
        out.append(("NameError", str(e)))
    type Fine = list[int]
    try:
        Fine.__value__ = 5
    except AttributeError as e:
        out.append(("AttributeError", "readonly" if "readonly" in str(e) or "not writable" in str(e) else str(e)))
    for attempt in (lambda: Fine(), lambda: Fine[int], lambda: typing.TypeAliasType("Bad", int, type_params=5)):
        try:
            attempt()
        except TypeError as e:
            out.append(("TypeError", str(e)))
    return out


def main():
    results, info, details = generic_functions()
    print(results)
    for row in info:
        print(row)
    print(details)
    for row in generic_classes():
        print(row)
    for row in type_aliases(float):
        print(row)
    print(lazy_alias_errors())


main()
