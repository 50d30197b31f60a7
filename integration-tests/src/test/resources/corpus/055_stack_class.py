# jit-expect-compiled: __init__ push pop peek size is_empty eval_rpn
class Stack:
    def __init__(self):
        self.items = []
        self.max_size = 0

    def push(self, v):
        self.items.append(v)
        if len(self.items) > self.max_size:
            self.max_size = len(self.items)

    def pop(self):
        return self.items.pop()

    def peek(self):
        return self.items[-1]

    def size(self):
        return len(self.items)

    def is_empty(self):
        return len(self.items) == 0


def eval_rpn(tokens):
    st = Stack()
    for tok in tokens.split():
        if tok in ("+", "-", "*", "/"):
            b = st.pop()
            a = st.pop()
            if tok == "+":
                st.push(a + b)
            elif tok == "-":
                st.push(a - b)
            elif tok == "*":
                st.push(a * b)
            else:
                st.push(a / b)
        else:
            st.push(float(tok) if "." in tok else int(tok))
    return st.peek(), st.size(), st.max_size, st.is_empty()


print(eval_rpn("3 4 + 2 *"))
print(eval_rpn("5 1 2 + 4 * + 3 -"))
print(eval_rpn("2.5 4 * 10 3 / -"))
print(eval_rpn("1 2 3 4 5 + + + +"))
s = Stack()
print(s.is_empty(), s.size())
