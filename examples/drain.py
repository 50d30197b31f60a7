"""Truth tests of values whose type compiled code knows: read off the object, with no call."""


def drain(todo, limit):
    done = 0
    while todo and limit:
        done += todo.pop()
        limit -= 1
    return done


print(drain(list(range(10)), 4))
