"""Time zones: which names are accepted, and how a local wall time becomes an instant.

A zone is either a key of the IANA time zone database (``"Asia/Yerevan"``) or a fixed UTC offset
written ``"+04:00"``. Nothing else is accepted: not the empty string (``dateutil.tz.gettz("")`` is
the machine's zone), not a file path, not a POSIX TZ string such as ``"UTC+3"`` (whose sign is the
reverse of what it seems), not an abbreviation such as ``"EDT"``. Zone rules come from
``dateutil.tz``.

Two kinds of IANA key get special treatment, both read from the time zone database the machine
has (``tzdata.zi`` on the zoneinfo search path, else the ``tzdata`` package), never from a list
kept here:

- *Legacy keys named like abbreviations* (``EST``, ``MST``, ``HST``, ``CET``, ``EET``, ``WET``,
  ``MET``, ``EST5EDT`` and its kin, and ``Etc/GMT+5``, whose sign is inverted) are refused unless
  the caller opts in (``legacy=True``, or :func:`allow_legacy_zones`): ``EST`` is ``-05:00`` all
  year, an hour off New York in July. A key is legacy when it has no ``/``, is spelled as one of
  the abbreviations its own rules use (or as a POSIX ``STDoffsetDST`` string of them), and is not
  UTC itself.
- *Backward-compatible names* (``Europe/Kiev`` for ``Europe/Kyiv``, ``Asia/Calcutta`` for
  ``Asia/Kolkata``) are the database's links whose name is no country's zone in ``zone.tab``;
  :func:`canonical_zone` maps them to the zone they link to.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import importlib
import importlib.resources
import os
import re
import zoneinfo
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Final, Literal

from dateutil import tz as dateutil_tz

from diplomacy_ledger._errors import (
    InvalidValueError,
    NaiveDatetimeError,
    RepeatedTimeError,
    SkippedTimeError,
    UnknownZoneError,
)
from diplomacy_ledger._repr import shown as cut

__all__ = [
    "Disambiguation",
    "WallPolicy",
    "allow_legacy_zones",
    "available_zones",
    "canonical_zone",
    "country_zones",
    "first_instant_at_or_after",
    "last_instant_before",
    "legacy_zone_reason",
    "local_candidates",
    "local_status",
    "resolve_local",
    "resolve_zone",
    "to_utc",
    "tzdb_version",
    "validate_zone",
    "zone_tzinfo",
]


Disambiguation = Literal["raise", "earlier", "later", "compatible"]
"""How to resolve a local time that was skipped or repeated, with the semantics of *whenever*.

- ``"raise"`` (the default everywhere): raise :class:`SkippedTimeError` or
  :class:`RepeatedTimeError`.
- ``"earlier"``: in a fold, the first of the two instants; in a gap, the wall time read with the
  offset in force *after* the transition (Paris 02:30 on 27 March 2022 becomes 01:30+01:00).
- ``"later"``: in a fold, the second instant; in a gap, the wall time read with the offset in force
  *before* the transition (Paris 02:30 becomes 03:30+02:00).
- ``"compatible"``: ``"earlier"`` in a fold and ``"later"`` in a gap, as ``datetime`` and
  RFC 5545 do.

