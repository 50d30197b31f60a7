# args: list,float
def f(lines, weight):
    score = 0.0
    for number, line in enumerate(lines, 1):
        score += number * weight
    return score
