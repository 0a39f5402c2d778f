#!/usr/bin/env python3
"""Solves a meeting-schedule instance exactly and compares it with our schedule.

Reads the JSON the ScheduleBenchmark writes (the problem, and what our scheduler placed) and solves the
integer program with SciPy's HiGHS `milp`:

    maximise    sum over meetings m and common slots s of  w_m x_ms
    subject to  sum_s x_ms <= 1                         for every meeting
                sum over m of p x_ms <= 1                for every participant p and slot s
                sum_m x_ms <= tables_s                   for every slot
                x_ms in {0, 1}

Usage: schedule-optimum.py INSTANCE.json [...] [--time-limit SECONDS]
Needs numpy and scipy (pip install scipy).
"""

import argparse
import json
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix


def solve(problem, time_limit):
    slot_count = len(problem["slotTables"])
    available = [set(slots) for slots in problem["availability"]]
    participants = len(available)
    columns = []  # (meeting, slot)
    weights = []
    for index, meeting in enumerate(problem["meetings"]):
        first, second = meeting["first"], meeting["second"]
        for slot in sorted(available[first] & available[second]):
            columns.append((index, first, second, slot))
            weights.append(meeting["weight"])
    rows, cols = [], []
    meeting_rows = {}
    for column, (index, first, second, slot) in enumerate(columns):
        if index not in meeting_rows:
            meeting_rows[index] = len(meeting_rows)
        rows.append(meeting_rows[index])
        cols.append(column)
    row = len(meeting_rows)
    upper = [1.0] * row
    person_rows = {}
    for column, (index, first, second, slot) in enumerate(columns):
        for person in (first, second):
            key = (person, slot)
            if key not in person_rows:
                person_rows[key] = row + len(person_rows)
            rows.append(person_rows[key])
            cols.append(column)
    row += len(person_rows)
    upper += [1.0] * len(person_rows)
    for column, (index, first, second, slot) in enumerate(columns):
        rows.append(row + slot)
        cols.append(column)
    upper += [float(tables) for tables in problem["slotTables"]]
    row += slot_count
    matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(row, len(columns)))
    started = time.perf_counter()
    result = milp(
        c=-np.array(weights, dtype=float),
        constraints=LinearConstraint(matrix, -np.inf, np.array(upper)),
        integrality=np.ones(len(columns)),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "disp": False},
    )
    elapsed = time.perf_counter() - started
    if result.x is None:
        return None, None, elapsed, result.message
    optimum = round(-result.fun)
    # When stopped by the time limit, the dual bound still bounds the optimum from above.
    dual = getattr(result, "mip_dual_bound", None)
    bound = round(-dual) if dual is not None else None
    return optimum, bound, elapsed, result.message


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("instances", nargs="+")
    parser.add_argument("--time-limit", type=float, default=600)
    arguments = parser.parse_args()
    print(f"{'participants':>12} {'requests':>8} {'ours':>7} {'optimum':>8} {'share':>7} {'our bound':>9} "
          f"{'bound/opt':>9} {'our ms':>7} {'milp s':>7}  status")
    for path in arguments.instances:
        with open(path) as handle:
            instance = json.load(handle)
        problem = instance["problem"]
        ours = instance["placedWeight"]
        optimum, dual, elapsed, message = solve(problem, arguments.time_limit)
        participants = len(problem["availability"])
        requests = len(problem["meetings"])
        if optimum is None:
            print(f"{participants:>12} {requests:>8} {ours:>7} {'-':>8} {'-':>7} {instance['upperBound']:>9} "
                  f"{'-':>9} {instance['medianMilliseconds']:>7.1f} {elapsed:>7.1f}  {message}")
            continue
        exact = dual is not None and dual == optimum
        share = ours / optimum if optimum else 1.0
        print(f"{participants:>12} {requests:>8} {ours:>7} {optimum:>8} {share:>7.2%} {instance['upperBound']:>9} "
              f"{instance['upperBound'] / optimum if optimum else 1:>9.4f} {instance['medianMilliseconds']:>7.1f} "
              f"{elapsed:>7.1f}  "
              f"{'optimal' if exact else message}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
