# jit-expect-compiled: parse_record main load
# An exception with notes added in several frames is not caught: the traceback on stderr ends
# with each note, in the order they were added; exit status 1.
def parse_record(text):
    name, age = text.split(",")
    return name.strip(), int(age)


def load(lines):
    out = []
    for i, line in enumerate(lines):
        try:
            out.append(parse_record(line))
        except ValueError as e:
            e.add_note(f"line {i + 1}: {line!r}")
            raise
    return out


def main():
    print(load(["ann, 31", "bob, 42"]))
    try:
        load(["cy, 20", "dee, forty"])
    except ValueError as e:
        e.add_note("while loading the people file")
        raise


main()
