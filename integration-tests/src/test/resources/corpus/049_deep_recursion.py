# jit-expect-compiled: depth_sum build_chain chain_len count_down
def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


def build_chain(n):
    node = None
    for i in range(n):
        node = [i, node]
    return node


def chain_len(node):
    if node is None:
        return 0
    return 1 + chain_len(node[1])


def count_down(n, acc):
    if n <= 0:
        return acc
    acc.append(n % 10)
    return count_down(n - 1, acc)


print(depth_sum(500))
print(depth_sum(499) + depth_sum(1))
print(chain_len(build_chain(500)))
d = count_down(500, [])
print(len(d), sum(d), d[:12])
