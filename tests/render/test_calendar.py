"""The contact calendar (``render/_calendar.py``): a day per square, sure and maybe apart."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from diplomacy_ledger import Actor, ActorKind, When, contact_calendar_svg
from diplomacy_ledger.examples import seed_ledger
from tests.contacts._ledgers import T, at, call, cast
from tests.episodes import biden_xi_2021

NS = "{http://www.w3.org/2000/svg}"


def days(svg: str) -> dict[str, tuple[int, int, bool]]:
    """Each drawn day: (surely, at most, hatched)."""
    root = ET.fromstring(svg)
    found: dict[str, tuple[int, int, bool]] = {}
    for square in root.iter(f"{NS}g"):
        if square.get("class") == "day":
            hatched = any(r.get("fill") == "url(#maybe)" for r in square.iter(f"{NS}rect"))
            found[square.get("data-day", "")] = (
                int(square.get("data-definite", "0")),
                int(square.get("data-possible", "0")),
                hatched,
            )
    return found


def test_early_tuesday_in_yerevan_hatches_monday_and_tuesday_in_paris() -> None:
    paris = days(contact_calendar_svg(seed_ledger(), "pashinyan", zone="Europe/Paris"))
    assert paris == {"2022-09-12": (0, 2, True), "2022-09-13": (0, 2, True)}
    yerevan = days(contact_calendar_svg(seed_ledger(), "Nikol Pashinyan", zone="Asia/Yerevan"))
    assert yerevan == {"2022-09-13": (2, 2, False)}


def test_the_days_between_are_drawn_empty_and_the_zone_decides_the_day() -> None:
    ledger = biden_xi_2021.ledger()
    assert days(contact_calendar_svg(ledger, "biden", zone="Asia/Shanghai")) == {
        "2021-11-16": (1, 1, False)
    }
    spread = cast()
    call(spread, "a", ("pashinyan", "putin"), at(0, 0))  # 12 September, 12:00 UTC
    call(spread, "b", ("pashinyan", "putin"), at(4 * 24 * 3, 4 * 24 * 3))  # three days later
    drawn = days(contact_calendar_svg(spread, "putin", zone="UTC"))
    assert drawn == {
        "2022-09-12": (1, 1, False),
        "2022-09-13": (0, 0, False),
        "2022-09-14": (0, 0, False),
        "2022-09-15": (1, 1, False),
    }


def test_a_hostile_name_is_escaped_and_no_contacts_is_a_picture_too() -> None:
    ledger = cast()
    ledger.append(Actor("<script>&", ActorKind.PERSON), id="odd", recorded_at=T)
    svg = contact_calendar_svg(ledger, "odd", zone="UTC")
    root = ET.fromstring(svg)  # well-formed
    assert root.find(f"{NS}title") is not None
    assert "<script>" not in svg
    assert days(svg) == {}


def test_a_day_the_zone_skipped_is_not_drawn() -> None:
    ledger = cast()
    # Apia skipped 30 December 2011: a call from the evening of the 29th to the morning of the
    # 31st (local) fell on one of two days, and there is no 30th to draw.
    apia = When.between(
        When.local("2011-12-29 20:00", zone="Pacific/Apia"),
        When.local("2011-12-31 04:00", zone="Pacific/Apia"),
    )
    call(ledger, "apia", ("macron", "aliyev"), apia)
    assert days(contact_calendar_svg(ledger, "macron", zone="Pacific/Apia")) == {
        "2011-12-29": (0, 1, True),
        "2011-12-31": (0, 1, True),
    }
