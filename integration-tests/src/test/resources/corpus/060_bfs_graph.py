# jit-expect-compiled: bfs shortest_path count_components
GRAPH = {
    "a": ["b", "c"], "b": ["a", "d"], "c": ["a", "d", "e"], "d": ["b", "c", "f"],
    "e": ["c", "f"], "f": ["d", "e"], "x": ["y"], "y": ["x"], "z": [],
}


def bfs(graph, start):
    order = []
    seen = {start: True}
    queue = [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nb in graph[node]:
            if nb not in seen:
                seen[nb] = True
                queue.append(nb)
    return order


def shortest_path(graph, start, goal):
    prev = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        if node == goal:
            break
        for nb in graph[node]:
            if nb not in prev:
                prev[nb] = node
                queue.append(nb)
    if goal not in prev:
        return None
    path = []
    cur = goal
    while cur is not None:
        path.append(cur)
        cur = prev[cur]
    path.reverse()
    return path


def count_components(graph):
    seen = {}
    comps = 0
    for node in graph:
        if node in seen:
            continue
        comps += 1
        for n in bfs(graph, node):
            seen[n] = comps
    return comps, seen


print(bfs(GRAPH, "a"))
print(shortest_path(GRAPH, "a", "f"), shortest_path(GRAPH, "a", "y"), shortest_path(GRAPH, "z", "z"))
print(count_components(GRAPH))
