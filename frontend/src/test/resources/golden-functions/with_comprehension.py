def f(lock, xs):
    with lock:
        squares = [x * x for x in xs]
    if not squares:
        raise ValueError("empty", len(xs))
    return {s for s in squares}