A :class:`When` can also be read as either instant of a fold: see :data:`WallPolicy`.
"""

WallPolicy = Literal["raise", "earlier", "later", "compatible", "either"]
"""How :meth:`When.local`, :meth:`When.parse` and :func:`resolve_phrase` read a wall time: a
:data:`Disambiguation`, or ``"either"``: in a fold, one of the two instants, not knowing which
(:attr:`When.either`), rather than the hour between them; in a gap, raise as ``"raise"`` does.
"""

_DISAMBIGUATIONS: Final = frozenset({"raise", "earlier", "later", "compatible"})
_OFFSET_ZONE: Final = re.compile(r"(?P<sign>[+-])(?P<h>[01]\d|2[0-3]):(?P<m>[0-5]\d)", re.ASCII)
_ABBREVIATION: Final = re.compile(r"[A-Z]{2,5}", re.ASCII)
# Keys in the zoneinfo folder that are not zones one may name: the machine's own zone, and files
# that only exist for the zic compiler.
_NOT_ZONES: Final = frozenset({"localtime", "posixrules", "Factory"})
_ONE_MICROSECOND: Final = timedelta(microseconds=1)
_POSIX_LIKE: Final = re.compile(
    r"(?P<std>[A-Z]{3,5})(?P<hours>\d{1,2})(?P<dst>[A-Z]{3,5})", re.ASCII
)
_ETC_GMT: Final = re.compile(r"Etc/GMT(?P<sign>[+-])(?P<hours>\d{1,2})", re.ASCII)
_SAMPLE_YEARS: Final = range(1970, 2031, 5)
# The legacy keys the caller allowed in this context: None for none, or a set (empty: all).
_LEGACY_ALLOWED: Final[contextvars.ContextVar[frozenset[str] | None]] = contextvars.ContextVar(
    "diplomacy_ledger_legacy_zones", default=None
)


@functools.cache
def available_zones() -> frozenset[str]:
    """The IANA zone keys this machine knows (system database, or the ``tzdata`` package).

    Every key listed is accepted where a zone is taken: the legacy keys refused by default
    (``"EST"``, ``"Etc/GMT+5"``) are left out. Backward-compatible names such as
    ``"Europe/Kiev"`` are listed; :func:`canonical_zone` says which zone they stand for.
    """
    return frozenset(key for key in _database_keys() if legacy_zone_reason(key) is None)


@functools.cache
def _database_keys() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones() - _NOT_ZONES)


def _offset_minutes(zone: str) -> int | None:
    match = _OFFSET_ZONE.fullmatch(zone)
    if match is None:
        return None
    minutes = int(match["h"]) * 60 + int(match["m"])
    return -minutes if match["sign"] == "-" else minutes


def validate_zone(zone: object, *, where: str | None = None, legacy: bool = False) -> str:
    """Return ``zone`` if it is an IANA key or a ``"+HH:MM"`` offset; raise otherwise.

    A legacy key named like an abbreviation (``"EST"``, ``"CET"``, ``"Etc/GMT+5"``, see the
    module documentation) is refused, with a message naming the fixed offset or the zone it likely
    stands for, unless ``legacy`` is true or :func:`allow_legacy_zones` allows it. The key is
    returned as given: see :func:`canonical_zone` for the zone a backward-compatible name stands
    for.

    >>> validate_zone("Asia/Yerevan")
    'Asia/Yerevan'
    >>> validate_zone("UTC+3")
    Traceback (most recent call last):
    ...
    diplomacy_ledger.UnknownZoneError: 'UTC+3' is not an IANA time zone key: ...
    >>> validate_zone("EST")
    Traceback (most recent call last):
    ...
    diplomacy_ledger.UnknownZoneError: 'EST' is a legacy key ... the fixed offset -05:00 ...
    >>> validate_zone("EST", legacy=True)
    'EST'
    """
    if not isinstance(zone, str):
        raise UnknownZoneError(
            f"a time zone must be a string such as 'Asia/Yerevan', not {type(zone).__name__}",
            zone=repr(zone),
            where=where,
        )
    if zone in _database_keys():
        if not legacy and not _legacy_allowed(zone):
            reason = legacy_zone_reason(zone)
            if reason is not None:
                raise UnknownZoneError(reason, zone=zone, where=where)
        return zone
    if _offset_minutes(zone) is not None and zone != "-00:00":
        return zone
    raise UnknownZoneError(_why_not_a_zone(zone), zone=zone, where=where)


def _legacy_allowed(zone: str) -> bool:
    allowed = _LEGACY_ALLOWED.get()
    return allowed is not None and (not allowed or zone in allowed)


@contextlib.contextmanager
def allow_legacy_zones(*zones: str) -> Iterator[None]:
    """Accept the legacy keys ``zones`` (all of them if none are named) inside a ``with`` block.

    Use it to load or build times recorded with legacy keys such as ``"EST"`` or ``"CET"`` on
    purpose; the keys are kept as written, not mapped to another zone. Build and read the times
    inside the block: a When made there keeps its zone afterwards, but a new When naming the key
    outside the block is refused again.

    >>> with allow_legacy_zones("CET"):
    ...     validate_zone("CET")
    'CET'
    """
    for zone in zones:
        validate_zone(zone, where="allow_legacy_zones", legacy=True)
    token = _LEGACY_ALLOWED.set(frozenset(zones))
    try:
        yield
    finally:
        _LEGACY_ALLOWED.reset(token)


def _sign_offset(offset: timedelta) -> str:
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


_HOW_TO_KEEP: Final = "to keep the legacy key, pass legacy=True or use allow_legacy_zones()"


@functools.cache
def legacy_zone_reason(zone: str) -> str | None:
    """Why ``zone``, an IANA key, is a legacy key named like an abbreviation; None if it is not.

    Read from the zone's own rules: a key with no ``/`` spelled as an abbreviation its rules use
    (or a POSIX ``STDoffsetDST`` string of two of them) that is not UTC, or an ``Etc/GMT±N`` key
    (whose sign is the reverse of ISO 8601's).

    >>> print(legacy_zone_reason("Etc/GMT+5"))
    'Etc/GMT+5' is a legacy key whose sign is inverted (POSIX style): ... offset -05:00, ...
    >>> legacy_zone_reason("Asia/Yerevan") is None
    True
    """
    etc = _ETC_GMT.fullmatch(zone)
    if etc is not None:
        hours = int(etc["hours"])
        if hours == 0:
            return None
        offset = timedelta(hours=-hours if etc["sign"] == "+" else hours)
        words = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "thirteen", "fourteen")  # fmt: skip
        side = "behind" if offset < timedelta(0) else "ahead of"
        return (
            f"{zone!r} is a legacy key whose sign is inverted (POSIX style): it is the fixed "
            f"offset {_sign_offset(offset)}, {words[hours - 1]} hour{'s' if hours > 1 else ''} "
            f"*{side}* UTC; write {_sign_offset(offset)!r}; {_HOW_TO_KEEP}"
        )
    if "/" in zone or zone not in _database_keys():
        return None
    rules = zoneinfo.ZoneInfo(zone)
    samples = [
        datetime(year, month, 15, 12, tzinfo=rules) for year in _SAMPLE_YEARS for month in (1, 7)
    ]
    names = {sample.tzname() for sample in samples}
    offsets = {sample.utcoffset() for sample in samples}
    if offsets == {timedelta(0)}:
        return None  # UTC, GMT, UCT, Zulu: the same everywhere
    posix = _POSIX_LIKE.fullmatch(zone)
    if zone not in names and not (posix and {posix["std"], posix["dst"]} <= names):
        return None
    target = _links().get(zone) or _links(package=True).get(zone)
    linked = f" (the time zone database links it to {target!r})" if target else ""
    standard = sorted(
        {sample.utcoffset() or timedelta(0) for sample in samples if not sample.dst()}
    )
    if len(offsets) == 1:
        shown = _sign_offset(standard[0])
        return (
            f"{zone!r} is a legacy key of the time zone database, named like an abbreviation: "
            f"it is the fixed offset {shown} all year{linked}, never daylight saving time, so in "
            f"summer it is an hour off places that use {zone} in winter; write {shown!r} for "
            f"that offset or name the place's IANA zone; {_HOW_TO_KEEP}"
        )
    shown = _sign_offset(standard[0]) if standard else "?"
    likely = f" (the time zone database links it to {target!r})" if target else ""
    return (
        f"{zone!r} is a legacy key of the time zone database, named like an abbreviation: it "
        f"follows one set of daylight saving rules ({'/'.join(sorted(str(n) for n in names))}, "
        f"standard time {shown}), which need not be the history of the place you mean; "
        f"name the place's IANA zone{likely}, or write the fixed offset {shown!r} for its "
        f"standard time; {_HOW_TO_KEEP}"
    )


def _tzdata_file(name: str) -> str | None:
    """The text of ``name`` (``tzdata.zi``, ``zone.tab``) from the database the rules come from.

    The machine's database on the zoneinfo search path first, as ``zoneinfo`` and ``dateutil``
    read it, then the ``tzdata`` package.
    """
    for directory in zoneinfo.TZPATH:
        if os.path.exists(os.path.join(directory, "tzdata.zi")):
            try:
                with open(os.path.join(directory, name), encoding="utf-8") as file:
                    return file.read()
            except OSError:
                return None
    return _tzdata_package_file(name)


def _tzdata_package_file(name: str) -> str | None:
    try:
        package = importlib.resources.files("tzdata").joinpath("zoneinfo", name)
        return package.read_text(encoding="utf-8")
    except (ImportError, OSError):
        return None


@functools.cache
def _links(*, package: bool = False) -> dict[str, str]:
    """Every link of the database (``L target name`` lines), its chain followed to a zone.

    With ``package``, of the ``tzdata`` package's database (newer ones link legacy keys to the
    zone they stand for, which makes a better hint than none).
    """
    text = (_tzdata_package_file("tzdata.zi") if package else _tzdata_file("tzdata.zi")) or ""
    links: dict[str, str] = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[0] == "L":
            links[fields[2]] = fields[1]
    resolved: dict[str, str] = {}
    for name, first in links.items():
        seen, target = {name}, first
        while target in links and target not in seen:
            seen.add(target)
            target = links[target]
        resolved[name] = target
    return resolved


@functools.cache
def _renamed() -> dict[str, str]:
    """The backward-compatible names: links whose name is no country's zone in ``zone.tab``."""
    table = _tzdata_file("zone.tab") or ""
    countries = {
        fields[2]
        for line in table.splitlines()
        if not line.startswith("#") and len(fields := line.split("\t")) >= 3
    }
    zones = _database_keys()
    renamed = {
        name: target
        for name, target in _links().items()
        if name not in countries and target in zones and name in zones
    }
    # The UTC family goes by the name this library writes everywhere, "UTC".
    renamed = {name: "UTC" if target == "Etc/UTC" else target for name, target in renamed.items()}
    renamed.pop("UTC", None)
    if "Etc/UTC" in zones:
        renamed["Etc/UTC"] = "UTC"
    return renamed


