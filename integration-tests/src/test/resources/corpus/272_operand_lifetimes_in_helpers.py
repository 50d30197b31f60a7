# jit-expect-compiled: star_call star_args refcount_in_call enter_sync enter_async bad_aiter main missing_name
# When helpers that take their operands over release them, as the interpreter does: an iterable
# given for *args is replaced by its tuple before the call; a context manager is released before
# __enter__ or __aenter__ runs; async for releases the iterable before checking what __aiter__
# gave; from-import of a missing name names a module's __file__ when its spec has no location.
import asyncio
import sys


class Iterable:
    def __iter__(self):
        return iter([1, 2])

    def __del__(self):
        print("del iterable")


def star_args(*items):
    print("in call", items)


def refcount_in_call(*items):
    # the list given with * is held by the caller's variable and the call only
    print("refcount", sys.getrefcount(shared))


shared = [1, 2]


def star_call():
    star_args(*Iterable())
    refcount_in_call(*shared)


class Manager:
    def __enter__(self):
        print("__enter__ refcount", sys.getrefcount(self))

    def __exit__(self, *exc):
        return False

    def __aenter__(self):
        print("__aenter__ refcount", sys.getrefcount(self))
        return asyncio.sleep(0)

    def __aexit__(self, *exc):
        return asyncio.sleep(0)


def enter_sync():
    with Manager():
        pass


async def enter_async():
    async with Manager():
        pass


class Plain:
    def __del__(self):
        print("del what __aiter__ gave")


class NoNext:
    def __aiter__(self):
        return Plain()

    def __del__(self):
        print("del the iterable")


async def bad_aiter():
    try:
        async for item in NoNext():
            pass
    except TypeError as error:
        print(error)


def missing_name():
    from os import no_such_name


def main():
    star_call()
    enter_sync()
    asyncio.run(enter_async())
    asyncio.run(bad_aiter())
    try:
        missing_name()
    except ImportError as error:
        print(str(error).split(" (")[0], error.path is not None and error.path.endswith("os.py"))


main()
