# jit-expect-compiled: __init__ __str__ __repr__ check_order validate_user classify_errors message_calls main
# assert statements with messages computed lazily (the message expression only runs when the
# assertion fails), a bare assert without message, and a custom exception hierarchy
# with __init__ storing fields, __str__ and __repr__ overrides, args as set by super().__init__,
# str() of an exception with several args, except clauses ordered from specific to general, and
# repr/str of exceptions raised inside compiled loops.
calls = []


def message_calls(text):
    calls.append(text)
    return text


def check_order(items):
    for a, b in zip(items, items[1:]):
        assert a <= b, message_calls("out of order: %r > %r" % (a, b))
    assert items, "empty"
    return "sorted %d" % len(items)


class AppError(Exception):
    code = 1


class ValidationError(AppError):
    code = 2

    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def __str__(self):
        return "%s: %s" % (self.field, self.problem)


class MissingField(ValidationError):
    code = 3

    def __init__(self, field):
        super().__init__(field, "is required")

    def __repr__(self):
        return "MissingField(%r)" % self.field


class TooLong(ValidationError):
    code = 4


def validate_user(user):
    for field in ("name", "email"):
        if field not in user:
            raise MissingField(field)
    if len(user["name"]) > 5:
        raise TooLong("name", "longer than 5 (%d)" % len(user["name"]))
    if "@" not in user["email"]:
        raise ValidationError("email", "no @ in %r" % user["email"])
    if user.get("age", 0) < 0:
        raise AppError("age", user["age"])
    return "ok"


def classify_errors(users):
    out = []
    for user in users:
        try:
            out.append(validate_user(user))
        except MissingField as e:
            out.append(("missing", str(e), repr(e), e.args, e.code))
        except ValidationError as e:
            out.append(("invalid", type(e).__name__, str(e), repr(e), e.code))
        except AppError as e:
            out.append(("app", str(e), repr(e), e.code))
    return out


def main():
    print(check_order([1, 2, 2, 5]), calls)
    for items in ([3, 1], [], ["a", "c", "b"]):
        try:
            print(check_order(items))
        except AssertionError as e:
            print("AssertionError:", e, e.args)
    print("message built only on failure:", calls)
    try:
        assert 1 + 1 == 3
    except AssertionError as e:
        print("bare assert:", repr(e), e.args)
    users = [{"name": "ann", "email": "a@x"}, {"email": "b@x"}, {"name": "bobbyjoe", "email": "b@x"},
             {"name": "cy", "email": "cy.x"}, {"name": "dee", "email": "d@x", "age": -1}, {"name": "eve"}]
    for row in classify_errors(users):
        print(row)
    print([cls.__name__ for cls in TooLong.__mro__])


main()
