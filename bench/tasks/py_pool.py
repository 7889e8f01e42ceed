"""Python baseline for bench/tasks: launch-to-completion overhead of an empty
function on a concurrent.futures.ThreadPoolExecutor with 1 worker (submit N,
drop nothing, wait for all). Prints ns_per_task (best of 3)."""
import concurrent.futures as cf
import sys
import time


def empty():
    pass


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    best = float("inf")
    with cf.ThreadPoolExecutor(max_workers=workers) as pool:
        for _ in range(3):
            t0 = time.perf_counter()
            futs = [pool.submit(empty) for _ in range(n)]
            cf.wait(futs)
            best = min(best, time.perf_counter() - t0)
    print(f"ns_per_task {best / n * 1e9:.1f}")


if __name__ == "__main__":
    main()
