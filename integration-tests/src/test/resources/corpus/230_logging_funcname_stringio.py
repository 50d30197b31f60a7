# jit-expect-compiled: fmt_exc checkout price_of apply_discount audit run_orders main
# logging from compiled functions into a StringIO handler with a format using %(funcName)s and
# %(lineno)d: records from loops, from a helper logging on behalf of its caller with
# stacklevel=2, through a LoggerAdapter, with a Filter adding a field, and logger.exception
# inside an except block (the traceback shortened by a Formatter subclass so no paths print).
import io
import logging


class ShortFormatter(logging.Formatter):
    def formatException(self, ei):
        return fmt_exc(ei)


def fmt_exc(ei):
    return "  exception: %s(%s)" % (ei[0].__name__, ei[1])


class OrderFilter(logging.Filter):
    def filter(self, record):
        record.order = getattr(record, "order", "-")
        return not record.getMessage().startswith("skip")


stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(ShortFormatter("%(levelname)s %(funcName)s:%(lineno)d [%(order)s] %(message)s"))
handler.addFilter(OrderFilter())
log = logging.getLogger("shop")
log.addHandler(handler)
log.setLevel(logging.DEBUG)
log.propagate = False
PRICES = {"apple": 3, "pear": 4}


def audit(message, *args):
    log.info("audit: " + message, *args, stacklevel=2)


def price_of(item):
    try:
        return PRICES[item]
    except KeyError:
        log.exception("unknown item %r", item)
        return 0


def apply_discount(total, percent):
    if percent > 50:
        log.warning("discount %d%% too large, capped", percent)
        percent = 50
    audit("discount %d%% applied", percent)
    return total * (100 - percent) // 100


def checkout(order_id, items, percent):
    adapter = logging.LoggerAdapter(log, {"order": order_id})
    total = 0
    for item in items:
        p = price_of(item)
        adapter.debug("item %s costs %d", item, p)
        total += p
    log.debug("skip this debug line")
    total = apply_discount(total, percent)
    adapter.info("total %d", total)
    return total


def run_orders(orders):
    return [checkout(oid, items, pct) for oid, items, pct in orders]


def main():
    print(run_orders([("o1", ["apple", "pear"], 10), ("o2", ["kiwi", "apple"], 80)]))
    log.setLevel(logging.INFO)
    print(checkout("o3", ["pear"], 0))
    print(stream.getvalue(), end="")


main()
