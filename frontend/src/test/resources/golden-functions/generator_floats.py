def f(xs):
    for x in xs:
        scale = 0.5
        scaled = scale * scale
        yield scaled + scale
