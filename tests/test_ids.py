"""Stable ids from normalised natural keys."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from archive_docs import sample_document
from referatkit import ids

HEX12 = re.compile(r"^[0-9a-f]{12}$")


def test_normalise_key_folds_case_punctuation_and_space_but_keeps_danish_letters() -> None:
    assert ids.normalise_key("  Godkendt.  ") == "godkendt"
    assert ids.normalise_key("Sagen  oversendes\ttil KKR!") == "sagen oversendes til kkr"
    assert ids.normalise_key("SØER OG ÅER") == "søer og åer"
    assert ids.normalise_key("søer") != ids.normalise_key("soer")
    # NFD "å" (a + combining ring) is the same key as NFC "å"
    assert ids.normalise_key("a\u030a") == ids.normalise_key("å")
    assert ids.normalise_key(None) == ""


def test_item_numbers_are_normalised() -> None:
    assert ids.normalise_item_number("4b)") == "4B"
    assert ids.normalise_item_number("1.") == "1"
    assert ids.normalise_item_number("Pkt. 3") == "3"
    assert ids.normalise_item_number("Ad pkt. 3") == "3"
    assert ids.normalise_item_number("§1") == "1"
    assert ids.normalise_item_number(None) == ""


def test_document_id_depends_on_content_and_part_only() -> None:
    a = ids.document_id("ab" * 32, 0)
    assert HEX12.match(a)
    assert a == ids.document_id("AB" * 32, 0)
    assert a != ids.document_id("ab" * 32, 1)
    assert a != ids.document_id("cd" * 32, 0)


def test_decision_id_survives_layout_differences() -> None:
    base = ids.decision_id("Styregruppen", "2021-03-26", "4B", "Godkendt.")
    assert HEX12.match(base)
    assert base == ids.decision_id("STYREGRUPPEN ", "2021-03-26", "4b)", "  godkendt ")
    assert base != ids.decision_id("Styregruppen", "2021-03-27", "4B", "Godkendt.")
    assert base != ids.decision_id("Netværket", "2021-03-26", "4B", "Godkendt.")
    assert base != ids.decision_id("Styregruppen", "2021-03-26", "5", "Godkendt.")
    assert base != ids.decision_id("Styregruppen", "2021-03-26", "4B", "Ikke godkendt.")
    assert base != ids.decision_id("Styregruppen", "2021-03-26", "4B", "Godkendt.", occurrence=1)
    assert base != ids.decision_id("Styregruppen", "2021-03-26", "4B", "Godkendt.", kind="proposal")


def test_decision_id_of_an_undated_memo_uses_the_fallback() -> None:
    a = ids.decision_id(None, None, "1", "Godkendt.", fallback="Notat A")
    b = ids.decision_id(None, None, "1", "Godkendt.", fallback="Notat B")
    assert a != b


def test_same_minutes_in_two_formats_get_the_same_decision_ids() -> None:
    pdf = sample_document(path="/a/referat.pdf", sha256="1" * 64, fmt="pdf")
    docx = sample_document(path="/a/referat.docx", sha256="2" * 64, fmt="docx")
    ids.assign_decision_ids(pdf)
    ids.assign_decision_ids(docx)
    pdf_ids = [d.id for it in pdf.items for d in it.decisions]
    assert pdf_ids == [d.id for it in docx.items for d in it.decisions]
    assert all(HEX12.match(i) for i in pdf_ids)
    # two "Godkendt." under item 4B and everything else: all distinct within the document
    assert len(set(pdf_ids)) == len(pdf_ids)


def test_an_edited_file_keeps_the_ids_of_unchanged_decisions() -> None:
    before = sample_document(sha256="1" * 64)
    after = sample_document(sha256="2" * 64, budget_decision="Godkendt med bemærkninger.")
    ids.assign_decision_ids(before)
    ids.assign_decision_ids(after)
    b = {d.text: d.id for it in before.items for d in it.decisions}
    a = {d.text: d.id for it in after.items for d in it.decisions}
    assert a["Dagsordenen blev godkendt."] == b["Dagsordenen blev godkendt."]
    assert a["Sagen oversendes til KKR."] == b["Sagen oversendes til KKR."]
    assert "Udsat til næste møde." not in a


def test_two_items_with_one_number_still_give_distinct_ids() -> None:
    doc = sample_document()
    doc.items[1].number = "1"  # a segmenter slip: two items numbered 1
    doc.items[1].decisions[1].text = "Dagsordenen blev godkendt."
    ids.assign_decision_ids(doc)
    all_ids = [d.id for it in doc.items for d in it.decisions]
    assert len(set(all_ids)) == len(all_ids)


@given(st.text(max_size=60))
def test_normalise_key_is_idempotent(text: str) -> None:
    once = ids.normalise_key(text)
    assert ids.normalise_key(once) == once


@given(st.lists(st.text(alphabet="abcæøå ABCÆØÅ.,", min_size=1, max_size=12), min_size=1,
                max_size=5))
def test_decision_id_ignores_whitespace_and_case(words: list[str]) -> None:
    text = " ".join(words)
    assert ids.decision_id("F", "2020-01-01", "1", text) == ids.decision_id(
        "F", "2020-01-01", "1", "  " + "\n".join(words).upper() + " "
    )
