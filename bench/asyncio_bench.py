#!/usr/bin/env python3
"""Workload W(N) for Python's asyncio: the reference the Java benchmark (arrivals.bench.BenchMain) compares with.

N tasks, the i-th sleeping a seeded delay in [0, 1 s) and returning i, consumed as they complete
(asyncio.as_completed) or all at once (asyncio.gather). Each run prints one JSON line, in the same format and
with the same definitions as the Java runs:

    python3 bench/asyncio_bench.py --impl as_completed --n 100000 --seed 42
    TRIAL {"impl": "asyncio-as_completed", "n": 100000, "wallNs": ..., ...}

    python3 bench/asyncio_bench.py --floor --seed 42
    FLOOR {"language": "python", "overshootP50Ns": {...}}

The delays come from the same SplitMix64 generator as the Java side, so with the same seed both languages wait
exactly the same delays. The clock starts once the coroutine objects exist (building them is the caller's
business, as building Java lambdas is) and stops when the consumer has every result. A task's due time is when it
began sleeping plus its delay; the delivery lag is when the consumer received the result minus that. Peak memory is
how far the resident set grew above its size just before the run (Linux only; -1 elsewhere). Only the standard
library is used.
"""
import argparse
import asyncio
import gc
import json
import math
import random
import sys
import time

GOLDEN_GAMMA = 0x9E3779B97F4A7C15
MASK64 = (1 << 64) - 1
UNIT = 2.0 ** -53
ONE_SECOND = 1_000_000_000
WARM_UP_TASKS = 10_000
WARM_UP_ROUNDS = 2
WARM_UP_MAX_DELAY = 20_000_000


def uniform_delays(seed, n, max_nanos):
    """SplitMix64, exactly as arrivals.bench.Delays computes it: n delays in [0, max_nanos) nanoseconds."""
    delays = [0] * n
    state = seed & MASK64
    for i in range(n):
        state = (state + GOLDEN_GAMMA) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        z ^= z >> 31
        delays[i] = int((z >> 11) * UNIT * max_nanos)
    return delays


def percentile_of_sorted(values, p):
    """Nearest rank, as arrivals.bench.Stats: the smallest value with at least p percent of values <= it."""
    if not values:
        raise ValueError("percentile of no values is undefined")
    rank = math.ceil(p / 100.0 * len(values))
    return values[max(rank, 1) - 1]


def status_bytes(key):
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return -1


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")  # resets the peak resident size to the current one (Linux 4.0+)
        return True
    except OSError:
        return False


class GcClock:
    """Counts the cyclic garbage collector's runs and the time they took."""

    def __init__(self):
        self.count = 0
        self.nanos = 0
        self._began = 0

    def __call__(self, phase, info):
        if phase == "start":
            self._began = time.perf_counter_ns()
        else:
            self.count += 1
            self.nanos += time.perf_counter_ns() - self._began


class Recorder:
    """When each task began sleeping and when the consumer received its result, from the start of the run."""

    def __init__(self, n):
        self.began = [0] * n
        self.received = [-1] * n
        self.origin = 0
        self.count = 0
        self.first = -1
        self.end = -1

    def start(self):
        self.origin = time.perf_counter_ns()

    def got(self, index):
        now = time.perf_counter_ns() - self.origin
        self.received[index] = now
        if self.count == 0:
            self.first = now
        self.count += 1

    def got_all(self):
        now = time.perf_counter_ns() - self.origin
        self.received = [now] * len(self.received)
        self.count = len(self.received)
        self.first = now if self.received else -1

    def finish(self):
        self.end = time.perf_counter_ns() - self.origin

    def lags(self, delays):
        return sorted(r - (b + d) for r, b, d in zip(self.received, self.began, delays) if r >= 0)


async def sleeper(index, seconds, seen):
    seen.began[index] = time.perf_counter_ns() - seen.origin
    await asyncio.sleep(seconds)
    return index


