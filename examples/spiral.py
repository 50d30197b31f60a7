# A float loop whose locals are all floats: the case the float specialisation is for.
def spiral(x, y, turns):
    while turns > 0.0:
        x, y = x * 0.9999 - y * 0.0001, y * 0.9999 + x * 0.0001
        turns = turns - 1.0
    return x, y


print(spiral(1.0, 0.0, 30000000.0))
