"""`When` and `Span`: a moment known to lie between two bounds, and something that lasted.

They live together because each needs the other: a When says whether it lies within a Span,
and a Span is built from Whens.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, Final, Self

import attrs

from diplomacy_ledger._errors import (
    InvalidTimeError,
    RepeatedTimeError,
    SkippedTimeError,
    TimeParseError,
)
from diplomacy_ledger._repr import python_repr
from diplomacy_ledger.time._calendar import Precision, period_bounds
from diplomacy_ledger.time._instants import UTC_MAX
from diplomacy_ledger.time._iso import _SINGLE, check_shape, format_offset, format_when, parse_when
from diplomacy_ledger.time._order import (
    Allen,
    Order,
    PointInterval,
    Truth,
    allen_of,
    order_of,
    point_interval_of,
)
from diplomacy_ledger.time._zones import (
    WallPolicy,
    allow_legacy_zones,
    canonical_zone,
    resolve_local,
    to_utc,
    validate_zone,
    zone_tzinfo,
)

__all__ = ["Span", "When", "start_of", "window_bounds"]


_CLOCKS: Final = (Precision.HOUR, Precision.MINUTE, Precision.SECOND)


def _earliest(value: datetime) -> datetime:
    return to_utc(value, where="When.earliest")


def _latest(value: datetime) -> datetime:
    return to_utc(value, where="When.latest")


def _zone(instance: object, attribute: Any, value: Any) -> None:
    if value is not None:
        validate_zone(value, where=f"When.{attribute.name}")


def _canonical(value: Any) -> Any:
    """A backward-compatible name becomes the zone's own (``Europe/Kiev`` → ``Europe/Kyiv``)."""
    return canonical_zone(value) if isinstance(value, str) else value


def _written(zone: str | None, text: str | None) -> str | None:
    """The words to keep: the caller's, else the zone name as written when it is renamed."""
    if text is None and zone is not None and canonical_zone(zone) != zone:
        return zone
    return text


