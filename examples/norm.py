# A float kernel small enough to read at every stage: scripts/pyjit dump examples/norm.py --args float,float
def norm(x, y):
    return x * x + y * y


print(norm(3.0, 4.0))
