"""Local wall times near a zone's offset changes, with how they were resolved."""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from typing import Final, Literal, NamedTuple

from hypothesis import reject
from hypothesis import strategies as st

from diplomacy_ledger import Disambiguation, WallPolicy, When
from diplomacy_ledger.strategies._args import (
    check_bool,
    check_range,
    check_strategy,
    shown_arguments,
)
from diplomacy_ledger.strategies._zones import (
    DST_ZONES,
    SCAN_END,
    SCAN_START,
    Transition,
    rules,
    transitions,
    zone_keys,
)

__all__ = ["LocalStatus", "LocalTime", "local_status", "local_times", "wall_times"]

LocalStatus = Literal["ok", "skipped", "repeated"]
_Y2K: Final = datetime(2000, 1, 1, tzinfo=UTC)
_NEAR: Final = 180  # minutes either side of a change
_POLICIES: Final[tuple[Disambiguation, ...]] = ("compatible", "earlier", "later")


class LocalTime(NamedTuple):
    """A wall time on a zone's clocks, and the :class:`~diplomacy_ledger.When` it resolved to.

    ``status`` says whether the clocks showed ``wall`` once (``"ok"``), never (``"skipped"``:
    they jumped over it) or twice (``"repeated"``: they were set back over it). ``when`` is
    ``When.local(wall, zone=zone, disambiguation=disambiguation)``; ``disambiguation`` is
    ``"raise"`` only for a wall time that is ``"ok"``, ``"either"`` (the When is one of the two
    instants, :attr:`~diplomacy_ledger.When.either`) only for one that is ``"repeated"``.
    """

    wall: datetime
    zone: str
    disambiguation: WallPolicy
    when: When
    status: Literal["ok", "skipped", "repeated"]

    def __repr__(self) -> str:
        """Python that builds it again (after ``from datetime import datetime``)."""
        return (
            f"LocalTime(wall=datetime.fromisoformat({self.wall.isoformat()!r}), "
            f"zone={self.zone!r}, disambiguation={self.disambiguation!r}, when={self.when!r}, "
            f"status={self.status!r})"
        )


def local_status(wall: datetime, zone: str) -> tuple[LocalStatus, tuple[datetime, ...]]:
    """Whether ``zone``'s clocks showed ``wall`` once, never or twice, and at which instants.

    Worked out from the offsets in force around it, independently of the library's own code.
    """
    rule = rules(zone)
    naive = wall.replace(tzinfo=UTC)
    offsets = {_offset(rule, naive + timedelta(hours=hours)) for hours in range(-30, 31, 6)}
    for change in transitions(zone):
        if abs(change.at - naive) < timedelta(hours=30):
            offsets.update((change.before, change.after))
    found = sorted({naive - o for o in offsets if _offset(rule, naive - o) == o})
    if not found:
        return "skipped", ()
    return ("repeated" if len(found) > 1 else "ok"), tuple(found)


def _offset(rule: object, moment: datetime) -> timedelta:
    local = moment.astimezone(rule)  # type: ignore[arg-type]
    return local.utcoffset() or timedelta(0)


def local_times(
    *,
    zones: st.SearchStrategy[str] | None = None,
    min_value: datetime = SCAN_START,
    max_value: datetime = SCAN_END - timedelta(days=1),
    unresolved: bool | None = None,
) -> st.SearchStrategy[LocalTime]:
    """Wall times near a change of a zone's UTC offset, and how each one was resolved.

    Requires hypothesis. A :class:`LocalTime` holds the wall time, the zone, the disambiguation
    policy, the resulting When and the wall time's ``status``. Transitions are found by scanning
    the zone's rules (1900 to 2037) and cached per zone; the one drawn is near 2000 when examples
    shrink. ``unresolved=None`` draws wall times up to three hours either side of the change,
    skipped, repeated or fine; ``True`` only wall times that were skipped or repeated (zones with
    no change in range are rejected, so keep ``zones`` to zones with summer time); ``False`` only
    wall times that happened once. A zone with no change in range gives an ordinary wall time.
    A repeated wall time is resolved to its earlier or later instant, or kept as either of the
    two (``disambiguation="either"``, :attr:`~diplomacy_ledger.When.either`).
    """
    check_strategy(zones, "zones")
    check_bool(unresolved, "unresolved", optional=True)
    check_range(min_value, max_value, lowest=SCAN_START, highest=SCAN_END)
    shown = shown_arguments(
        zones=zones, min_value=min_value, max_value=max_value, unresolved=unresolved
    )
    return wall_times(
        zones=zones,
        min_value=min_value,
        max_value=max_value,
        unresolved=unresolved,
        either=True,
        shown=shown,
    )


