# A float loop whose locals are all floats: the case the float specialisation is for.
def spiral(x, y, turns):
    while turns > 0.0:
        x, y = x * 0.6 - y * 0.8, x * 0.8 + y * 0.6
        turns = turns - 1.0
    return x, y


print(spiral(1.0, 0.0, 10000000.0))
