"""The grammar ships inside the wheel and loads from an installed kpi."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import kpi
from cases import INVALID_TIERS, SEED, VALID_TIERS
from kpi import _lalr_tables, _parser
from kpi._text import normalise
from kpi.tables import load_table
from kpi.words import WORDS

ROOT = Path(__file__).resolve().parents[1]


def test_grammar_in_the_checkout_is_the_one_in_use() -> None:
    assert _parser.grammar_text() == (ROOT / "grammar" / "kpi.lark").read_text(encoding="utf-8")


def test_every_comparator_word_of_the_grammar_has_a_meaning() -> None:
    grammar = (ROOT / "grammar" / "kpi.lark").read_text(encoding="utf-8")
    words: set[str] = set()
    for terminal in ("PREFIX_WORD", "SUFFIX_WORD"):
        pattern = re.search(rf"^{terminal}\.\d+: /(.*)/$", grammar, re.MULTILINE)
        assert pattern is not None
        body = re.sub(r"\(\?[=!][^)]*\)", "", pattern.group(1))
        words.update(word for word in re.split(r"[|()]", body) if word)
    assert words == set(WORDS)


def test_saved_parse_tables_are_those_of_the_grammar() -> None:
    assert _parser.grammar_digest(_parser.grammar_text()) == _lalr_tables.GRAMMAR_SHA256, (
        "grammar/kpi.lark changed: run `python -m kpi._parser` to save its parse tables again"
    )


def _outcome_of(parser: object, text: str, start: str) -> object:
    try:
        return parser.parse(normalise(text).text, start=start)  # type: ignore[attr-defined]
    except Exception as error:  # the same failure, at the same place, from both parsers
        return type(error).__name__, getattr(error, "pos_in_stream", None), sorted(getattr(error, "expected", ()))


def test_saved_tables_parse_exactly_like_a_strict_build() -> None:
    """Every text of the test corpus and the seed reads the same through both parsers."""
    fresh = _parser.build_lark(transformer=_parser._Builder(visit_tokens=False))
    saved = _parser._lark()
    seed_texts = {text for row in load_table(SEED).indicators for text in (*row.tiers, row.indicator.text)}
    texts = sorted({text for text, _ in VALID_TIERS} | {text for text, _ in INVALID_TIERS} | seed_texts)
    outcomes = ["96.5%", "9.6万人", "十八小时", "-3", "1e5", "95%%", "", "人"]
    assert len(texts) > 300
    for start, corpus in (("start", texts), ("outcome", outcomes + texts[:50])):
        for text in corpus:
            assert _outcome_of(saved, text, start) == _outcome_of(fresh, text, start), text


def test_parser_loads_the_saved_tables_and_builds_only_when_they_are_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []
    real_build = _parser.build_lark

    def counting_build(**options: object) -> object:
        built.append(options)
        return real_build(**options)  # type: ignore[arg-type]

    monkeypatch.setattr(_parser, "build_lark", counting_build)
    try:
        _parser._lark.cache_clear()
        assert _parser._lark().parse("95%以上", start="start") == kpi.parse_rule("95%以上").condition
        assert built == []
        _parser._lark.cache_clear()
        monkeypatch.setattr(_lalr_tables, "GRAMMAR_SHA256", "0" * 64)
        assert _parser._lark().parse("95%以上", start="start") == kpi.parse_rule("95%以上").condition
        assert len(built) == 1
    finally:
        _parser._lark.cache_clear()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    (built,) = out.glob("kpi-*.whl")
    return built


def test_wheel_carries_the_grammar_and_type_marker(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "kpi/grammar/kpi.lark" in names
    assert "kpi/py.typed" in names
    assert "kpi/_lalr_tables.py" in names


def test_installed_wheel_loads_its_grammar_from_an_unrelated_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import kpi, kpi._parser as p; "
        "assert kpi.__file__.startswith(sys.argv[1]), kpi.__file__; "
        "print(kpi.parse_rule('设备完好率<90%且≥80%'), p.grammar_text() == open(sys.argv[2], encoding='utf-8').read())"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", script, str(site), str(ROOT / "grammar" / "kpi.lark")],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "设备完好率≥80%且<90% True"
    assert not list(site.joinpath("kpi").rglob("*.cache")), "the parser must not write into the package"


def test_parser_is_built_once_and_lazily() -> None:
    code = "import kpi, kpi._parser as p; print(p._lark.cache_info().currsize); kpi.parse_rule('1%'); kpi.parse_rule('2%'); print(p._lark.cache_info())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, info = result.stdout.splitlines()
    assert first == "0"
    assert "misses=1" in info and "currsize=1" in info
    assert kpi.parse_rule("1%")


def test_every_unit_of_the_grammar_is_in_the_unit_table() -> None:
    from kpi.units import unit_names

    grammar = (ROOT / "grammar" / "kpi.lark").read_text(encoding="utf-8")
    pattern = re.search(r"^UNIT\.\d+: /(.*)/$", grammar, re.MULTILINE)
    assert pattern is not None
    assert set(pattern.group(1).split("|")) | {"%"} == set(unit_names())
