"""The ledger every test of a single check starts from."""

from __future__ import annotations

import pytest

from diplomacy_ledger import Actor, ActorKind, Ledger, Office, Source, Span, Tenure, When
from tests.checks._helpers import T


@pytest.fixture
def base() -> Ledger:
    ledger = Ledger()
    records: list[tuple[str, object]] = [
        ("armenia", Actor("Armenia", ActorKind.STATE)),
        ("azerbaijan", Actor("Azerbaijan", ActorKind.STATE)),
        ("russia", Actor("Russia", ActorKind.STATE)),
        (
            "arm-gov",
            Actor("Government of Armenia", ActorKind.GOVERNMENT, ("Yerevan",), part_of="armenia"),
        ),
        (
            "aze-gov",
            Actor(
                "Government of Azerbaijan", ActorKind.GOVERNMENT, ("Baku",), part_of="azerbaijan"
            ),
        ),
        (
            "aze-army",
            Actor("Azerbaijani armed forces", ActorKind.ARMED_FORCES, part_of="azerbaijan"),
        ),
        ("media", Actor("Armenian media", ActorKind.MEDIA)),
        ("pashinyan", Actor("Nikol Pashinyan", ActorKind.PERSON)),
        ("putin", Actor("Vladimir Putin", ActorKind.PERSON)),
        ("macron", Actor("Emmanuel Macron", ActorKind.PERSON)),
        ("pm", Office("Prime Minister of Armenia", jurisdiction="armenia")),
        ("article", Source(published=When.day("2022-09-13", zone="Asia/Yerevan"))),
        (
            "pm-tenure",
            Tenure(
                "pashinyan",
                "pm",
                Span(
                    When.day("2021-08-02", zone="Asia/Yerevan"),
                    When.day("2022-09-14", zone="Asia/Yerevan"),
                ),
            ),
        ),
    ]
    for id, record in records:
        ledger.append(record, id=id, recorded_at=T)  # type: ignore[arg-type]
    return ledger
