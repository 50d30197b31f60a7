# jit-expect-compiled: greet repeat_join build_line pad
def greet(name, punct):
    return "Hello, " + name + punct


def repeat_join(s, n, sep):
    out = ""
    i = 0
    while i < n:
        if i > 0:
            out = out + sep
        out += s
        i += 1
    return out


def build_line(parts):
    line = ""
    for p in parts:
        line = line + str(p) + ";"
    return line + "len=" + str(len(line))


def pad(s, width):
    return s * 2 + "-" * (width - len(s)) + "|"


print(greet("world", "!"))
print(greet("", "?"))
print(repeat_join("ab", 5, ","))
print(repeat_join("x", 0, ","))
print(build_line([1, 2.5, "three", None, True, (4, 5)]))
for w in ["a", "abc", "abcdef"]:
    print(pad(w, 8))
print("%s has %d chars" % (greet("pyjit", "."), len(greet("pyjit", "."))))
