"""Binary trees: allocate, walk and discard many perfect binary trees.

In the style of the Benchmarks Game's binary-trees (also in pyperformance's collection of
GC-heavy programs): a long-lived tree, then many short-lived trees of growing depth, each
checked by a recursive node count; plus a small binary search tree with insert, lookup,
in-order traversal and height.
"""
import random

MAX_DEPTH = 14
MIN_DEPTH = 4
BST_KEYS = 20_000


class Node:
    __slots__ = ("left", "right")

    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()


def bottom_up(depth):
    if depth == 0:
        return Node()
    depth -= 1
    return Node(bottom_up(depth), bottom_up(depth))


def make_tuple_tree(depth):
    return (make_tuple_tree(depth - 1), make_tuple_tree(depth - 1)) if depth else (None, None)


def check_tuple_tree(node):
    left, right = node
    return 1 if left is None else 1 + check_tuple_tree(left) + check_tuple_tree(right)


class SearchTree:
    class _Node:
        __slots__ = ("key", "value", "left", "right")

        def __init__(self, key, value):
            self.key = key
            self.value = value
            self.left = self.right = None

    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key, value):
        if self.root is None:
            self.root = self._Node(key, value)
            self.size = 1
            return
        node = self.root
        while True:
            if key == node.key:
                node.value = value
                return
            side = "left" if key < node.key else "right"
            child = getattr(node, side)
            if child is None:
                setattr(node, side, self._Node(key, value))
                self.size += 1
                return
            node = child

    def get(self, key, default=None):
        node = self.root
        while node is not None:
            if key == node.key:
                return node.value
            node = node.left if key < node.key else node.right
        return default

    def __iter__(self):
        yield from self._walk(self.root)

    def _walk(self, node):
        if node is not None:
            yield from self._walk(node.left)
            yield node.key, node.value
            yield from self._walk(node.right)

    def height(self, node=None, top=True):
        if top:
            node = self.root
        if node is None:
            return 0
        return 1 + max(self.height(node.left, False), self.height(node.right, False))


def main():
    lines = []
    stretch = MAX_DEPTH + 1
    lines.append(f"stretch tree of depth {stretch}\t check: {bottom_up(stretch).check()}")
    long_lived = bottom_up(MAX_DEPTH)
    total = 0
    for depth in range(MIN_DEPTH, MAX_DEPTH + 1, 2):
        iterations = 2 ** (MAX_DEPTH - depth + MIN_DEPTH)
        check = sum(bottom_up(depth).check() for _ in range(iterations))
        total += check
        lines.append(f"{iterations}\t trees of depth {depth}\t check: {check}")
    lines.append(f"long lived tree of depth {MAX_DEPTH}\t check: {long_lived.check()}")
    tuple_check = check_tuple_tree(make_tuple_tree(MAX_DEPTH))

    rng = random.Random(99)
    bst = SearchTree()
    keys = [rng.randrange(10 * BST_KEYS) for _ in range(BST_KEYS)]
    for i, k in enumerate(keys):
        bst.insert(k, i)
    found = sum(1 for k in range(0, 10 * BST_KEYS, 7) if bst.get(k) is not None)
    ordered = [k for k, _ in bst]
    if ordered != sorted(set(keys)):
        raise AssertionError("in-order walk is not sorted")
    lines.append(f"search tree: {bst.size} keys, height {bst.height()}, {found} hits")
    print("\n".join(lines))
    print(f"checksum {total} {tuple_check} {bst.size} {bst.height()} {found} {sum(ordered) % 1_000_003}")


if __name__ == "__main__":
    main()
