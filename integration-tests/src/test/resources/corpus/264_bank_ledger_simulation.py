# jit-expect-compiled: __init__ deposit withdraw transfer apply_batch audit run_day main
# A bank simulation driven by a compiled loop over a scripted day of operations: an exception
# hierarchy (InsufficientFunds with the shortfall, FrozenAccount, UnknownAccount as a KeyError
# subclass whose str() is custom), atomic transfers rolled back when the deposit side fails,
# batches that stop at the first error and report it with a note, interest computed with
# Decimal rounding, and an audit checking that money is conserved.
from decimal import Decimal, ROUND_HALF_EVEN


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__("%s cannot cover %s (short by %s)" % (account.name, amount, amount - account.balance))
        self.shortfall = amount - account.balance


class FrozenAccount(BankError):
    pass


class UnknownAccount(BankError, KeyError):
    def __str__(self):
        return "no account named %r" % self.args[0]


class Account:
    def __init__(self, name, balance="0"):
        self.name = name
        self.balance = Decimal(balance)
        self.frozen = False
        self.history = []

    def deposit(self, amount):
        if self.frozen:
            raise FrozenAccount("%s is frozen" % self.name)
        self.balance += amount
        self.history.append("+" + str(amount))

    def withdraw(self, amount):
        if self.frozen:
            raise FrozenAccount("%s is frozen" % self.name)
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append("-" + str(amount))


class Bank:
    def __init__(self, accounts):
        self.accounts = {a.name: a for a in accounts}

    def get(self, name):
        try:
            return self.accounts[name]
        except KeyError:
            raise UnknownAccount(name) from None

    def transfer(self, src, dst, amount):
        source, target = self.get(src), self.get(dst)
        source.withdraw(amount)
        try:
            target.deposit(amount)
        except BankError:
            source.deposit(amount)
            source.history.append("rollback")
            raise


def apply_batch(bank, ops):
    done = 0
    for i, (op, *args) in enumerate(ops):
        try:
            if op == "transfer":
                bank.transfer(args[0], args[1], Decimal(args[2]))
            elif op == "freeze":
                bank.get(args[0]).frozen = True
            elif op == "interest":
                for acc in bank.accounts.values():
                    gained = (acc.balance * Decimal(args[0])).quantize(Decimal("0.01"), ROUND_HALF_EVEN)
                    acc.balance += gained
            done += 1
        except BankError as e:
            e.add_note("operation %d of batch: %s" % (i, op))
            raise
    return done


def audit(bank):
    return sum((a.balance for a in bank.accounts.values()), Decimal(0))


def run_day(bank, batches):
    report = []
    for n, ops in enumerate(batches):
        before = audit(bank)
        try:
            report.append("batch %d ok: %d ops" % (n, apply_batch(bank, ops)))
        except InsufficientFunds as e:
            report.append("batch %d short by %s: %s %s" % (n, e.shortfall, e, e.__notes__))
        except (FrozenAccount, UnknownAccount) as e:
            report.append("batch %d %s: %s %s isinstance KeyError=%s" % (
                n, type(e).__name__, e, e.__notes__, isinstance(e, KeyError)))
        report.append("  conserved: %s" % (audit(bank) == before or "changed by interest"))
    return report


def main():
    bank = Bank([Account("ann", "100.00"), Account("bob", "50.50"), Account("cy")])
    batches = [
        [("transfer", "ann", "bob", "25.25"), ("transfer", "bob", "cy", "10")],
        [("transfer", "cy", "ann", "5"), ("transfer", "cy", "ann", "6")],
        [("freeze", "bob"), ("transfer", "ann", "bob", "1")],
        [("transfer", "ann", "dave", "1")],
        [("interest", "0.015")],
    ]
    for line in run_day(bank, batches):
        print(line)
    for acc in bank.accounts.values():
        print(acc.name, acc.balance, acc.frozen, acc.history)
    print("total", audit(bank))


main()
