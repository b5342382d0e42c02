"""How fast, and how far, failing downstream tests over the strategies shrink.

Each *bug* below is a function a downstream user could write over ``ledgers()``, ``records()``
or ``whens()``, with a planted mistake that only some shapes of data trigger (a day-precision
end, a half-hour zone, a correction, a retraction, a SameEvent group, a meeting of three, a
denial, a wall time near a DST fold, ...), and the property test that catches it. For each bug
the script runs the failing ``@given`` test several times under different seeds, with no example
database and Hypothesis's own settings otherwise, and measures:

- the time spent shrinking (Hypothesis's own shrink-phase duration) and the whole run's time;
- the shrunk example's size (entries in a ledger; 1 for a record or a When), against the fewest
  entries the bug needs;
- how many of those entries are *spare*: a user could still delete them (each with the entries
  that point at it), keeping at least the fewest the bug needs, and the test would still fail.
  A spare entry is one the shrinker could have removed; an example can be over the fewest the
  bug needs with none spare, when the bug struck in a bigger shape than the smallest (in a
  readout's time, say, not the call's own: the readout comes with its link);
- why Hypothesis stopped: the shrink time limit or the shrink count limit counts as a *hit*;
- where the example's times landed: the time nearest to 2000-01-01 UTC, and its zone.

``python benchmarks/shrink.py`` prints a Markdown table (``--markdown FILE`` writes it too).
``--seeds N`` runs per bug (default 5), ``--only NAME ...`` some bugs, ``--limit S`` lowers
Hypothesis's five-minute shrink limit to ``S`` seconds (to bound a slow baseline: a run that hits
it is reported as hitting the limit), ``--max-examples`` the examples allowed to find the bug.
"""

from __future__ import annotations

import argparse
import contextlib
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import attrs
from dateutil import tz as dateutil_tz
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from hypothesis.internal.conjecture import engine  # the shrink limit has no public setting
from hypothesis.statistics import collector

from diplomacy_ledger import (
    Call,
    Claim,
    Ledger,
    Meeting,
    Precision,
    Retraction,
    SameEvent,
    Span,
    Stance,
    When,
    __version__,
)
from diplomacy_ledger.model import references
from diplomacy_ledger.strategies import ledgers, records, whens

Y2K = datetime(2000, 1, 1, tzinfo=UTC)


# -- walking values --------------------------------------------------------------------------------


def times_in(value: object) -> Iterator[When | Span]:
    """Every When and Span held by a value (a ledger, an entry, a record, a time)."""
    if isinstance(value, Ledger):
        for entry in value:
            yield from times_in(entry.record)
    elif isinstance(value, When):
        yield value
    elif isinstance(value, Span):
        yield value
        for when in (value.start, value.end, value.ongoing_as_of):
            if when is not None:
                yield when
    elif isinstance(value, tuple):
        for item in value:
            yield from times_in(item)
    elif attrs.has(cls := type(value)):
        for attribute in attrs.fields(cls):
            yield from times_in(getattr(value, attribute.name))


def whens_in(value: object) -> Iterator[When]:
    return (time for time in times_in(value) if isinstance(time, When))


def records_in(value: object) -> list[Any]:
    if isinstance(value, Ledger):
        return [entry.record for entry in value]
    return [value]


def offset_at(moment: datetime, zone: str | None) -> timedelta:
    """The UTC offset of ``zone`` (an IANA key, a fixed offset, None) at ``moment``."""
    if zone is None:
        return timedelta(0)
    if zone[:1] in "+-":
        sign = -1 if zone[0] == "-" else 1
        return sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    rule = dateutil_tz.gettz(zone)
    assert rule is not None, zone
    offset = moment.astimezone(rule).utcoffset()
    assert offset is not None
    return offset


def in_fold(moment: datetime, zone: str | None) -> bool:
    """Whether the wall time of ``moment`` in ``zone`` was shown twice (a fold)."""
    if zone is None or zone[:1] in "+-":
        return False
    rule = dateutil_tz.gettz(zone)
    assert rule is not None
    local = moment.astimezone(rule).replace(tzinfo=rule)
    return dateutil_tz.datetime_ambiguous(local.replace(tzinfo=None), rule)


