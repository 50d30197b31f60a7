# jit-expect-compiled: caesar rle_encode rle_decode
def caesar(text, shift):
    out = ""
    for ch in text:
        if "a" <= ch <= "z":
            out += chr((ord(ch) - 97 + shift) % 26 + 97)
        elif "A" <= ch <= "Z":
            out += chr((ord(ch) - 65 + shift) % 26 + 65)
        else:
            out += ch
    return out


def rle_encode(s):
    if not s:
        return []
    runs = []
    cur = s[0]
    n = 1
    for ch in s[1:]:
        if ch == cur:
            n += 1
        else:
            runs.append((cur, n))
            cur = ch
            n = 1
    runs.append((cur, n))
    return runs


def rle_decode(runs):
    parts = []
    for ch, n in runs:
        parts.append(ch * n)
    return "".join(parts)


msg = "Hello, World! The quick brown fox."
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3), caesar(msg, 26) == msg, caesar("xyz", 55))
r = rle_encode("aaabccddddde")
print(r, rle_decode(r), rle_encode(""), rle_decode(rle_encode("zz")))