def canonical_zone(zone: str) -> str:
    """The zone a backward-compatible name stands for (``"Europe/Kiev"`` → ``"Europe/Kyiv"``).

    Any other zone is returned as it is: a canonical key, a fixed offset, a legacy key (kept as
    written when allowed), or a link that ``zone.tab`` gives as a country's zone (such as
    ``"Europe/Oslo"`` where the database merged it into another). Whens canonicalise their zone
    on construction, so equal instants in two names of one zone are equal Whens.

    >>> canonical_zone("Asia/Calcutta")
    'Asia/Kolkata'
    >>> canonical_zone("Asia/Yerevan")
    'Asia/Yerevan'
    """
    if "/" not in zone and legacy_zone_reason(zone) is not None:
        return zone
    return _renamed().get(zone, zone)


def _why_not_a_zone(zone: str) -> str:
    if zone == "-00:00":
        return "'-00:00' means an unknown local offset (RFC 3339); write '+00:00' or 'UTC'"
    if zone == "":
        return "the empty string is not a time zone (dateutil would read it as the machine's zone)"
    shown = cut(zone)
    if zone.startswith(("/", ".")) or "\\" in zone or ".." in zone:
        return f"{shown} is a file path, not an IANA time zone key"
    if re.match(r"^(UTC|GMT)\s*[+-]", zone, re.IGNORECASE):
        return (
            f"{shown} is not an IANA time zone key: POSIX TZ strings invert the sign "
            "(UTC+3 means three hours *behind* UTC); write a fixed offset as '+03:00' or name "
            "the IANA zone, e.g. 'Europe/Moscow'"
        )
    if _ABBREVIATION.fullmatch(zone):
        return (
            f"{shown} looks like a time zone abbreviation; abbreviations are ambiguous "
            "(IST is India, Israel or Ireland) and are refused: name the IANA zone, e.g. "
            "'America/New_York', or map it with resolve_zone(name, aliases={...})"
        )
    folded = {key.casefold(): key for key in available_zones()}
    if zone.casefold() in folded:
        return (
            f"{shown} is not an IANA time zone key (keys are case-sensitive); "
            f"did you mean {folded[zone.casefold()]!r}?"
        )
    if _offset_minutes(zone.replace("−", "-")) is not None:
        return f"{shown} uses a typographic minus; write the offset with '-'"
    return f"{shown} is not an IANA time zone key"


