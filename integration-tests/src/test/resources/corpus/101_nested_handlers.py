# jit-expect-compiled: leaf outer middle retry
# Nested try statements: an inner handler that does not match lets the exception reach the outer
# one, inner finally blocks run first, and exceptions cross several function frames.
def leaf(kind):
    if kind == 0:
        return "ok"
    if kind == 1:
        return {}["missing"]
    if kind == 2:
        return [][3]
    if kind == 3:
        return int("zz")
    return None + 1


def middle(kind, trail):
    try:
        try:
            return leaf(kind)
        except KeyError:
            trail.append("inner-key")
            raise
        finally:
            trail.append("inner-finally")
    except LookupError as e:
        trail.append("middle-lookup:" + type(e).__name__)
        return "lookup"
    finally:
        trail.append("middle-finally")


def outer(kind):
    trail = []
    try:
        r = middle(kind, trail)
    except ValueError:
        trail.append("outer-value")
        r = "value"
    except Exception as e:
        trail.append("outer-other:" + type(e).__name__)
        r = "other"
    return r, trail


def retry(max_tries):
    attempts = 0
    while True:
        try:
            attempts += 1
            try:
                if attempts < max_tries:
                    raise ConnectionError("try %d" % attempts)
                return attempts
            except ConnectionError as e:
                if attempts == 2:
                    raise TimeoutError("escalated") from e
        except TimeoutError as t:
            print("  escalation at", attempts, "cause:", t.__cause__)


for k in range(5):
    print(k, outer(k))
print("retry ->", retry(4))
