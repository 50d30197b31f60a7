# jit-expect-compiled: validate parse_entry parse_all load load_config main
# An exception raised with `raise ... from ...` deep in compiled frames propagates uncaught
# through several more compiled frames (a loop, a method, a helper): the traceback shows both
# exceptions joined by "The above exception was the direct cause", every frame with its line,
# and the exit status is 1. Handled errors before it print their cause normally.
class ConfigError(Exception):
    pass


def validate(key, value):
    if not key.isidentifier():
        raise ValueError("bad key %r" % key)
    return int(value)


def parse_entry(line):
    key, _, value = line.partition("=")
    try:
        return key.strip(), validate(key.strip(), value.strip())
    except ValueError as e:
        raise ConfigError("cannot parse line %r" % line) from e


def parse_all(lines):
    result = {}
    for line in lines:
        if not line or line.startswith("#"):
            continue
        key, value = parse_entry(line)
        result[key] = value
    return result


class Loader:
    def __init__(self, text):
        self.lines = text.splitlines()

    def load(self):
        return parse_all(self.lines)


def load_config(text):
    return Loader(text).load()


def main():
    print(load_config("a = 1\n# comment\nb=2\n\nc= 30"))
    for text in ("x = y", "1x = 2", "z = 3\n = 4"):
        try:
            load_config(text)
        except ConfigError as e:
            print("handled:", e, "| cause:", type(e.__cause__).__name__, e.__cause__,
                  "| suppress context:", e.__suppress_context__)
    print(sorted(load_config("good = 5\nalso_good=6").items()))
    print("now failing for real")
    load_config("ok = 1\nport = eighty\nnever = 2")
    print("not reached")


main()
