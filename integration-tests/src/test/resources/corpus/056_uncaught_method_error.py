# jit-expect-compiled: __init__ deposit withdraw apply
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            return self.balance - self.limits[self.owner]
        self.balance -= amount
        return self.balance


def apply(acct, ops):
    for kind, amt in ops:
        if kind == "d":
            print("deposit", amt, "->", acct.deposit(amt))
        else:
            print("withdraw", amt, "->", acct.withdraw(amt))


a = Account("ann", 100)
apply(a, [("d", 50), ("w", 30), ("w", 20)])
apply(a, [("w", 500)])
print("not reached")
