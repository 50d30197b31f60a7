# jit-expect-compiled: process validate run failing
# logging to stdout with %(funcName)s and %(lineno)d: the records made inside compiled functions
# and loops must name the function and line as under the interpreter; exc_info tracebacks too.
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)s %(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger("corpus")


def validate(x):
    if x < 0:
        log.warning("negative value %d", x)
        return False
    log.debug("ok %d", x)
    return True


def process(values):
    good = 0
    for v in values:
        if validate(v):
            good += 1
    log.info("processed %d values, %d good", len(values), good)
    return good


def failing():
    try:
        return 1 / 0
    except ZeroDivisionError:
        log.exception("division failed")
        return None


class Service:
    def run(self, n):
        for i in range(n):
            log.info("run %d", i)


print(process([1, -2, 3]))
failing()
Service().run(2)
log.error("from module level")
logging.getLogger("corpus.child").critical("child %s", "logger")
