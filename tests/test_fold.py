"""A folded pattern on folded text matches where its case-insensitive twin matches the text."""

from __future__ import annotations

import re

import pytest

from referatkit import classify, vocab
from referatkit.fold import fold, folded

# Letters where str.lower and re.IGNORECASE part ways, Danish letters, and text around them.
TRICKY = [
    "BESLUTNING: Godkendt.", "Udvalget GODKENDTE indstillingen", "İstanbul er vedtaget",
    "ıkke GODKENDT", "ſagen udsættes", "Kelvin K-grader godkendt", "ΟΔΟΣ godkendt",
    "STRAßE blev vedtaget", "ÆNDRINGER OG ØKONOMI: Udvalget tog ÅRSRAPPORTEN til efterretning",
    "Jonas UNDERSØGER sagen senest FREDAG I UGE 16", "om CA. ½ ÅR", "Inden UDGANGEN af Marts 2024",
    "", "ß", "İİİ godkendt İ",
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_fold_keeps_the_length_of_the_text() -> None:
    for text in TRICKY:
        assert len(fold(text)) == len(text)


@pytest.mark.parametrize("name, pattern, flags", [
    ("decision cues", vocab.DECISION_CUES, 0),
    ("action verbs", rf"\b(?:{vocab.ACTION_VERBS})\b", 0),
    ("passive tasks", vocab.PASSIVE_TASKS, 0),
    *[(f"status {status}", p, re.MULTILINE) for status, p in vocab.STATUS_RULES],
    *[(f"due {kind}", p, 0) for kind, p in vocab.DUE_PATTERNS],
])
def test_a_folded_vocabulary_pattern_matches_where_its_twin_does(name: str, pattern: str, flags: int) -> None:
    twin = re.compile(pattern, flags | re.IGNORECASE)
    mine = folded(pattern, flags)
    words = [w for w in re.findall(r"[\wæøå]+", pattern) if len(w) > 3][:40]
    texts = TRICKY + [f"X {w.upper()} y" for w in words] + [f"Udvalget {w.title()}." for w in words]
    for text in texts:
        assert _spans(mine, fold(text)) == _spans(twin, text), (name, text)


def test_a_pattern_that_cannot_be_folded_is_refused() -> None:
    with pytest.raises(ValueError, match="upper case or inline flags"):
        folded(r"[A-ZÆØÅ]\w+ godkendt")
    with pytest.raises(ValueError, match="upper case or inline flags"):
        folded(r"kr\.(?-i:(?!\s+[a-z]))")
    with pytest.raises(ValueError, match="without re.IGNORECASE"):
        folded("godkendt", re.IGNORECASE)
    # escapes and group names may be upper case
    assert folded(r"(?P<Due>\d+)\s+\Bdage\b").search("om 3 dage") is None


def test_groups_are_read_from_the_text_not_the_folded_text() -> None:
    # "To uger" is not the number word "to": the wording keeps its capital, as before
    assert classify.due_of("Svar om To uger", "2024-03-01")[1] == "om To uger"
    assert classify.due_of("Senest FREDAG i uge 16", "2024-03-01") == ("2024-04-19", "Senest FREDAG i uge 16", False)