def resolve_zone(
    name: str, *, aliases: Mapping[str, str] | None = None, legacy: bool = False
) -> str:
    """Map a zone name through the caller's ``aliases``, then validate it.

    This is the one place abbreviations are welcome, because the caller says what they mean:

    >>> resolve_zone("EDT", aliases={"EDT": "America/New_York"})
    'America/New_York'

    ``legacy=True`` accepts a legacy key such as ``"EST"`` (see :func:`legacy_zone_reason`).
    """
    if aliases is not None and name in aliases:
        return validate_zone(aliases[name], where=f"zone alias {name!r}", legacy=legacy)
    return validate_zone(name, legacy=legacy)


@functools.cache
def zone_tzinfo(zone: str) -> tzinfo:
    """The ``tzinfo`` for a validated zone: ``dateutil.tz`` rules, or a fixed offset."""
    minutes = _offset_minutes(zone)
    if minutes is not None:
        return timezone(timedelta(minutes=minutes)) if minutes else UTC
    validate_zone(zone, legacy=True)  # a legacy key was allowed (or refused) where it was named
    if zone == "UTC":
        return UTC
    rules = dateutil_tz.gettz(zone)
    if not isinstance(rules, dateutil_tz.tzfile):  # pragma: no cover - validated above
        raise UnknownZoneError(f"no rules found for time zone {zone!r}", zone=zone)
    return rules


