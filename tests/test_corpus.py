"""Real tier sets from public documents (tests/corpus/sets), graded as a careful reader grades them.

Every set either reads and grades each labelled case as labelled, or kpi refuses
it with the message recorded in tests/corpus/refused.json (a clear refusal is
acceptable; a wrong band is not).  A case a careful reader cannot place must be
refused, or get no band, or a band that kpi itself marks as placed (gap, above-scale,
below-scale, uncovered, overlap, …), which ``grade(..., strict=True)`` refuses.  The few cases
where kpi's documented reading differs from the reader's are listed, with why,
in tests/corpus/disagreements.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import kpi
from kpi.grading.model import REFUSED_WHEN_STRICT

CORPUS = Path(__file__).parent / "corpus"
SETS = [
    (path.name, tier_set)
    for path in sorted((CORPUS / "sets").glob("*.json"))
    for tier_set in json.loads(path.read_text(encoding="utf-8"))["sets"]
]
SOURCES = {
    path.name: json.loads(path.read_text(encoding="utf-8"))["source"] for path in (CORPUS / "sets").glob("*.json")
}
REFUSED: dict[str, str] = json.loads((CORPUS / "refused.json").read_text(encoding="utf-8"))
DISAGREEMENTS = {
    (item["set"], json.dumps(item["outcome"], ensure_ascii=False)): item
    for item in json.loads((CORPUS / "disagreements.json").read_text(encoding="utf-8"))
}


def build(tier_set: dict[str, Any]) -> tuple[kpi.Criteria, list[str] | None]:
    """The criteria a careful user builds from the set, and the names of its bands as labelled."""
    labels = tier_set.get("labels")
    if tier_set.get("scale"):
        return kpi.Criteria.parse_scale(tier_set["scale"]), labels
    tiers = list(tier_set["tiers"])
    if tier_set.get("first_match") == "last":
        # The document lists the mildest grade first and says the higher one counts:
        # a user gives kpi the tiers best (here: highest) first.
        tiers.reverse()
        labels = None if labels is None else list(reversed(labels))
    aliases = tier_set.get("aliases")  # the results' headings for the tiers' metric names, as a user maps them
    criteria = kpi.Criteria.parse(tiers, labels=labels or None, indicator=tier_set.get("indicator"), aliases=aliases)
    return criteria, labels


def band_index(tier_set: dict[str, Any], labels: list[str] | None, criteria: kpi.Criteria, band: object) -> int:
    names = list(criteria.labels)  # the labels given, neighbouring tiers of one label joined
    if band in names:
        return names.index(band)  # type: ignore[arg-type]
    assert str(band).isdigit(), f"{tier_set['id']}: band {band!r} is neither a label nor a position"
    position = int(str(band)) - 1
    if tier_set.get("first_match") == "last":
        position = len(names) - 1 - position
    return position


def refusal(tier_set: dict[str, Any]) -> str | None:
    """kpi's message when it refuses the set, to build or to grade one of its cases; else None."""
    try:
        criteria, _ = build(tier_set)
        for case in tier_set["cases"]:
            if case["band"] is not None:
                criteria.grade(case["outcome"])
    except kpi.KpiError as error:
        return str(error).splitlines()[0]
    return None


def test_the_corpus_is_as_large_as_promised() -> None:
    documents = {name for name, _ in SETS}
    cases = sum(len(tier_set["cases"]) for _, tier_set in SETS)
    assert len(SETS) >= 150 and len(documents) >= 40 and cases >= 600
    assert all(source.get("url") or (source.get("repo") and source.get("path")) for source in SOURCES.values())


@pytest.mark.parametrize(("file", "tier_set"), SETS, ids=[tier_set["id"] for _, tier_set in SETS])
def test_real_tier_set(file: str, tier_set: dict[str, Any]) -> None:
    expected_refusal = REFUSED.get(tier_set["id"])
    if expected_refusal is not None or tier_set.get("expect") == "refuse":
        assert refusal(tier_set) == expected_refusal, "refused differently (update tests/corpus/refused.json)"
        assert expected_refusal is not None, f"{tier_set['id']}: a careful reader refuses this set; so must kpi"
        return
    criteria, labels = build(tier_set)
    for case in tier_set["cases"]:
        outcome = case["outcome"]
        known = DISAGREEMENTS.get((tier_set["id"], json.dumps(outcome, ensure_ascii=False)))
        if case["band"] is None and known is None:
            # Cannot be placed: a clear refusal, no band, or one kpi says it placed, and strict grading refuses.
            try:
                grade = criteria.grade(outcome)
            except kpi.KpiError:
                continue
            assert grade.band is None or REFUSED_WHEN_STRICT.intersection(grade.notes), (outcome, grade.explain())
            continue
        grade = criteria.grade(outcome)
        got = None if grade.band is None else grade.band.index
        if known is not None:
            assert got == known["kpi"], known["why"]
            continue
        assert got == band_index(tier_set, labels, criteria, case["band"]), (outcome, case["reason"], grade.explain())