@attrs.frozen
class When:
    """When something happened: a moment known to lie somewhere in [``earliest``, ``latest``].

    Both bounds are inclusive, aware, in UTC; an exact instant has ``earliest == latest``. A When
    also keeps the :class:`Precision` it was stated with, the ``zone`` it was expressed in (an IANA
    key such as ``"Asia/Yerevan"``, a fixed offset such as ``"+04:00"``, or None), and the original
    words in ``text``. Equality and hashing use the UTC bounds, the precision and the zone, never
    wall-clock fields or the words. A backward-compatible zone name is replaced by the zone's own
    on construction (``"Europe/Kiev"`` becomes ``"Europe/Kyiv"``, see
    :func:`~diplomacy_ledger.canonical_zone`); the named constructors keep the name as written in
    ``text`` when no words were given.

    Build one with a named constructor rather than from bounds:

    >>> ceasefire = When.local("2022-09-13 02:30", zone="Asia/Yerevan")
    >>> str(ceasefire)
    '2022-09-13T02:30+04:00[Asia/Yerevan]'
    >>> ceasefire.earliest.isoformat()
    '2022-09-12T22:30:00+00:00'
    >>> When.parse("2020-09").precision
    Precision.MONTH
    """

    earliest: datetime = attrs.field(converter=_earliest)
    latest: datetime = attrs.field(converter=_latest)
    precision: Precision = attrs.field(validator=attrs.validators.instance_of(Precision))
    zone: str | None = attrs.field(default=None, converter=_canonical, validator=_zone)
    text: str | None = attrs.field(default=None, eq=False, kw_only=True)
    wall: datetime | None = attrs.field(default=None, eq=False, kw_only=True)
    """The local wall time this instant was stated as (by :meth:`local`), if it was.

    Kept so that a skipped or repeated wall time stays visible after it was resolved, and so that
    a wall time recorded in advance can be checked again when a zone's rules change.
    """
    either: bool = attrs.field(default=False, kw_only=True)
    """True for a wall time the clocks showed twice, recorded as one of the two instants
    (``When.local(..., disambiguation="either")``): the moment is ``earliest`` or ``latest``, not
    a time between them.

    The checks read it as the window from one to the other, so what they find about it holds
    whichever of the two was meant: it is definite only when it is true of both.
    """

    def __attrs_post_init__(self) -> None:
        if self.either:
            self._check_either()
        else:
            check_shape(self.earliest, self.latest, self.precision, self.zone)
        if self.wall is not None and (
            self.wall.tzinfo is not None or self.zone is None or not self.precision.is_clock
        ):
            raise InvalidTimeError(
                "a wall time is a naive datetime, kept only for an exact instant with a zone",
                where="When.wall",
            )

    def _check_either(self) -> None:
        # The shape only: whether today's rules still repeat the wall time is for the checks,
        # as for any wall time recorded under older rules.
        if (
            self.wall is None
            or self.zone is None
            or self.zone.startswith(("+", "-"))
            or not self.precision.is_clock
            or not self.earliest < self.latest
        ):
            raise InvalidTimeError(
                "an 'either' When is the two instants of a wall time clocks showed twice: it "
                "needs the wall time, its zone, a clock precision and two distinct instants",
                where="When.either",
            )
        for bound in (self.earliest, self.latest):
            check_shape(bound, bound, self.precision, self.zone)

    # -- constructors ------------------------------------------------------------------------

    @classmethod
    def instant(
        cls,
        moment: datetime,
        *,
        zone: str | None = None,
        precision: Precision = Precision.SECOND,
        text: str | None = None,
    ) -> Self:
        """An exact instant, from an aware ``datetime``.

        The zone is taken from a ``zoneinfo.ZoneInfo`` or fixed-offset ``tzinfo`` unless ``zone``
        is given; ``timezone.utc`` gives no zone. A naive datetime is refused.

        >>> from datetime import datetime, timezone
        >>> str(When.instant(datetime(2022, 9, 12, 22, 30, tzinfo=timezone.utc)))
        '2022-09-12T22:30:00Z'
        """
        instant = to_utc(moment, where="When.instant")
        if zone is None:
            zone = _zone_of(moment)
        if precision not in _CLOCKS:
            raise InvalidTimeError(
                f"an instant's precision is hour, minute or second, not {precision}"
            )
        return cls(instant, instant, precision, zone, text=_written(zone, text))

    @classmethod
    def local(
        cls,
        wall: str | datetime,
        *,
        zone: str,
        disambiguation: WallPolicy = "raise",
        text: str | None = None,
    ) -> Self:
        """The instant when clocks in ``zone`` showed ``wall`` (``"2022-09-13 02:30"`` or naive).

        A wall time the zone skipped raises :class:`SkippedTimeError`, one it repeated raises
        :class:`RepeatedTimeError`, unless ``disambiguation`` is ``"earlier"``, ``"later"`` or
        ``"compatible"`` (the semantics of *whenever*; see :data:`Disambiguation`). With
        ``"either"``, a repeated wall time is one of its two instants, not the hour between
        (see :attr:`either`); a skipped one still raises.

        >>> str(When.local("2022-03-27 02:30", zone="Europe/Paris", disambiguation="earlier"))
        '2022-03-27T01:30+01:00[Europe/Paris]'
        """
        validate_zone(zone, where="When.local")
        if disambiguation == "either":
            return cls._either(
                lambda policy: cls.local(wall, zone=zone, disambiguation=policy, text=text)
            )
        if isinstance(wall, datetime):
            if wall.tzinfo is not None:
                raise InvalidTimeError(
                    "When.local takes a wall time without tzinfo; use When.instant for an aware "
                    "datetime"
                )
            instant = resolve_local(wall, zone, disambiguation, where="When.local")
            return cls(
                instant, instant, Precision.SECOND, zone, text=_written(zone, text), wall=wall
            )
        match = _SINGLE.fullmatch(wall.strip())
        if match is None or match["hour"] is None or match["offset"] or match["suffix"]:
            raise TimeParseError(
                "When.local expects a wall time such as '2022-09-13 02:30' with no offset or "
                f"zone, got {wall!r}; for a whole day use When.day",
                text=str(wall),
            )
        parsed = parse_when(wall, zone=zone, disambiguation=disambiguation, where="When.local")
        return cls(*parsed[:4], text=_written(zone, text), wall=parsed.wall)

    @classmethod
    def _either(cls, read: Callable[[WallPolicy], Self]) -> Self:
        """One of the two instants ``read`` gives a repeated wall time; its one instant if not."""
        try:
            return read("raise")
        except RepeatedTimeError:
            first, second = read("earlier"), read("later")
        wall = first.wall or first.local_bounds()[0].replace(tzinfo=None)
        return cls(
            first.earliest,
            second.latest,
            first.precision,
            first.zone,
            text=first.text,
            wall=wall,
            either=True,
        )

    @classmethod
    def day(cls, day: date | str, *, zone: str | None = None, text: str | None = None) -> Self:
        """A whole calendar day: in ``zone``, or with no zone anywhere on Earth (UTC+14 to UTC−12).

        >>> str(When.day("2022-09-13", zone="Asia/Yerevan"))
        '2022-09-13[Asia/Yerevan]'
        """
        start = _as_date(day)
        return cls._period(Precision.DAY, start, zone, text)

    @classmethod
    def month(
        cls, year: int, month: int, *, zone: str | None = None, text: str | None = None
    ) -> Self:
        """A whole calendar month, in ``zone`` or anywhere on Earth."""
        try:
            start = date(year, month, 1)
        except (TypeError, ValueError) as error:
            raise InvalidTimeError(f"not a month: {year!r}-{month!r}: {error}") from None
        return cls._period(Precision.MONTH, start, zone, text)

    @classmethod
    def year(cls, year: int, *, zone: str | None = None, text: str | None = None) -> Self:
        """A whole calendar year, in ``zone`` or anywhere on Earth."""
        try:
            start = date(year, 1, 1)
        except (TypeError, ValueError) as error:
            raise InvalidTimeError(f"not a year: {year!r}: {error}") from None
        return cls._period(Precision.YEAR, start, zone, text)

    @classmethod
    def _period(cls, precision: Precision, start: date, zone: str | None, text: str | None) -> Self:
        if zone is not None:
            validate_zone(zone, where=f"When.{precision.value}")
        earliest, latest = period_bounds(precision, start, zone)
        return cls(earliest, latest, precision, zone, text=_written(zone, text))

    @classmethod
    def between(
        cls,
        start: When | datetime,
        end: When | datetime,
        *,
        zone: str | None = None,
        text: str | None = None,
    ) -> Self:
        """A vague window: from the earliest ``start`` can be to the latest ``end`` can be.

        The end may not begin before the start begins.

        The zone is ``zone`` if given, else the zone both ends share, else None.

        >>> weekend = When.between(
        ...     When.day("2022-09-10", zone="Asia/Baku"), When.day("2022-09-11", zone="Asia/Baku")
        ... )
        >>> str(weekend)
        '2022-09-10T00:00+04:00[Asia/Baku]/2022-09-11T23:59:59.999999+04:00[Asia/Baku]'
        """
        first = start if isinstance(start, When) else When.instant(start)
        last = end if isinstance(end, When) else When.instant(end)
        if zone is None and first.zone == last.zone:
            zone = first.zone
        if last.earliest < first.earliest:
            raise InvalidTimeError(
                f"a window cannot end ({last}) before it starts ({first})", where="When.between"
            )
        return cls(first.earliest, last.latest, Precision.SPAN, zone, text=text)

    @classmethod
    def parse(
        cls,
        iso: str | None = None,
        /,
        *,
        zone: str | None = None,
        disambiguation: WallPolicy = "raise",
        text: str | None = None,
    ) -> Self:
        """Read a When from ISO 8601 / RFC 3339 / RFC 9557 text; ``str(when)`` reads back equal.

        Forms: ``2022-09-13T02:30+04:00[Asia/Yerevan]`` (instant in a zone),
        ``2022-09-12T22:30Z`` (UTC), ``2022-09-13T02:30+04:00`` (fixed offset),
        ``2022-09-13[Asia/Yerevan]`` (a day in a zone), ``2020-09`` and ``1992`` (a month or year
        anywhere on Earth unless ``zone`` is passed), and ``A/B`` (a window from A to B). A time
        of day with neither offset nor zone is refused: it could be any of 26 hours. ``text``
        keeps the original words (by default, the text read when it names a renamed zone); the
        text to read given alone by keyword, ``When.parse(text="2020-09")``, is still read.

        >>> When.parse("2022-09-13T02:30+04:00[Asia/Yerevan]") == When.local(
        ...     "2022-09-13 02:30", zone="Asia/Yerevan"
        ... )
        True
        """
        if iso is None:  # the ISO text by its old keyword, When.parse(text=...): still read
            if text is None:
                raise TimeParseError("When.parse needs the ISO 8601 text to read", text="")
            iso, text = text, None
        if iso.startswith("[") or disambiguation == "either":
            return cls._parse_either(iso, zone=zone, text=text)
        parsed = parse_when(iso, zone=zone, disambiguation=disambiguation)
        if text is None and parsed.zone is not None and canonical_zone(parsed.zone) != parsed.zone:
            text = iso
        return cls(*parsed[:4], wall=parsed.wall, text=text)

    @classmethod
    def _parse_either(cls, iso: str, *, zone: str | None, text: str | None) -> Self:
        """``[A,B]``, the two instants of one repeated wall time; or a wall time read "either"."""
        if not iso.startswith("["):
            return cls._either(
                lambda policy: cls.parse(iso, zone=zone, disambiguation=policy, text=text)
            )
        parts = iso[1:-1].split(",") if iso.endswith("]") else []
        if len(parts) != 2:
            raise TimeParseError(
                "one of two instants is written [A,B], such as "
                "'[2022-10-30T02:30+02:00[Europe/Paris],2022-10-30T02:30+01:00[Europe/Paris]]'",
                text=iso,
            )
        first, second = (cls.parse(part, zone=zone) for part in parts)
        if first.zone is None or first.zone != second.zone or not first.is_exact:
            raise TimeParseError(
                f"{iso!r}: the two instants must be in the same named zone", text=iso
            )
        shown = _wall_text(first.local_bounds()[0].replace(tzinfo=None), first.precision)
        either = cls.local(shown, zone=first.zone, disambiguation="either", text=text)
        if not either.either or (either.earliest, either.latest) != (first.earliest, second.latest):
            raise TimeParseError(
                f"{iso!r} is not the two instants of one wall time that {first.zone}'s clocks "
                "showed twice",
                text=iso,
            )
        return either

    # -- reading -----------------------------------------------------------------------------

    def __str__(self) -> str:
        if self.either:
            first, second = (
                format_when(bound, bound, self.precision, self.zone)
                for bound in (self.earliest, self.latest)
            )
            return f"[{first},{second}]"
        return format_when(self.earliest, self.latest, self.precision, self.zone)

    def __repr__(self) -> str:
        """Python that builds an equal When, its words and wall time too.

        >>> When.local("2022-09-13 02:30", zone="Asia/Yerevan")
        When.local('2022-09-13 02:30', zone='Asia/Yerevan')
        >>> When.day("2022-09-13", zone="Asia/Yerevan", text="Tuesday")
        When.parse('2022-09-13[Asia/Yerevan]', text='Tuesday')
        """
        words = "" if self.text is None else f", text={self.text!r}"
        if self.wall is None:
            return f"When.parse({str(self)!r}{words})"
        local = self._local_call()
        if local is not None:
            return f"When.local({local}{words})"
        # A wall time today's rules no longer give this instant for: every field, as it is.
        bounds = ", ".join(
            f"datetime.fromisoformat({bound.isoformat()!r})"
            for bound in (self.earliest, self.latest)
        )
        either = ", either=True" if self.either else ""
        return (
            f"When({bounds}, {self.precision!r}, {self.zone!r}{words}, "
            f"wall=datetime.fromisoformat({self.wall.isoformat()!r}){either})"
        )

    def _local_call(self) -> str | None:
        """The arguments of the ``When.local`` call that gives this instant and wall, if any."""
        wall, zone = self.wall, self.zone
        if wall is None or zone is None:
            return None
        shown = _wall_text(wall, self.precision)
        choices: tuple[WallPolicy, ...] = ("raise", "either", "earlier", "later")
        for choice in choices:
            try:
                # A legacy key kept with the opt-in stays kept: a repr never raises.
                with allow_legacy_zones(zone):
                    again = When.local(shown, zone=zone, disambiguation=choice)
            except (SkippedTimeError, RepeatedTimeError):
                continue
            if again == self and again.wall == wall:
                chosen = "" if choice == "raise" else f", disambiguation={choice!r}"
                return f"{shown!r}, zone={zone!r}{chosen}"
        return None

    @property
    def is_exact(self) -> bool:
        """True when the When is one instant (``earliest == latest``)."""
        return self.earliest == self.latest

    def local_bounds(self, zone: str | None = None) -> tuple[datetime, datetime]:
        """The bounds as aware datetimes on the clocks of ``zone`` (default: the When's zone).

        >>> start, end = When.parse("2022-09-13[Asia/Yerevan]").local_bounds("Europe/Paris")
        >>> start.isoformat(), end.isoformat(timespec="minutes")
        ('2022-09-12T22:00:00+02:00', '2022-09-13T21:59+02:00')
        """
        if zone is not None:
            validate_zone(zone, where="When.local_bounds")
        target = zone if zone is not None else self.zone  # its own zone was checked when built
        if target is None:
            return self.earliest, self.latest
        rules = zone_tzinfo(target)
        return self.earliest.astimezone(rules), self.latest.astimezone(rules)

    def to_zone(self, zone: str | None) -> When:
        """The same bounds, expressed in another zone (None for UTC).

        Instants stay the same instants. A calendar period named in one zone is not a whole
        period in another, so it becomes a window (:attr:`Precision.SPAN`); a clock reading
        becomes as fine as the new zone's offset needs (02:00 in Yerevan is 03:45 in Kathmandu).
        A wall time recorded as :attr:`either` of two instants becomes the window between them:
        no other zone's clocks showed one wall time at both.
        """
        if zone is not None:
            validate_zone(zone, where="When.to_zone")
            zone = canonical_zone(zone)
        if zone == self.zone:
            return self
        if self.precision.is_calendar or self.precision is Precision.SPAN or self.either:
            return When(self.earliest, self.latest, Precision.SPAN, zone, text=self.text)
        for precision in _CLOCKS[_CLOCKS.index(self.precision) :]:
            try:
                return When(self.earliest, self.latest, precision, zone, text=self.text)
            except InvalidTimeError:
                continue
        raise AssertionError("second precision always fits")  # pragma: no cover

    # -- order -------------------------------------------------------------------------------

    def order(self, other: When) -> Order:
        """The set of orders (before, same, after) that placements of the two times allow."""
        return order_of((self.earliest, self.latest), (other.earliest, other.latest))

    def before(self, other: When) -> Truth:
        """Whether this happened before ``other``: definitely, possibly, or not."""
        return self.order(other).holds(Order.BEFORE)

    def after(self, other: When) -> Truth:
        """Whether this happened after ``other``: definitely, possibly, or not."""
        return self.order(other).holds(Order.AFTER)

    def same(self, other: When) -> Truth:
        """Whether the two are the same instant: definitely only if both are that exact instant."""
        return self.order(other).holds(Order.SAME)

    def within(self, span: Span) -> Truth:
        """Whether this moment falls within ``span``, its ends included."""
        return span.locate(self).holds(
            PointInterval.STARTS | PointInterval.DURING | PointInterval.FINISHES
        )


