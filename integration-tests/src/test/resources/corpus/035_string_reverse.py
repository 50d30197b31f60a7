# jit-expect-compiled: reverse_loop reverse_slice is_palindrome reverse_words
def reverse_loop(s):
    out = ""
    i = len(s) - 1
    while i >= 0:
        out += s[i]
        i -= 1
    return out


def reverse_slice(s):
    return s[::-1]


def is_palindrome(s):
    clean = ""
    for ch in s.lower():
        if ch.isalnum():
            clean += ch
    return clean == reverse_loop(clean)


def reverse_words(sentence):
    words = sentence.split(" ")
    out = []
    for i in range(len(words) - 1, -1, -1):
        out.append(words[i])
    return " ".join(out)


for s in ["hello", "", "a", "racecar", "Ünïcode ✓"]:
    print(repr(reverse_loop(s)), reverse_loop(s) == reverse_slice(s))
for s in ["A man, a plan, a canal: Panama", "No lemon, no melon", "pyjit"]:
    print(s, is_palindrome(s))
print(reverse_words("the quick brown fox jumps"))
