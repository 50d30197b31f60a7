# jit-expect-compiled: __init__ is_valid total_degrees fahrenheit from_fahrenheit __repr__ celsius
# Properties with getters, setters and deleters (validation errors included), classmethods as
# alternative constructors in subclasses, staticmethods, and a read-only property.
class Temperature:
    instances = 0

    def __init__(self, celsius):
        self.celsius = celsius
        Temperature.instances += 1

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if not Temperature.is_valid(value):
            raise ValueError("below absolute zero: %r" % (value,))
        self._c = value

    @celsius.deleter
    def celsius(self):
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def is_valid(c):
        return c >= -273.15


class Labeled(Temperature):
    def __repr__(self):
        return "%s(%.1f)" % (type(self).__name__, self.celsius)


def total_degrees(temps):
    t = 0.0
    for x in temps:
        t += x.fahrenheit
    return t


temps = []
for c in (0, 100, -40, 36.6):
    temps.append(Temperature(c))
print(round(total_degrees(temps), 3))
l = Labeled.from_fahrenheit(212)
print(l, type(l).__name__, Temperature.instances)
l.celsius = 25
print(l, l.fahrenheit)
try:
    l.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    l.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
del l.celsius
print(l.celsius, Temperature.is_valid(-273.15), Labeled.is_valid(-274))
print(type(Temperature.__dict__["is_valid"]).__name__, type(Temperature.__dict__["from_fahrenheit"]).__name__)
