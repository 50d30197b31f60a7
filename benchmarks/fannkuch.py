"""Fannkuch-redux: pancake flips over all permutations of 1..n.

In the style of pyperformance's fannkuch (from the Computer Language Benchmarks Game):
permutations generated in the counting order, the maximum flip count and the alternating
checksum printed at the end.
"""

N = 9


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if sign == 1 else -flips
        sign = -sign
        # next permutation in the counting order
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1.pop(0)
            perm1.insert(r, first)
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    checksum, flips = fannkuch(N)
    print(checksum)
    print(f"Pfannkuchen({N}) = {flips}")
    print(f"checksum {checksum} {flips}")


if __name__ == "__main__":
    main()
