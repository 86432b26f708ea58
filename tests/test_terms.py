"""Themes: content words grouped over Danish inflections, without stopwords, the words of
minutes, roman numerals, body words of forum names; rising and falling by share."""

from __future__ import annotations

from referatkit import terms
from referatkit.terms import Unit


def keys(text: str, ignore: set[str] | None = None) -> list[str]:
    return [w for _k, w in terms.words(text, ignore or set())]


def test_content_words_only() -> None:
    assert keys("Punktet blev godkendt af styregruppen og sendt til KKR") == [
        "styregruppen", "KKR"]
    assert keys("Rammeaftale II og III for 2021-2022") == ["rammeaftale"]
    assert keys("Recovery-college i K17") == ["recovery-college", "K17"]


def test_inflections_are_one_term_shown_as_written_most() -> None:
    year = terms.count_terms([Unit("Rammeaftalen", ""), Unit("Rammeaftale 2021", ""),
                              Unit("Rammeaftaler", "rammeaftale")])
    (only,) = year.counts.values()
    assert (only.term, only.items, only.titles, only.weight) == ("rammeaftale", 3, 3, 6)


def test_body_words_of_forum_names_are_ignored_the_rest_is_a_theme() -> None:
    ignore = terms.body_words(["Netværksgruppen for Socialpsykiatri",
                               "Styregruppen for Rammeaftale Sjælland"])
    assert ignore == {"netværksgruppen", "styregruppen"}
    assert keys("Styregruppen drøftede rammeaftale", ignore) == ["rammeaftale"]


def test_themes_need_a_title_and_moves_compare_shares() -> None:
    before = terms.count_terms([Unit("Corona", ""), Unit("Corona og møder", ""),
                                Unit("Budget", "")])
    now = terms.count_terms([Unit("Budget", ""), Unit("Recovery", "corona nævnt"),
                             Unit("Recovery-college", "")])
    # equal weight: the terms the year before did not have come first
    assert [t.term for t in terms.themes(now, [before])] == ["recovery", "recovery-college",
                                                             "budget"]
    assert "corona" not in [t.term for t in terms.themes(now)]  # only in a text
    rising, falling = terms.moves(now, before)
    assert [m.term for m in falling] == ["corona"] and falling[0].change == -33.3
    assert "recovery" not in [m.term for m in rising]  # one item in two years: too few
    assert terms.moves(now, None) == ([], [])
