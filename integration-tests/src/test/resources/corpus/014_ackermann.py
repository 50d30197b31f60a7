# jit-expect-compiled: ack hanoi
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return moves
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)
    return moves


for m in range(3):
    print([ack(m, n) for n in range(5)])
print(ack(2, 3), ack(3, 3))
moves = hanoi(4, "A", "C", "B", [])
print(len(moves), " ".join(moves))
print(len(hanoi(10, "A", "C", "B", [])))