def to_utc(moment: datetime, *, where: str | None = None) -> datetime:
    """Return ``moment`` as an aware UTC datetime; refuse a naive one."""
    if type(moment) is datetime and moment.tzinfo is UTC:
        return moment  # already UTC: the common case when reading files
    if not isinstance(moment, datetime):
        raise NaiveDatetimeError(
            f"expected an aware datetime, got {type(moment).__name__}", where=where
        )
    offset = moment.utcoffset()
    if offset is None:
        raise NaiveDatetimeError(
            f"naive datetime {moment.isoformat()} has no time zone: attach one "
            "(datetime(..., tzinfo=timezone.utc)) or use When.local(wall, zone=...)",
            where=where,
        )
    return (moment - offset).replace(tzinfo=UTC)


def _fmt_wall(wall: datetime) -> str:
    return wall.isoformat(sep=" ", timespec="auto")


def _transition_in(zone_info: tzinfo, low: datetime, high: datetime) -> datetime:
    """The first instant in (low, high] whose UTC offset differs from low's (binary search)."""
    low_offset = low.astimezone(zone_info).utcoffset()
    while high - low > _ONE_MICROSECOND:
        middle = low + (high - low) // 2
        if middle.astimezone(zone_info).utcoffset() == low_offset:
            low = middle
        else:
            high = middle
    return high


def _candidates(wall: datetime, zone: str) -> tuple[datetime, datetime, bool, bool]:
    """The two readings of ``wall`` (fold=0 and fold=1) in UTC, and whether it exists / repeats."""
    zone_info = zone_tzinfo(zone)
    first = wall.replace(tzinfo=zone_info, fold=0)
    second = wall.replace(tzinfo=zone_info, fold=1)
    exists = dateutil_tz.datetime_exists(first)
    repeated = exists and dateutil_tz.datetime_ambiguous(first)
    return to_utc(first), to_utc(second), exists, repeated


def resolve_local(
    wall: datetime,
    zone: str,
    disambiguation: WallPolicy = "raise",
    *,
    where: str | None = None,
) -> datetime:
    """The UTC instant at which clocks in ``zone`` showed ``wall`` (a naive datetime).

    A skipped or repeated wall time raises unless ``disambiguation`` says how to resolve it.

    >>> resolve_local(datetime(2022, 9, 13, 2, 30), "Asia/Yerevan").isoformat()
    '2022-09-12T22:30:00+00:00'
    """
    if disambiguation == "either":
        raise InvalidValueError(
            "disambiguation='either' reads a wall time as one of two instants, a When "
            "(When.local), not one instant; choose 'earlier', 'later' or 'compatible'"
        )
    if disambiguation not in _DISAMBIGUATIONS:
        raise InvalidValueError(
            f"disambiguation must be one of {sorted(_DISAMBIGUATIONS)}, not {disambiguation!r}"
        )
    if wall.tzinfo is not None:
        raise TypeError("resolve_local takes a naive wall time; this one has a tzinfo")
    fold0, fold1, exists, repeated = _candidates(wall, zone)
    if exists and not repeated:
        return fold0
    if repeated:
        # PEP 495: fold=0 is the first occurrence, fold=1 the second.
        if disambiguation == "raise":
            raise RepeatedTimeError(
                f"{_fmt_wall(wall)} happened twice in {zone} (clocks were set back): at "
                f"{fold0.isoformat()} and at {fold1.isoformat()}; pass "
                "disambiguation='earlier', 'later' or 'compatible' to choose, or 'either' to "
                "keep both",
                wall=_fmt_wall(wall),
                zone=zone,
                where=where,
            )
        return fold1 if disambiguation == "later" else fold0
    # A gap. PEP 495: fold=0 reads the wall time with the offset before the transition (an
    # instant after it), fold=1 with the offset after it (an instant before it).
    if disambiguation == "raise":
        transition = _transition_in(zone_tzinfo(zone), fold1, fold0)
        raise SkippedTimeError(
            f"{_fmt_wall(wall)} did not exist in {zone}: clocks jumped forward at "
            f"{transition.isoformat()} (UTC); pass disambiguation='earlier', 'later' or "
            "'compatible' to choose",
            wall=_fmt_wall(wall),
            zone=zone,
            where=where,
        )
    return fold1 if disambiguation == "earlier" else fold0


