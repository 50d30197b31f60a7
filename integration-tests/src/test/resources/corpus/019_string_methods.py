# jit-expect-compiled: str_ops normalize
def str_ops(s):
    return (s.upper(), s.lower(), s.strip(), s.split(), s.replace("o", "0"),
            s.startswith("  He"), s.endswith("d  "), s.find("o"), s.count("l"),
            s.strip().title(), "-".join(s.split()), s.isdigit(), len(s))


def normalize(text):
    words = text.split(",")
    out = []
    for w in words:
        w = w.strip().lower()
        if not w:
            continue
        if w.isalpha():
            out.append(w.capitalize())
        else:
            out.append(w.zfill(5))
    return " ".join(out)


print(str_ops("  Hello World  "))
print(str_ops("123"))
print(normalize("apple, BANANA,,42 ,cherry,7"))
print(normalize(""))
print("a,b;c".split(","), "x".center(7, "*"), "abc".rjust(5), "%5.2f|%-4d|%s" % (3.14159, 42, "z"))
