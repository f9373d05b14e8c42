#!/usr/bin/env python3
"""Japanese public holidays (国民の祝日に関する法律) from 2020 on, computed from the rules of the law.

  python3 tools/holidays.py 2020 2030          print the CSV for those years (date,name) to stdout
  python3 tools/holidays.py --write 2020 2031  rewrite src/ExpertSupport.Domain/Reference/japanese-holidays.csv
  python3 tools/holidays.py --check            compare the CSV in the repo with the rules; exit 1 on any difference

The rules (the law as amended in 2018 for the imperial succession and the Tokyo Olympics):
- fixed days: 元日 1/1, 建国記念の日 2/11, 天皇誕生日 2/23, 昭和の日 4/29, 憲法記念日 5/3, みどりの日 5/4,
  こどもの日 5/5, 山の日 8/11, 文化の日 11/3, 勤労感謝の日 11/23;
- Happy Monday days: 成人の日 2nd Monday of January, 海の日 3rd Monday of July, 敬老の日 3rd Monday of
  September, スポーツの日 2nd Monday of October;
- 春分の日 / 秋分の日: the day of the equinox, from the standard approximation (valid 1980–2099). The official
  dates are fixed each February for the next year in the 官報 (国立天文台 暦要項): re-check new years against them;
- 2020 and 2021 (東京オリンピック特措法): 海の日, スポーツの日 and 山の日 moved to the opening and closing days;
- 振替休日 (law art. 3-2): a holiday on a Sunday gives the next day that is not a holiday;
- 国民の休日 (art. 3-3): a day that is not a holiday between two holidays is a day off.
Standard library only, so it runs anywhere Python 3 does.
"""
import datetime as dt
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CSV = ROOT / "src" / "ExpertSupport.Domain" / "Reference" / "japanese-holidays.csv"
FIRST_YEAR = 2020  # earlier years had other rules (体育の日, 天皇誕生日 12/23, the 2019 enthronement days)

FIXED = [(1, 1, "元日"), (2, 11, "建国記念の日"), (2, 23, "天皇誕生日"), (4, 29, "昭和の日"),
         (5, 3, "憲法記念日"), (5, 4, "みどりの日"), (5, 5, "こどもの日"), (8, 11, "山の日"),
         (11, 3, "文化の日"), (11, 23, "勤労感謝の日")]
HAPPY_MONDAYS = [(1, 2, "成人の日"), (7, 3, "海の日"), (9, 3, "敬老の日"), (10, 2, "スポーツの日")]
OLYMPIC_MOVES = {
    2020: {"海の日": (7, 23), "スポーツの日": (7, 24), "山の日": (8, 10)},
    2021: {"海の日": (7, 22), "スポーツの日": (7, 23), "山の日": (8, 8)},
}


def nth_monday(year, month, n):
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


def equinox_day(year, base_micro):
    # Integer arithmetic (millionths) so no floating-point rounding can move a day.
    return (base_micro + 242194 * (year - 1980)) // 1_000_000 - (year - 1980) // 4


def national_holidays(year):
    """The 国民の祝日 of one year: {date: name}."""
    if year < FIRST_YEAR or year > 2099:
        raise ValueError(f"rules implemented for {FIRST_YEAR}-2099 only, not {year}")
    days = {dt.date(year, m, d): name for m, d, name in FIXED}
    for month, n, name in HAPPY_MONDAYS:
        days[nth_monday(year, month, n)] = name
    days[dt.date(year, 3, equinox_day(year, 20_843_100))] = "春分の日"
    days[dt.date(year, 9, equinox_day(year, 23_248_800))] = "秋分の日"
    for name, (month, day) in OLYMPIC_MOVES.get(year, {}).items():
        days = {d: n for d, n in days.items() if n != name}
        days[dt.date(year, month, day)] = name
    return days


def holidays(year):
    """Every day off of one year under the law, sorted: (date, name)."""
    # Neighbouring years matter: a holiday on 12/31 or 1/1 can reach across the year boundary.
    national = {}
    for y in (year - 1, year, year + 1):
        if FIRST_YEAR <= y <= 2099:
            national.update(national_holidays(y))
    result = dict(national)
    for day in sorted(national):
        if day.weekday() == 6:  # Sunday
            substitute = day + dt.timedelta(days=1)
            while substitute in national:
                substitute += dt.timedelta(days=1)
            result[substitute] = "振替休日"
    for day in sorted(national):
        between = day + dt.timedelta(days=1)
        if between not in result and between + dt.timedelta(days=1) in national:
            result[between] = "国民の休日"
    return sorted((d, n) for d, n in result.items() if d.year == year)


def render(first, last):
    lines = ["date,name"]
    for year in range(first, last + 1):
        lines += [f"{d.isoformat()},{n}" for d, n in holidays(year)]
    return "\n".join(lines) + "\n"


def main(args):
    if args[:1] == ["--check"]:
        text = CSV.read_text(encoding="utf-8")
        years = sorted({int(line[:4]) for line in text.splitlines()[1:] if line})
        expected = render(years[0], years[-1])
        if text != expected:
            got, want = set(text.splitlines()), set(expected.splitlines())
            for line in sorted(got - want):
                print(f"in the CSV, not in the rules: {line}")
            for line in sorted(want - got):
                print(f"in the rules, not in the CSV: {line}")
            return 1
        print(f"{CSV.name}: {years[0]}-{years[-1]} match the rules ({len(text.splitlines()) - 1} days)")
        return 0
    write = args[:1] == ["--write"]
    if write:
        args = args[1:]
    if len(args) != 2:
        print(__doc__)
        return 2
    text = render(int(args[0]), int(args[1]))
    if write:
        CSV.write_text(text, encoding="utf-8", newline="\n")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