def first_instant_at_or_after(wall: datetime, zone: str) -> datetime:
    """The first instant at which clocks in ``zone`` showed ``wall`` or a later wall time.

    This is where a period that starts at ``wall`` begins: the wall time itself, its first
    occurrence if it repeats, or the end of the gap if clocks skipped it.
    """
    fold0, fold1, exists, _ = _candidates(wall, zone)
    if exists:
        return fold0
    return _transition_in(zone_tzinfo(zone), fold1, fold0)


def last_instant_before(wall: datetime, zone: str) -> datetime:
    """The last instant (to the microsecond) at which clocks in ``zone`` showed less than ``wall``.

    This is the inclusive end of a period that ends where ``wall`` begins. When clocks are set
    back across ``wall``, the wall times just before it happen twice and the later counts.
    """
    zone_info = zone_tzinfo(zone)
    fold0, fold1, exists, repeated = _candidates(wall, zone)
    if not exists:
        return _transition_in(zone_info, fold1, fold0) - _ONE_MICROSECOND
    if repeated:
        before_second = fold1 - _ONE_MICROSECOND
        local = before_second.astimezone(zone_info).replace(tzinfo=None)
        if local < wall:
            return before_second
    return fold0 - _ONE_MICROSECOND


def local_status(wall: datetime, zone: str) -> Literal["ok", "skipped", "repeated"]:
    """Whether clocks in ``zone`` showed ``wall`` once, never, or twice (under today's rules)."""
    if _offset_minutes(zone) is not None:
        return "ok"
    _, _, exists, repeated = _candidates(wall, zone)
    if not exists:
        return "skipped"
    return "repeated" if repeated else "ok"


@functools.cache
def tzdb_version() -> str:
    """The version of the IANA time zone database in use (``"2025b"``), or ``"unknown"``.

    The machine's database (on the same search path ``zoneinfo`` and ``dateutil`` use) comes
    first, then the ``tzdata`` package.
    """
    first = (_tzdata_file("tzdata.zi") or "").partition("\n")[0]
    if first.startswith("# version "):
        return first.split()[-1]
    try:
        tzdata = importlib.import_module("tzdata")  # optional: the IANA database as a package
    except ImportError:
        return "unknown"
    return str(tzdata.IANA_VERSION)


def local_candidates(wall: datetime, zone: str) -> frozenset[datetime]:
    """Every UTC instant today's rules could give ``wall`` in ``zone``, under any policy."""
    zone_info = zone_tzinfo(zone)
    if _offset_minutes(zone) is not None:
        return frozenset({to_utc(wall.replace(tzinfo=zone_info))})
    fold0, fold1, _, _ = _candidates(wall, zone)
    return frozenset({fold0, fold1})


@functools.cache
def _countries() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """``zone.tab``'s zones per ISO 3166 alpha-2 code, and ``iso3166.tab``'s names of the codes."""
    zones: dict[str, list[str]] = {}
    for line in (_tzdata_file("zone.tab") or "").splitlines():
        fields = line.split("\t")
        if not line.startswith("#") and len(fields) >= 3:
            zones.setdefault(fields[0], []).append(fields[2])
    names: dict[str, str] = {}
    for line in (_tzdata_file("iso3166.tab") or "").splitlines():
        fields = line.split("\t")
        if not line.startswith("#") and len(fields) == 2:
            names[fields[0]] = fields[1].strip()
    return {code: tuple(found) for code, found in zones.items()}, names


def country_zones(country: str) -> tuple[str, ...]:
    """The IANA zones of a country, as ``zone.tab`` lists them; empty for a country not there.

    ``country`` is an ISO 3166 alpha-2 code (``"RU"``) or the country's name as ``iso3166.tab``
    writes it (``"Russia"``, ``"United States"``), in any case. A date in a country with several
    zones is that date in every one of them: the union of their days.

    >>> country_zones("AM")
    ('Asia/Yerevan',)
    >>> len(country_zones("Russia")) > 10
    True
    """
    zones, names = _countries()
    code = country.strip().upper()
    if code in zones:
        return zones[code]
    wanted = " ".join(country.casefold().split())
    for code, name in names.items():
        if name.casefold() == wanted:
            return zones.get(code, ())
    return ()
