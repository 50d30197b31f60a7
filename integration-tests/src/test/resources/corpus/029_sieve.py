# jit-expect-compiled: sieve is_prime prime_factors
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    primes = []
    for k in range(n + 1):
        if flags[k]:
            primes.append(k)
    return primes


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def prime_factors(n):
    fs = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            fs.append(d)
            n //= d
        d += 1
    if n > 1:
        fs.append(n)
    return fs


ps = sieve(10000)
print(len(ps), ps[:15], ps[-5:])
print(all(is_prime(p) for p in ps[:200]), sum(1 for k in range(1000) if is_prime(k)))
for n in [360, 97, 1001, 2 ** 31 - 1, 600851475143]:
    print(n, prime_factors(n))
