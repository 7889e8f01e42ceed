# Tests: integer-heavy date arithmetic (day of week, days between dates) using // and %.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def days_from_civil(y: int64, m: int64, d: int64) -> int64:
    if m <= 2:
        y -= 1
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


@kernel
def weekday(y: int64, m: int64, d: int64) -> int64:
    return (days_from_civil(y, m, d) + 3) % 7


@kernel
def is_leap(y: int64) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


@task(top_level=True)
def main():
    print(days_from_civil(1970, 1, 1), days_from_civil(2000, 3, 1), days_from_civil(2026, 11, 25))
    print(days_from_civil(1, 1, 1), days_from_civil(-400, 2, 29), days_from_civil(1969, 12, 31))
    print(weekday(2026, 11, 25), weekday(1970, 1, 1), weekday(2000, 1, 1), weekday(-1, 12, 31))
    leaps = 0
    for y in range(1600, 2401):
        if is_leap(y):
            leaps += 1
    print(leaps, is_leap(1900), is_leap(2000), is_leap(2024), is_leap(-4))


if __name__ == '__main__':
    main()