def wall_times(
    *,
    zones: st.SearchStrategy[str] | None,
    min_value: datetime,
    max_value: datetime,
    unresolved: bool | None,
    either: bool,
    shown: dict[str, object] | None = None,
) -> st.SearchStrategy[LocalTime]:
    """:func:`local_times`, its arguments checked.

    With ``either``, a repeated wall time may be recorded as either of its two instants
    (``disambiguation="either"``). ``shown``: the arguments its repr shows.
    """
    if zones is None:
        zone_strategy = st.sampled_from(DST_ZONES) if unresolved else _zones_default()
    else:
        zone_strategy = zones

    @st.composite
    def local_times(draw: st.DrawFn, /, **shown: object) -> LocalTime:
        zone = draw(zone_strategy)
        changes = sorted(
            (c for c in transitions(zone) if min_value <= c.at <= max_value),
            key=lambda c: abs(c.at - _Y2K),
        )
        if not changes:
            if unresolved:
                reject()
            moment = draw(
                st.datetimes(
                    min_value=min_value.astimezone(UTC).replace(tzinfo=None),
                    max_value=max_value.astimezone(UTC).replace(tzinfo=None),
                    timezones=st.just(UTC),
                )
            )
            wall = moment.astimezone(rules(zone)).replace(tzinfo=None, microsecond=0)
        else:
            wall = _wall_near(draw, draw(st.sampled_from(changes)), unresolved)
        status, _ = local_status(wall, zone)
        if (unresolved is True and status == "ok") or (unresolved is False and status != "ok"):
            reject()  # another change close by: rare
        policy = draw(_choices(status, either))
        return LocalTime(wall, zone, policy, _resolve(wall, zone, policy, status), status)

    return local_times(**(shown or {}))


@functools.cache
def _choices(status: LocalStatus, either: bool) -> st.SearchStrategy[WallPolicy]:
    """The policies that resolve a wall time of ``status``.

    "raise" only one shown once, "either" only one shown twice.
    """
    if status == "ok":
        return st.sampled_from(("raise", *_POLICIES))
    if status == "repeated" and either:
        return st.sampled_from((*_POLICIES, "either"))
    return st.sampled_from(_POLICIES)


def _zones_default() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(DST_ZONES), zone_keys())


def _wall_near(draw: st.DrawFn, change: Transition, unresolved: bool | None) -> datetime:
    """A wall time near ``change``: inside the skipped or repeated stretch, or around it."""
    width = abs(change.after - change.before)
    start = (change.at + min(change.before, change.after)).replace(tzinfo=None)
    whole_minutes = width % timedelta(minutes=1) == timedelta(0)
    if unresolved:
        unit = timedelta(minutes=1) if whole_minutes else timedelta(seconds=1)
        return start + unit * draw(st.integers(0, width // unit - 1))
    minutes = draw(st.integers(-_NEAR, _NEAR))
    if unresolved is False and minutes >= 0:
        return start + width + timedelta(minutes=minutes)
    if unresolved is False:
        return start + timedelta(minutes=minutes)
    return change.wall + timedelta(minutes=minutes)


def _resolve(wall: datetime, zone: str, policy: WallPolicy, status: LocalStatus) -> When:
    # Written as text (minute precision) when that reads back as a whole minute; else as a
    # datetime (second precision).
    shifts_seconds = status == "skipped" and _gap(wall, zone) % timedelta(minutes=1)
    if wall.second or wall.microsecond or shifts_seconds:
        return When.local(wall, zone=zone, disambiguation=policy)
    return When.local(f"{wall:%Y-%m-%d %H:%M}", zone=zone, disambiguation=policy)


def _gap(wall: datetime, zone: str) -> timedelta:
    naive = wall.replace(tzinfo=UTC)
    for change in transitions(zone):
        if abs(change.at - naive) < timedelta(hours=30):
            return abs(change.after - change.before)
    return timedelta(0)
