"""Data-parallel work on worker processes: the rows of a Julia set shared out among processes
forked with multiprocessing (the 'fork' start method, 3.13's default on Linux), each iterating
its own rows, the way a CPU-bound program puts the machine's cores to work. The workers send
their checksums back through pipes; the parent only waits.

Under pyjit each worker finds its own hot code and starts a compiler of its own (or loads the
code from the native code cache), since the parent never started one.
"""
import multiprocessing

WORKERS = 2
WIDTH = 300
HEIGHT = 2400
MAX_ITER = 200
C_RE, C_IM = -0.8, 0.156


def escape_time(z_re, z_im, max_iter):
    for n in range(max_iter):
        re2 = z_re * z_re
        im2 = z_im * z_im
        if re2 + im2 > 4.0:
            return n
        z_im = 2.0 * z_re * z_im + C_IM
        z_re = re2 - im2 + C_RE
    return max_iter


def rows_checksum(first, step, width, height, max_iter):
    total = 0
    for y in range(first, height, step):
        z_im = -1.2 + 2.4 * y / height
        row = [escape_time(-1.6 + 3.2 * x / width, z_im, max_iter) for x in range(width)]
        total += sum((x + 1) * n for x, n in enumerate(row)) % 1_000_003
    return total


def work(first, sender):
    sender.send(rows_checksum(first, WORKERS, WIDTH, HEIGHT, MAX_ITER))
    sender.close()


def main():
    context = multiprocessing.get_context("fork")
    receivers, workers = [], []
    for first in range(WORKERS):
        receiver, sender = context.Pipe(duplex=False)
        worker = context.Process(target=work, args=(first, sender))
        worker.start()
        sender.close()
        receivers.append(receiver)
        workers.append(worker)
    totals = [receiver.recv() for receiver in receivers]
    for worker in workers:
        worker.join()
    print(f"checksum {sum(totals)} {totals}")


if __name__ == "__main__":
    main()