def _wall_text(wall: datetime, precision: Precision) -> str:
    """A wall time as :meth:`When.local` reads it back to the same precision."""
    spec = {Precision.HOUR: "hours", Precision.MINUTE: "minutes"}.get(precision, "auto")
    return f"{wall.date().isoformat()} {wall.time().isoformat(timespec=spec)}"


def _as_date(value: date | str) -> date:
    if isinstance(value, datetime):
        raise InvalidTimeError("When.day takes a date, not a datetime")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise TimeParseError(
            f"expected a date such as '2022-09-13', got {value!r}", text=str(value)
        ) from None


def _zone_of(moment: datetime) -> str | None:
    info = moment.tzinfo
    if isinstance(info, zoneinfo.ZoneInfo):
        return validate_zone(info.key)
    if info is UTC:
        return None
    if isinstance(info, timezone):
        offset = info.utcoffset(moment)
        return format_offset(offset) if offset.total_seconds() % 60 == 0 else None
    return None


def _as_when(value: When | datetime) -> When:
    return value if isinstance(value, When) else When.instant(value)


def _as_optional_when(value: When | datetime | None) -> When | None:
    return None if value is None else _as_when(value)


@python_repr
@attrs.frozen
class Span:
    """Something that lasted: it began at ``start`` and ended at ``end``.

    The end may be unknown (``end=None``), or known only to be later than a moment: the fighting
    "reportedly ongoing" at the time of the report is ``Span(start, ongoing_as_of=report_time)``.
    Office tenures, hostilities, ceasefires and mediations are Spans.

    A Span must be able to last: some placement of its ends inside their bounds must put the start
    strictly before the end.

    >>> shelling = Span(
    ...     When.local("2022-09-13 00:00", zone="Asia/Yerevan"),
    ...     ongoing_as_of=When.day("2022-09-13", zone="Asia/Yerevan"),
    ... )
    >>> shelling.is_open
    True
    """

    start: When = attrs.field(converter=_as_when)
    end: When | None = attrs.field(default=None, converter=_as_optional_when)
    ongoing_as_of: When | None = attrs.field(
        default=None, converter=_as_optional_when, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.ongoing_as_of is not None:
            raise InvalidTimeError(
                "a Span has either an end or an 'ongoing as of' time, not both", where="Span"
            )
        if self.end is not None and not self.end.latest > self.start.earliest:
            raise InvalidTimeError(
                f"the span cannot last: it ends ({self.end}) no later than it starts "
                f"({self.start}); use a When for a single moment",
                where="Span.end",
            )
        if self.ongoing_as_of is not None and self.ongoing_as_of.latest < self.start.earliest:
            raise InvalidTimeError(
                f"it cannot be ongoing as of {self.ongoing_as_of}, before it starts ({self.start})",
                where="Span.ongoing_as_of",
            )

    @classmethod
    def ongoing(cls, start: When | datetime, *, as_of: When | datetime) -> Self:
        """A Span that had not ended yet at ``as_of`` (its end is later, but unknown)."""
        return cls(start, ongoing_as_of=as_of)

    def __str__(self) -> str:
        if self.end is not None:
            return f"{self.start} – {self.end}"
        if self.ongoing_as_of is not None:
            return f"{self.start} – (ongoing as of {self.ongoing_as_of})"
        return f"{self.start} – (end unknown)"

    @property
    def is_open(self) -> bool:
        """True when the end is not known (unknown, or only known to be after a moment)."""
        return self.end is None

    @property
    def is_exact(self) -> bool:
        """True when both ends are exact instants."""
        return self.end is not None and self.start.is_exact and self.end.is_exact

    @property
    def duration(self) -> tuple[timedelta, timedelta | None]:
        """How long it lasted, as the range ``(shortest, longest)``, longest None if open.

        The shortest is from the latest start to the earliest end (zero when the bounds of the
        two ends overlap: the start may come just before the end); the longest from the earliest
        start to the latest end. An open end ("ongoing as of") makes the longest unbounded, and
        its shortest is from the latest start to the earliest "as of".

        >>> yerevan = When.parse("2022-09-13[Asia/Yerevan]")
        >>> baku = When.parse("2022-09-14[Asia/Baku]")
        >>> talks = Span(yerevan, baku)
        >>> [str(length) for length in talks.duration]
        ['0:00:00.000001', '1 day, 23:59:59.999999']
        """
        end_earliest, _ = self.end_bounds
        shortest = max(end_earliest - self.start.latest, timedelta(0))
        if self.end is None:
            return shortest, None
        return shortest, self.end.latest - self.start.earliest

    @property
    def start_bounds(self) -> tuple[datetime, datetime]:
        """Earliest and latest possible start."""
        return self.start.earliest, self.start.latest

    @property
    def end_bounds(self) -> tuple[datetime, datetime]:
        """Earliest and latest possible end; an open end runs to the end of ``datetime``."""
        if self.end is not None:
            return self.end.earliest, self.end.latest
        if self.ongoing_as_of is not None:
            return self.ongoing_as_of.earliest, UTC_MAX
        return self.start.earliest, UTC_MAX

    def allen(self, other: Span) -> Allen:
        """The set of Allen relations from this Span to ``other`` that some placement allows.

        >>> a = Span(When.parse("2022-09-12T20:00Z"), When.parse("2022-09-13T06:00Z"))
        >>> b = Span(When.parse("2022-09-12T22:30Z"), When.parse("2022-09-14"))
        >>> a.allen(b)
        Allen.OVERLAPS
        """
        return allen_of(self.start_bounds, self.end_bounds, other.start_bounds, other.end_bounds)

    def locate(self, when: When) -> PointInterval:
        """The set of places ``when`` may take relative to this Span (before … after)."""
        return point_interval_of((when.earliest, when.latest), self.start_bounds, self.end_bounds)

    def contains(self, when: When) -> Truth:
        """Whether ``when`` falls within this Span, its ends included."""
        return when.within(self)


Bounds = tuple[datetime, datetime]


def window_bounds(window: When | Span) -> tuple[Bounds, Bounds]:
    """A window's outer bounds, where a time may fall in it, and inner ones, where it surely does.

    A When is the window from its earliest to its latest bound (both, outer and inner). A Span
    runs, at the widest, from its earliest start to its latest end, and for every placement from
    its latest start to its earliest end (inner bounds that cross mean no time is surely in it).
    """
    if isinstance(window, When):
        return (window.earliest, window.latest), (window.earliest, window.latest)
    return (
        (window.start.earliest, window.end_bounds[1]),
        (window.start.latest, window.end_bounds[0]),
    )


def start_of(moment: When | Span) -> When:
    """When something began: a When itself, or a Span's start."""
    return moment if isinstance(moment, When) else moment.start
