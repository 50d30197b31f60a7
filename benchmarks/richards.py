"""Martin Richards' operating-system simulation benchmark.

In the style of pyperformance's richards (and V8's richards.js): a scheduler with an idle
task, a worker, two handlers and two devices passing packets around. The queue and hold
counts are checked against the known values for the iteration count.
"""

ITERATIONS = 230
COUNT = 1000  # idle-task loop count per iteration; 1000 -> queue 2322, hold 928

ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = range(6)
NUMBER_OF_IDS = 6

KIND_DEVICE = 0
KIND_WORK = 1
DATA_SIZE = 4

STATE_RUNNING = 0
STATE_RUNNABLE = 1
STATE_SUSPENDED = 2
STATE_SUSPENDED_RUNNABLE = 3
STATE_HELD = 4
STATE_NOT_HELD = ~STATE_HELD


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.a1 = 0
        self.a2 = [0] * DATA_SIZE

    def append_to(self, queue):
        """Append this packet to the end of `queue`; return the new head."""
        self.link = None
        if queue is None:
            return self
        node = queue
        while node.link is not None:
            node = node.link
        node.link = self
        return queue


class TaskControlBlock:
    def __init__(self, link, ident, priority, queue, task):
        self.link = link
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.task = task
        self.state = STATE_SUSPENDED if queue is None else STATE_SUSPENDED_RUNNABLE

    def set_running(self):
        self.state = STATE_RUNNING

    def mark_not_held(self):
        self.state &= STATE_NOT_HELD

    def mark_held(self):
        self.state |= STATE_HELD

    def is_held_or_suspended(self):
        return (self.state & STATE_HELD) != 0 or self.state == STATE_SUSPENDED

    def mark_suspended(self):
        self.state |= STATE_SUSPENDED

    def mark_runnable(self):
        self.state |= STATE_RUNNABLE

    def run(self):
        if self.state == STATE_SUSPENDED_RUNNABLE:
            packet = self.queue
            self.queue = packet.link
            self.state = STATE_RUNNING if self.queue is None else STATE_RUNNABLE
        else:
            packet = None
        return self.task.run(packet)

    def check_priority_add(self, task, packet):
        if self.queue is None:
            self.queue = packet
            self.mark_runnable()
            if self.priority > task.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return task


class Task:
    def __init__(self, scheduler):
        self.scheduler = scheduler

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, seed, count):
        super().__init__(scheduler)
        self.seed = seed
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_current()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.scheduler.release(ID_DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.scheduler.release(ID_DEVICE_B)


class DeviceTask(Task):
    def __init__(self, scheduler):
        super().__init__(scheduler)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.suspend_current()
            pending, self.pending = self.pending, None
            return self.scheduler.queue(pending)
        self.pending = packet
        return self.scheduler.hold_current()


class WorkerTask(Task):
    def __init__(self, scheduler, destination, counter):
        super().__init__(scheduler)
        self.destination = destination
        self.counter = counter

    def run(self, packet):
        if packet is None:
            return self.scheduler.suspend_current()
        self.destination = ID_HANDLER_B if self.destination == ID_HANDLER_A else ID_HANDLER_A
        packet.ident = self.destination
        packet.a1 = 0
        for i in range(DATA_SIZE):
            self.counter += 1
            if self.counter > 26:
                self.counter = 1
            packet.a2[i] = self.counter
        return self.scheduler.queue(packet)


class HandlerTask(Task):
    def __init__(self, scheduler):
        super().__init__(scheduler)
        self.work_in = None
        self.device_in = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            count = work.a1
            if count < DATA_SIZE:
                device = self.device_in
                if device is not None:
                    self.device_in = device.link
                    device.a1 = work.a2[count]
                    work.a1 = count + 1
                    return self.scheduler.queue(device)
            else:
                self.work_in = work.link
                return self.scheduler.queue(work)
        return self.scheduler.suspend_current()


class Scheduler:
    def __init__(self):
        self.queue_count = 0
        self.hold_count = 0
        self.blocks = [None] * NUMBER_OF_IDS
        self.task_list = None
        self.current = None
        self.current_id = None

    def add_task(self, ident, priority, queue, task):
        self.current = TaskControlBlock(self.task_list, ident, priority, queue, task)
        self.task_list = self.current
        self.blocks[ident] = self.current

    def add_idle_task(self, ident, priority, queue, count):
        self.add_task(ident, priority, queue, IdleTask(self, 1, count))
        self.current.set_running()

    def add_worker_task(self, ident, priority, queue):
        self.add_task(ident, priority, queue, WorkerTask(self, ID_HANDLER_A, 0))

    def add_handler_task(self, ident, priority, queue):
        self.add_task(ident, priority, queue, HandlerTask(self))

    def add_device_task(self, ident, priority, queue):
        self.add_task(ident, priority, queue, DeviceTask(self))

    def schedule(self):
        self.current = self.task_list
        while self.current is not None:
            if self.current.is_held_or_suspended():
                self.current = self.current.link
            else:
                self.current_id = self.current.ident
                self.current = self.current.run()

    def release(self, ident):
        tcb = self.blocks[ident]
        if tcb is None:
            return tcb
        tcb.mark_not_held()
        return tcb if tcb.priority > self.current.priority else self.current

    def hold_current(self):
        self.hold_count += 1
        self.current.mark_held()
        return self.current.link

    def suspend_current(self):
        self.current.mark_suspended()
        return self.current

    def queue(self, packet):
        target = self.blocks[packet.ident]
        if target is None:
            return target
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current_id
        return target.check_priority_add(self.current, packet)


def packets(ident, kind, n):
    queue = None
    for _ in range(n):
        queue = Packet(queue, ident, kind)
    return queue


def run_richards(count):
    scheduler = Scheduler()
    scheduler.add_idle_task(ID_IDLE, 0, None, count)
    scheduler.add_worker_task(ID_WORKER, 1000, packets(ID_WORKER, KIND_WORK, 2))
    scheduler.add_handler_task(ID_HANDLER_A, 2000, packets(ID_DEVICE_A, KIND_DEVICE, 3))
    scheduler.add_handler_task(ID_HANDLER_B, 3000, packets(ID_DEVICE_B, KIND_DEVICE, 3))
    scheduler.add_device_task(ID_DEVICE_A, 4000, None)
    scheduler.add_device_task(ID_DEVICE_B, 5000, None)
    scheduler.schedule()
    return scheduler.queue_count, scheduler.hold_count


def main():
    totals = [0, 0]
    for _ in range(ITERATIONS):
        queued, held = run_richards(COUNT)
        if COUNT == 1000 and (queued, held) != (2322, 928):
            raise AssertionError(f"richards: wrong counts {queued}, {held}")
        totals[0] += queued
        totals[1] += held
    print(f"queue count {queued}, hold count {held}")
    print(f"checksum {totals[0]} {totals[1]}")


if __name__ == "__main__":
    main()
