"""The library's errors: one base, :class:`LedgerError`, and a subclass per kind of bad input.

Every error raised on bad data is a :class:`LedgerError`; those about a bad *value* are also
:class:`ValueError`, so ``except ValueError`` in existing code keeps working. Each message says
what was wrong, and ``where`` (a file, line or field path) when the caller knows it.
"""

from __future__ import annotations

__all__ = [
    "AliasConflictError",
    "BadReferenceError",
    "ChainError",
    "DuplicateIdError",
    "FieldError",
    "FormatError",
    "ImportRowError",
    "InvalidIdError",
    "InvalidTimeError",
    "InvalidValueError",
    "LedgerError",
    "NaiveDatetimeError",
    "RecordTimeError",
    "RepeatedTimeError",
    "SkippedTimeError",
    "StoreError",
    "TimeParseError",
    "UnknownEntryError",
    "UnknownPhraseError",
    "UnknownZoneError",
]


class LedgerError(Exception):
    """Base of every error that ``diplomacy_ledger`` raises on bad input.

    Every error class here says it belongs to ``diplomacy_ledger`` (its ``__module__``), the
    package that offers it, so tracebacks and the docs never show this private module.

    ``where`` locates the problem (``"ledger.jsonl:17: entries.when.earliest"``, a field name, a
    constructor) and is shown before the message.

    >>> str(LedgerError("naive datetime", where="ledger.jsonl:17: when.earliest"))
    'ledger.jsonl:17: when.earliest: naive datetime'
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        if self.where:
            return f"{self.where}: {self.message}"
        return self.message

    def at(self, where: str) -> LedgerError:
        """Prefix ``where`` to this error's location and return the error itself.

        Loaders use it to add the file and line to an error raised deeper down.
        """
        self.where = f"{where}: {self.where}" if self.where else where
        return self


class NaiveDatetimeError(LedgerError, ValueError):
    """A ``datetime`` without a time zone was given where an instant is required."""


class UnknownZoneError(LedgerError, ValueError):
    """A time zone name that is not a key of the IANA time zone database."""

    def __init__(self, message: str, *, zone: str, where: str | None = None) -> None:
        super().__init__(message, where=where)
        self.zone = zone


class _LocalTimeError(LedgerError, ValueError):
    def __init__(self, message: str, *, wall: str, zone: str, where: str | None = None) -> None:
        super().__init__(message, where=where)
        self.wall = wall
        self.zone = zone


class SkippedTimeError(_LocalTimeError):
    """A local wall time that never happened in its zone (the clocks jumped over it).

    Raised unless the caller chose a ``disambiguation`` policy.
    """


class RepeatedTimeError(_LocalTimeError):
    """A local wall time that happened twice in its zone (the clocks were set back).

    Raised unless the caller chose a ``disambiguation`` policy.
    """


class InvalidTimeError(LedgerError, ValueError):
    """A time value that breaks an invariant.

    For example: bounds out of order, a precision its bounds do not have, a date outside the
    supported range, a Span that cannot last.
    """


class TimeParseError(LedgerError, ValueError):
    """Text that is not a time this library can read; the message says what it expected."""

    def __init__(self, message: str, *, text: str, where: str | None = None) -> None:
        super().__init__(message, where=where)
        self.text = text


class UnknownPhraseError(TimeParseError):
    """A time phrase the normaliser does not know. It never guesses."""


class InvalidIdError(LedgerError, ValueError):
    """An id that is empty, too long, or has characters outside ``[A-Za-z0-9_.:@/-]``."""


class InvalidValueError(LedgerError, ValueError):
    """A field of a record holds a value of the wrong kind (empty text, a bad code, …)."""


class DuplicateIdError(LedgerError, ValueError):
    """An entry id that the ledger already holds; ids are never reused."""


class BadReferenceError(LedgerError, ValueError):
    """A record points at an id the ledger does not hold, or at an entry of the wrong kind."""

    def __init__(self, message: str, *, id: str, where: str | None = None) -> None:
        super().__init__(message, where=where)
        self.id = id


class AliasConflictError(LedgerError, ValueError):
    """A name or alias that would name two different actors."""


class RecordTimeError(LedgerError, ValueError):
    """A record time that is missing (and no clock was given), or earlier than the last one."""


class UnknownEntryError(LedgerError, KeyError):
    """A lookup of an id, name or alias the ledger does not hold."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return LedgerError.__str__(self)


class StoreError(LedgerError):
    """A store cannot do what was asked.

    It is closed or read-only, or its file is missing, is not a store of this library, was written
    by a newer version, or was shortened by something else.
    """


class FormatError(LedgerError, ValueError):
    """A line that is not a valid entry of this format; ``where`` says the file, line and field."""


class ChainError(FormatError):
    """A ledger's entries do not match its digest chain: its history was edited.

    An entry was changed, removed or put in, or a digest was; ``where`` names the first entry
    at which the chain breaks (``diplomacy-ledger verify`` says the same without loading).
    """


class ImportRowError(LedgerError, ValueError):
    """A row of an imported file that cannot become a record, or breaks a rule of the import.

    ``where`` is ``file:line: column``; ``value`` is the cell as read (messages show it cut
    short); ``reason`` is the short name under which a report counts rows skipped for it.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str,
        line: int,
        column: str,
        value: object,
        reason: str,
    ) -> None:
        super().__init__(message, where=f"{file}:{line}: {column}")
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason


class FieldError(LedgerError, ValueError):
    """A bad value inside a field of a line; ``where`` is the sub-field, joined to the path later.

    Loaders catch it and raise a :class:`FormatError` that names the file, line and whole path.
    """


for _error in (
    LedgerError,
    *(value for name, value in list(globals().items()) if name in __all__),
):
    _error.__module__ = "diplomacy_ledger"