async def run_as_completed(delays, seen):
    coroutines = [sleeper(i, d / 1e9, seen) for i, d in enumerate(delays)]
    seen.start()
    for next_done in asyncio.as_completed(coroutines):
        seen.got(await next_done)
    seen.finish()


async def run_gather(delays, seen):
    coroutines = [sleeper(i, d / 1e9, seen) for i, d in enumerate(delays)]
    seen.start()
    results = await asyncio.gather(*coroutines)
    seen.got_all()
    seen.finish()
    if len(results) != len(delays):
        raise RuntimeError("gather returned %d of %d results" % (len(results), len(delays)))


IMPLEMENTATIONS = {"as_completed": run_as_completed, "gather": run_gather}


async def measure(name, n, seed):
    run = IMPLEMENTATIONS[name]
    delays = uniform_delays(seed, n, ONE_SECOND)
    seen = Recorder(n)
    # The baseline is taken before the warm-up, whose own growth counts: at N <= 10,000 the warm-up is as large
    # as the run, and memory it freed would otherwise be reused unseen by the measured run.
    gc.collect()
    reset_peak()
    baseline = status_bytes("VmRSS:")
    warm_up = min(n, WARM_UP_TASKS)
    for round_ in range(WARM_UP_ROUNDS):
        await run(uniform_delays(seed + 1 + round_, warm_up, WARM_UP_MAX_DELAY), Recorder(warm_up))
    gc.collect()
    clock = GcClock()
    gc.callbacks.append(clock)

    await run(delays, seen)

    peak = status_bytes("VmHWM:")
    gc.callbacks.remove(clock)
    lags = seen.lags(delays)
    return {
        "impl": "asyncio-" + name, "n": n, "wallNs": seen.end, "maxDelayNs": max(delays, default=0),
        "firstNs": seen.first,
        "lagP50Ns": percentile_of_sorted(lags, 50) if lags else -1,
        "lagP99Ns": percentile_of_sorted(lags, 99) if lags else -1,
        "received": seen.count, "stopped": False,
        "peakBytes": peak - baseline if peak >= 0 and baseline >= 0 else -1,
        "gcCount": clock.count, "gcMs": clock.nanos // 1_000_000,
    }


async def floor(seed, samples=200):
    """Median overshoot of a lone asyncio.sleep and time.sleep, for waits between 0.1 and 2 ms."""
    rng = random.Random(seed)
    waits = [rng.randrange(100_000, 2_000_000) for _ in range(samples)]

    async def async_overshoot(nanos):
        start = time.perf_counter_ns()
        await asyncio.sleep(nanos / 1e9)
        return time.perf_counter_ns() - start - nanos

    def blocking_overshoot(nanos):
        start = time.perf_counter_ns()
        time.sleep(nanos / 1e9)
        return time.perf_counter_ns() - start - nanos

    for nanos in waits[:20]:  # warm-up
        await async_overshoot(nanos)
        blocking_overshoot(nanos)
    asleep = sorted([await async_overshoot(nanos) for nanos in waits])
    tsleep = sorted([blocking_overshoot(nanos) for nanos in waits])
    return {"language": "python", "overshootP50Ns": {
        "asyncio.sleep": percentile_of_sorted(asleep, 50),
        "time.sleep": percentile_of_sorted(tsleep, 50)}}


def main(argv):
    parser = argparse.ArgumentParser(description="asyncio side of the Arrivals benchmark (one run per call)")
    parser.add_argument("--impl", choices=sorted(IMPLEMENTATIONS), help="as_completed or gather")
    parser.add_argument("--n", type=int, help="number of tasks")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--floor", action="store_true", help="measure the timer floor instead")
    args = parser.parse_args(argv)
    if args.floor:
        print("FLOOR " + json.dumps(asyncio.run(floor(args.seed))), flush=True)
        return 0
    if args.impl is None or args.n is None or args.n < 0:
        parser.error("--impl and a non-negative --n are required (or --floor)")
    print("TRIAL " + json.dumps(asyncio.run(measure(args.impl, args.n, args.seed))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