# -- the planted bugs ------------------------------------------------------------------------------
# Each is a downstream function with a mistake, and the property a downstream test asserts of it.


def end_of(span: Span) -> datetime | None:
    """BUG: the latest an event ended, taking a calendar end's *first* instant."""
    if span.end is None:
        return None
    if span.end.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR):
        return span.end.earliest  # should be .latest
    return span.end.latest


def test_end_of_holds_the_end(value: object) -> None:
    for time_ in times_in(value):
        if isinstance(time_, Span) and time_.end is not None:
            found = end_of(time_)
            assert found is not None
            assert found >= time_.end.latest


def local_hour(when: When) -> int:
    """BUG: the local hour of an instant, with the offset cut to whole hours."""
    offset = offset_at(when.earliest, when.zone)
    whole = timedelta(hours=int(offset.total_seconds() // 3600))
    return (when.earliest + whole).hour


def test_local_hour_is_the_wall_clock_hour(value: object) -> None:
    for when in whens_in(value):
        wall = when.earliest + offset_at(when.earliest, when.zone)
        assert local_hour(when) == wall.hour


def calls_per_actor(ledger: Ledger) -> dict[str, int]:
    """BUG: counts every call entry, the ones corrected since included."""
    counts: dict[str, int] = {}
    for entry in ledger:  # should be ledger.entries(): the current ones
        if isinstance(entry.record, Call | Meeting):
            for actor in entry.record.actors:
                counts[actor] = counts.get(actor, 0) + 1
    return counts


def test_calls_per_actor_counts_current_calls(ledger: Ledger) -> None:
    current: dict[str, int] = {}
    for entry in ledger.entries():
        if isinstance(entry.record, Call | Meeting):
            for actor in entry.record.actors:
                current[actor] = current.get(actor, 0) + 1
    corrected = {entry.supersedes for entry in ledger if entry.supersedes is not None}
    assert not corrected or calls_per_actor(ledger) == current


def live_ids(ledger: Ledger) -> set[str]:
    """BUG: the ids of entries still standing, forgetting retractions."""
    return {entry.id for entry in ledger if not isinstance(entry.record, Retraction)}


def test_live_ids_leave_out_retracted_entries(ledger: Ledger) -> None:
    retracted = {e.record.entry for e in ledger if isinstance(e.record, Retraction)}
    assert not live_ids(ledger) & retracted


def distinct_contacts(ledger: Ledger) -> int:
    """BUG: every call or meeting entry is a contact: readouts of one event counted twice."""
    return sum(isinstance(entry.record, Call | Meeting) for entry in ledger.entries())


def test_distinct_contacts_count_a_readout_once(ledger: Ledger) -> None:
    linked = [e for e in ledger.entries() if isinstance(e.record, SameEvent)]
    assert not linked or distinct_contacts(ledger) < sum(
        isinstance(e.record, Call | Meeting) for e in ledger.entries()
    )


def pair_of(record: Meeting) -> tuple[str, str]:
    """BUG: a meeting is between two: the host (or first) and the first visitor."""
    actors = sorted(record.actors)
    return actors[0], actors[1]


def test_pair_of_names_everyone(value: object) -> None:
    for record in records_in(value):
        if isinstance(record, Meeting):
            assert set(pair_of(record)) == set(record.actors)


def asserted(claim: Claim) -> bool:
    """BUG: whether a claim says its proposition is true, forgetting denials."""
    return True  # should be: claim.stance is not Stance.DENIES


def test_asserted_is_false_for_denials(value: object) -> None:
    for record in records_in(value):
        if isinstance(record, Claim):
            assert asserted(record) == (record.stance is not Stance.DENIES)


def wall_to_utc(when: When) -> datetime:
    """BUG: back from the local wall time to UTC, always taking the first of two readings."""
    if when.zone is None or when.zone[:1] in "+-":
        return when.earliest
    rule = dateutil_tz.gettz(when.zone)
    wall = when.earliest.astimezone(rule).replace(tzinfo=None)
    return wall.replace(tzinfo=rule, fold=0).astimezone(UTC)


def test_wall_to_utc_round_trips(value: object) -> None:
    for when in whens_in(value):
        assert wall_to_utc(when) == when.earliest


def zone_name(when: When) -> str:
    """BUG: a day's zone for display, assuming every day has one."""
    assert when.zone is not None or when.precision is not Precision.DAY, "no zone"
    return when.zone or "UTC"


def test_zone_name_is_total(value: object) -> None:
    for when in whens_in(value):
        zone_name(when)


def hours_long(span: Span) -> float:
    """BUG: a Span's length in hours, assuming it has an end."""
    end = span.end or span.ongoing_as_of
    assert end is not None, "open end"
    return (end.latest - span.start.earliest).total_seconds() / 3600


def test_hours_long_is_total(value: object) -> None:
    for time_ in times_in(value):
        if isinstance(time_, Span):
            hours_long(time_)


def busiest(ledger: Ledger) -> int:
    """BUG: the most calls anyone took part in, capped at two by a cache keyed wrongly."""
    seen: dict[str, int] = {}
    for entry in ledger.entries():
        if isinstance(entry.record, Call):
            for actor in entry.record.actors:
                seen[actor] = min(2, seen.get(actor, 0) + 1)
    return max(seen.values(), default=0)


def test_busiest_counts_every_call(ledger: Ledger) -> None:
    counts: dict[str, int] = {}
    for entry in ledger.entries():
        if isinstance(entry.record, Call):
            for actor in entry.record.actors:
                counts[actor] = counts.get(actor, 0) + 1
    assert busiest(ledger) == max(counts.values(), default=0)


def local_date_near_midnight(when: When) -> str:
    """BUG: the local date of an instant, with a half-hour offset rounded to the hour."""
    offset = offset_at(when.earliest, when.zone)
    rounded = timedelta(hours=round(offset.total_seconds() / 3600))
    return (when.earliest + rounded).date().isoformat()


def test_local_date_is_the_wall_clock_date(value: object) -> None:
    for when in whens_in(value):
        wall = when.earliest + offset_at(when.earliest, when.zone)
        assert local_date_near_midnight(when) == wall.date().isoformat()


@dataclass(frozen=True)
class Bug:
    name: str
    what: str
    strategy: Callable[[], st.SearchStrategy[Any]]
    test: Callable[[Any], None]
    # The fewest entries of a drawn ledger with the shape (1: not a ledger), read off the stories:
    # a call needs two actors and a source, a lone statement one actor and a source. A Span with
    # an end is only ever the time of a call, a meeting, a mediation or fighting (four entries
    # at the least) or a tenure's (six), never a statement's or a claim's: day_end needs four.
    # (Checked by search: `hypothesis.find` over `ledgers(max_size=needs - 1)` finds no ledger
    # with the shape in 3,000 examples, over `ledgers(max_size=needs)` one at once.)
    needs: int


BUGS: tuple[Bug, ...] = (
    Bug("day_end", "a Span ending on a day", ledgers, test_end_of_holds_the_end, 4),
    Bug("half_hour", "a half-hour zone", ledgers, test_local_hour_is_the_wall_clock_hour, 3),
    Bug("correction", "a corrected call", ledgers, test_calls_per_actor_counts_current_calls, 5),
    Bug("retraction", "a retraction", ledgers, test_live_ids_leave_out_retracted_entries, 6),
    Bug("same_event", "a SameEvent group", ledgers, test_distinct_contacts_count_a_readout_once, 6),
    Bug("meeting_of_3", "a meeting of three", ledgers, test_pair_of_names_everyone, 5),
    Bug("denial", "a claim denied", ledgers, test_asserted_is_false_for_denials, 4),
    Bug("dst_fold", "a wall time in a DST fold", ledgers, test_wall_to_utc_round_trips, 3),
    Bug("zoneless_day", "a day with no zone", ledgers, test_zone_name_is_total, 3),
    Bug("open_span", "a Span with an open end", ledgers, test_hours_long_is_total, 3),
    Bug("busy_actor", "someone in three calls", ledgers, test_busiest_counts_every_call, 6),
    Bug("records_meeting", "records(): a meeting of 3", records, test_pair_of_names_everyone, 1),
    Bug("whens_midnight", "whens(): a :30 zone", whens, test_local_date_is_the_wall_clock_date, 1),
)


# -- running them ----------------------------------------------------------------------------------


def _without(entries: list[Any], id: str) -> list[Any]:
    """``entries`` less the one with ``id`` and every entry that points at a removed one."""
    gone = {id}
    for entry in entries:  # references point back in a ledger: one pass finds them all
        pointed = {ref.id for ref in references(entry.record)} | {entry.supersedes}
        if pointed & gone:
            gone.add(entry.id)
    return [entry for entry in entries if entry.id not in gone]


def spare_entries(value: object, test: Callable[[Any], None], needs: int) -> int:
    """How many entries of a failing ledger can be deleted with the test still failing.

    Greedily: delete an entry (and what points at it) while the rest is a ledger of at least
    ``needs`` entries that still fails the test, until no single deletion does. (Below
    ``needs``, what is left is no ledger the strategy could draw: a lone actor, say, whose
    lifespan is an open Span.) 0 for a value that is no ledger.
    """
    if not isinstance(value, Ledger):
        return 0
    entries = list(value)
    shrinking = True
    while shrinking:
        shrinking = False
        for entry in entries:
            rest = _without(entries, entry.id)
            if len(rest) < needs:
                continue
            try:
                smaller = Ledger(rest)
            except Exception:  # not a ledger: this deletion is not possible
                continue
            try:
                test(smaller)
            except AssertionError:  # it still fails: the entry was spare
                entries, shrinking = rest, True
                break
    return len(value) - len(entries)


@dataclass
class Run:
    bug: str
    seed: int
    found: bool
    shrink_s: float = 0.0
    total_s: float = 0.0
    size: int = 0
    spare: int = 0
    stopped: str = ""
    hit_limit: bool = False
    nearest: str = ""  # the time nearest 2000-01-01 UTC in the shrunk example
    zones: list[str] = field(default_factory=list)
    error: str = ""


def size_of(value: object) -> int:
    return len(value) if isinstance(value, Ledger) else 1


def landing(value: object) -> tuple[str, list[str]]:
    whens = list(whens_in(value))
    if not whens:
        return "", []
    nearest = min(whens, key=lambda w: abs(w.earliest - Y2K))
    zones = sorted({w.zone or "-" for w in whens})
    return f"{nearest.earliest:%Y-%m-%d %H:%M} {nearest.zone or '-'}", zones


def run_bug(bug: Bug, seed_value: int, max_examples: int) -> Run:
    last: list[object] = []
    stats: dict[str, Any] = {}

    def test(value: object) -> None:
        last[:] = [value]
        bug.test(value)

    wrapped = seed(seed_value)(
        settings(
            database=None,
            derandomize=False,
            max_examples=max_examples,
            suppress_health_check=[HealthCheck.differing_executors],
        )(given(bug.strategy())(test))
    )
    run = Run(bug.name, seed_value, found=False)
    start = time.perf_counter()
    failure: BaseException | None = None
    with collector.with_value(stats.update):  # type: ignore[arg-type]
        try:
            wrapped()
        except AssertionError as error:
            failure = error
        except Exception as error:  # a health check, a deadline, an error in the strategy
            failure = error
            run.error = f"{type(error).__name__}: {str(error)[:80]}"
    run.total_s = time.perf_counter() - start
    run.found = failure is not None and not run.error
    run.stopped = str(stats.get("stopped-because", ""))
    run.hit_limit = "slow" in run.stopped or "shrunk test case" in run.stopped
    run.shrink_s = float(stats.get("shrink-phase", {}).get("duration-seconds", 0.0))
    if last and failure is not None:
        run.size = size_of(last[0])
        run.spare = spare_entries(last[0], bug.test, bug.needs)
        run.nearest, run.zones = landing(last[0])
    return run


def table(bugs: tuple[Bug, ...], runs: list[Run]) -> str:
    lines = [
        (
            "| bug | what triggers it | found | median shrink | max shrink | hit limit "
            "| entries (needs) | spare | nearest 2000-01-01 | zones |"
        ),
        "|---|---|---:|---:|---:|---:|---|---|---|---|",
    ]
    for bug in bugs:
        mine = [run for run in runs if run.bug == bug.name]
        found = [run for run in mine if run.found]
        if not found:
            errors = {run.error for run in mine if run.error}
            lines.append(
                f"| {bug.name} | {bug.what} | 0/{len(mine)} | — | — | — | — | — | — | "
                f"{'; '.join(sorted(errors))} |"
            )
            continue
        shrinks = [run.shrink_s for run in found]
        ordered = sorted(found, key=lambda run: (run.size, run.spare))
        sizes = [run.size for run in ordered]
        spares = [run.spare for run in ordered]
        nearest = sorted({run.nearest for run in found if run.nearest})
        zones = sorted({z for run in found for z in run.zones})
        lines.append(
            f"| {bug.name} | {bug.what} | {len(found)}/{len(mine)} "
            f"| {statistics.median(shrinks):.2f} s | {max(shrinks):.2f} s "
            f"| {sum(run.hit_limit for run in found)} "
            f"| {', '.join(map(str, sizes))} ({bug.needs}) | {', '.join(map(str, spares))} "
            f"| {nearest[0] if nearest else '—'}{' …' if len(nearest) > 1 else ''} "
            f"| {', '.join(zones[:4])}{' …' if len(zones) > 4 else ''} |"
        )
    all_found = [run for run in runs if run.found]
    if all_found:
        shrinks = [run.shrink_s for run in all_found]
        extra = [run.size - next(b.needs for b in bugs if b.name == run.bug) for run in all_found]
        lines.append("")
        lines.append(
            f"All runs: {len(all_found)} of {len(runs)} found the bug; median shrink "
            f"{statistics.median(shrinks):.2f} s, max {max(shrinks):.2f} s; "
            f"{sum(run.hit_limit for run in all_found)} hit a limit; "
            f"{sum(e <= 0 for e in extra)} shrank to the fewest entries the bug needs "
            f"(median {statistics.median(extra):+.0f} entries over it); "
            f"{sum(run.spare == 0 for run in all_found)} kept no spare entry."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--limit", type=float, default=None, help="shrink limit, seconds")
    parser.add_argument("--max-examples", type=int, default=1000)
    parser.add_argument("--markdown", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.limit is not None:
        engine.MAX_SHRINKING_SECONDS = args.limit
    bugs = tuple(bug for bug in BUGS if args.only is None or bug.name in args.only)
    runs = []
    began = time.perf_counter()
    for bug in bugs:
        for number in range(args.seeds):
            run = run_bug(bug, 1000 + number, args.max_examples)
            runs.append(run)
            print(
                f"{bug.name} seed {run.seed}: found={run.found} shrink={run.shrink_s:.2f}s "
                f"total={run.total_s:.2f}s size={run.size} spare={run.spare} "
                f"stopped={run.stopped!r} "
                f"{run.nearest} {run.error}",
                file=sys.stderr,
                flush=True,
            )
    header = (
        f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · python {platform.python_version()} · "
        f"diplomacy-ledger {__version__} · seeds per bug: {args.seeds} · shrink limit: "
        f"{args.limit or 300:g} s · max examples: {args.max_examples} · "
        f"run: {time.perf_counter() - began:.0f} s"
    )
    text = header + "\n\n" + table(bugs, runs) + "\n"
    print(text)
    if args.markdown is not None:
        with contextlib.suppress(FileNotFoundError):
            args.markdown.unlink()
        args.markdown.write_text(text)


if __name__ == "__main__":
    main()
