# jit-expect-compiled: __init__ log run Coin InvalidTransition Machine Refund Select handle script
# A realistic state machine (a vending machine) driven by events, with transitions written as a
# match statement on (state, event) tuples including class patterns, guards and or-patterns;
# invalid transitions raise and are recorded; a generator replays a scripted event stream.
from dataclasses import dataclass


@dataclass
class Coin:
    cents: int


@dataclass
class Select:
    item: str


class Refund:
    pass


class InvalidTransition(Exception):
    pass


PRICES = {"cola": 150, "chips": 100, "gum": 50}


class Machine:
    def __init__(self):
        self.state = "idle"
        self.credit = 0
        self.sold = []
        self.history = []

    def log(self, msg):
        self.history.append(f"[{self.state}:{self.credit}] {msg}")

    def handle(self, event):
        match (self.state, event):
            case ("idle" | "paying", Coin(cents=c)) if c in (5, 10, 25, 100):
                self.credit += c
                self.state = "paying"
                self.log(f"coin {c}")
            case (_, Coin(cents=c)):
                self.log(f"rejected coin {c}")
                raise InvalidTransition(f"coin {c} not accepted")
            case ("paying", Select(item)) if item not in PRICES:
                raise InvalidTransition(f"unknown item {item}")
            case ("paying", Select(item)) if self.credit >= PRICES[item]:
                self.credit -= PRICES[item]
                self.sold.append(item)
                self.state = "paying" if self.credit else "idle"
                self.log(f"sold {item}")
            case ("paying", Select(item)):
                self.log(f"need {PRICES[item] - self.credit} more for {item}")
            case ("paying", Refund()):
                self.log(f"refund {self.credit}")
                self.credit = 0
                self.state = "idle"
            case ("idle", Select() | Refund()):
                raise InvalidTransition(f"{type(event).__name__} while idle")
            case (state, other):
                raise InvalidTransition(f"cannot handle {other!r} in {state}")


def script():
    yield Coin(100)
    yield Select("cola")
    yield Coin(25)
    yield Coin(25)
    yield Select("cola")
    yield Select("soup")
    yield Coin(3)
    yield Refund()
    yield Refund()
    yield Coin(100)
    yield Select("gum")
    yield Select("gum")
    yield "kick"
    yield Select("chips")


def run():
    m = Machine()
    errors = []
    for n, ev in enumerate(script()):
        try:
            m.handle(ev)
        except InvalidTransition as e:
            errors.append((n, str(e)))
    return m, errors


m, errors = run()
for h in m.history:
    print(h)
print("sold", m.sold, "credit", m.credit, "state", m.state)
for e in errors:
    print("error", e)
