"""The grammar ships inside the wheel and loads from an installed kpi."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lark import Lark

import kpi
from cases import INVALID_TIERS, SEED, VALID_TIERS
from kpi.io.tables import load_table
from kpi.text import grammar, parser
from kpi.text.normalise import normalise
from kpi.text.words import AFTER, BEFORE, WORDS, inclusivity_table

ROOT = Path(__file__).resolve().parents[1]


def test_grammar_in_the_checkout_is_the_one_in_use() -> None:
    assert grammar.grammar_text() == (ROOT / "grammar" / "kpi.lark").read_text(encoding="utf-8")


def test_the_grammar_lists_no_comparator_word_of_its_own() -> None:
    """Word lists come from kpi.text.words: the grammar file names them by placeholder."""
    text = (ROOT / "grammar" / "kpi.lark").read_text(encoding="utf-8")
    patterns = "\n".join(line.partition("//")[0] for line in text.splitlines())
    for word in ("不低于", "大于等于", "及以上", "以内", "控制在", "个工作日", "≧|"):
        assert word not in patterns, word


def test_every_comparator_word_is_written_before_or_after_a_value() -> None:
    assert set(BEFORE) | set(AFTER) == set(WORDS)


@pytest.fixture(scope="module")
def fresh() -> Lark:
    """The tier parser built from the grammar with strict checks (seconds: built once here)."""
    return grammar.build_lark(transformer=parser.TierBuilder())


def test_the_built_terminals_carry_every_word(fresh: Lark) -> None:
    terminals = {terminal.name: terminal.pattern.value for terminal in fresh.terminals}
    for word in BEFORE:
        assert word in terminals["PREFIX_WORD"], word
    for word in AFTER:
        assert word in terminals["SUFFIX_WORD"], word
    assert not any("@" in pattern for pattern in terminals.values())


@pytest.mark.parametrize("name", ["tiers", "trees"])
def test_saved_parsers_are_those_of_the_grammar(name: str) -> None:
    header = json.loads(grammar.tables_path(name).read_bytes().partition(b"\n")[0])
    assert header["grammar"] == grammar.grammar_digest(), (
        "the grammar or a word table changed: run `python -m kpi.text.parser` to save the parsers again"
    )


def _outcome_of(lark: object, text: str, start: str) -> object:
    try:
        return lark.parse(normalise(text).text, start=start)  # type: ignore[attr-defined]
    except Exception as error:  # the same failure, at the same place, from both parsers
        return type(error).__name__, getattr(error, "pos_in_stream", None), sorted(getattr(error, "expected", ()))


def test_saved_tables_parse_exactly_like_a_strict_build(fresh: Lark) -> None:
    """Every text of the test corpus and the seed reads the same through both parsers."""
    saved = parser.tier_parser()
    seed_texts = {text for row in load_table(SEED).indicators for text in (*row.tiers, row.indicator.text)}
    texts = sorted({text for text, _ in VALID_TIERS} | {text for text, _ in INVALID_TIERS} | seed_texts)
    outcomes = ["96.5%", "9.6万人", "十八小时", "-3", "1e5", "95%%", "", "人"]
    assert len(texts) > 300
    for start, corpus in (("start", texts), ("outcome", outcomes + texts[:50])):
        for text in corpus:
            assert _outcome_of(saved, text, start) == _outcome_of(fresh, text, start), text


def test_a_stale_saved_parser_is_built_afresh_with_a_warning(fresh: Lark, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []
    monkeypatch.setattr(grammar, "build_lark", lambda **options: built.append(options) or fresh)
    monkeypatch.setattr(grammar, "grammar_digest", lambda: "0" * 64)
    with pytest.warns(RuntimeWarning, match="tiers.lark-tables was saved from another version of the grammar"):
        stale = grammar.saved_lark("tiers", parser.TierBuilder)
    assert stale.parse("95%以上", start="start") == kpi.parse_rule("95%以上").condition
    assert len(built) == 1


def test_a_saved_parser_that_cannot_be_loaded_is_built_afresh_with_a_warning(
    fresh: Lark, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grammar, "build_lark", lambda **options: fresh)
    broken = tmp_path / "tiers.lark-tables"
    broken.write_bytes(grammar.tables_path("tiers").read_bytes().partition(b"\n")[0] + b"\nnot a pickle")
    monkeypatch.setattr(grammar, "tables_path", lambda name: tmp_path / f"{name}.lark-tables")
    with pytest.warns(RuntimeWarning, match="tiers.lark-tables cannot be loaded"):
        rebuilt = grammar.saved_lark("tiers", parser.TierBuilder)
    assert rebuilt.parse("≥95%", start="start") == kpi.parse_rule("≥95%").condition


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
    assert "kpi/text/tiers.lark-tables" in names and "kpi/text/trees.lark-tables" in names


def test_installed_wheel_loads_its_grammar_from_an_unrelated_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import sys, warnings; warnings.simplefilter('error'); sys.path.insert(0, sys.argv[1]); "
        "import kpi, kpi.text.grammar as g; "
        "assert kpi.__file__.startswith(sys.argv[1]), kpi.__file__; "
        "print(kpi.parse_rule('设备完好率<90%且≥80%'), g.grammar_text() == open(sys.argv[2], encoding='utf-8').read())"
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
    code = "import kpi, kpi.text.parser as p; print(p.tier_parser.cache_info().currsize); kpi.parse_rule('1%'); kpi.parse_rule('2%'); print(p.tier_parser.cache_info())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, info = result.stdout.splitlines()
    assert first == "0"
    assert "misses=1" in info and "currsize=1" in info
    assert kpi.parse_rule("1%")


def test_import_kpi_loads_no_parser_and_no_file_reader() -> None:
    code = "import sys, kpi; print(sorted(m for m in sys.modules if m.startswith(('kpi.', 'lark'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['kpi.errors']"


def test_the_documented_table_of_comparator_words_is_the_codes() -> None:
    document = (Path(__file__).parents[1] / "docs" / "comparator-words.md").read_text(encoding="utf-8")
    assert document.endswith(inclusivity_table()), "run: python -m kpi.text.words and update docs/comparator-words.md"
