# jit-expect-compiled: make Outer Alias method use
# Annotation scopes inside a class body (a generic method's type parameters, a type alias) read a
# name from the class namespace first, then from the globals (LOAD_FROM_DICT_OR_GLOBALS), and a
# name missing from both raises NameError when the alias is evaluated.
Shared = dict


def make():
    class Outer:
        Inner = int

        def method[T](self, x: Inner) -> T:
            return x

        type Alias = list[Inner]
        type Missing = tuple[Nowhere]
        type FromGlobals = Shared[str, Inner]

    return Outer


def use():
    Outer = make()
    print(Outer.method.__annotations__)
    print(Outer.Alias.__value__)
    print(Outer.FromGlobals.__value__)
    print(Outer().method(7))
    try:
        Outer.Missing.__value__
    except NameError as error:
        print("NameError:", error)


use()
