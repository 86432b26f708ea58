"""The matching rules of referatkit.matters, on plain data: forum names, standing items, title
cores, explicit references, linking one forum's meetings, open decisions, people's marks."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

from referatkit import matters as M

FORUM = "Styregruppen for Rammeaftale Sjælland"


# --- forums -----------------------------------------------------------------------------------


@pytest.mark.parametrize("other", [
    "Styregruppen for Rammeaftalesamarbejdet i Region Sjælland",
    "Styregruppen for Rammeaftaler Sjælland",
    "STYREGRUPPEN FOR RAMMEAFTALE SJÆLLAND",
    "Styregruppen for Rammeaftale, Sjælland",
    "Styregruppen for Rammeaftale Sjælland (møde)",
])
def test_forum_names_that_are_one_forum_without_asking(other: str) -> None:
    score, same = M.forum_score(M.parse_forum_name(FORUM), M.parse_forum_name(other))
    assert same and score == 100


@pytest.mark.parametrize(("other", "suggested"), [
    ("styregruppemøde", True),  # names only the kind of body: ask
    ("Styregruppen for Rammeaftalen", True),  # all of the shorter name is in the longer
    ("Styregruppen for Rammeaftale Hovedstaden", False),  # another region
    ("Netværket for Rammeaftale Sjælland", False),  # another kind of body
    ("Socialudvalget", False),
])
def test_forum_names_that_may_be_one_forum(other: str, suggested: bool) -> None:
    score, same = M.forum_score(M.parse_forum_name(FORUM), M.parse_forum_name(other))
    assert not same
    assert (score >= M.RULES.forum_maybe) is suggested


def test_forum_name_parts() -> None:
    assert M.parse_forum_name("Social- og sundhedsudvalget") == M.ForumName(
        "social og sundhedsudvalget", "udvalg", ("social", "sundhed"))
    assert M.parse_forum_name("styregruppemøde").body == "styregruppe"
    assert M.parse_forum_name("styregruppemøde").core == ()


def test_forum_label_from_the_title_when_no_forum_is_written() -> None:
    assert M.forum_label("Netværket", "Referat af styregruppemøde") == "Netværket"
    assert M.forum_label(None, "Referat af styregruppemøde") == "styregruppemøde"
    assert M.forum_label(None, "Dagsorden for mødet i Styregruppen for X den 4. marts 2022") == \
        "Styregruppen for X"
    assert M.forum_label(None, "Referat") is None
    assert M.forum_label(None, "Referat af møde om kvalitetsmodellen") is None  # no body named
    assert M.forum_label(None, "Notat om psykiatri") is None


def test_cluster_forums_auto_user_and_separate() -> None:
    names = {FORUM: 5, "Styregruppen for Rammeaftaler Sjælland": 1, "styregruppemøde": 1,
             "Netværket for Rammeaftale Sjælland": 2, None: 3}
    cl = M.cluster_forums(names)
    by_name = {f.name: f for f in cl.forums}
    assert set(by_name) == {FORUM, "styregruppemøde", "Netværket for Rammeaftale Sjælland",
                            M.NO_FORUM}
    assert by_name[FORUM].names == [FORUM, "Styregruppen for Rammeaftaler Sjælland"]
    assert by_name[FORUM].how == "auto" and by_name[FORUM].documents == 6
    assert cl.forum_of(None) == by_name[M.NO_FORUM].id
    assert [(s.forum_id, s.other_id) for s in cl.suggestions] == [
        tuple(sorted((by_name[FORUM].id, by_name["styregruppemøde"].id)))]
    # the user confirms the suggestion, and keeps one written name apart
    cl = M.cluster_forums(names, [
        M.ForumChoice("styregruppemøde", "styregruppemøde", "same", FORUM),
        M.ForumChoice("styregruppen for rammeaftaler sjælland",
                      "Styregruppen for Rammeaftaler Sjælland", "separate"),
    ])
    by_name = {f.name: f for f in cl.forums}
    assert by_name[FORUM].names == [FORUM, "styregruppemøde"] and by_name[FORUM].how == "user"
    assert "Styregruppen for Rammeaftaler Sjælland" in by_name
    assert cl.suggestions == []


def test_a_merge_target_without_documents_keeps_its_name() -> None:
    cl = M.cluster_forums(Counter({"styregruppemøde": 2}),
                          [M.ForumChoice("styregruppemøde", "styregruppemøde", "same", FORUM)])
    assert [(f.name, f.documents) for f in cl.forums] == [(FORUM, 2)]


# --- titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "kind"), [
    ("Godkendelse af dagsorden", "dagsorden"),
    ("Velkommen og godkendelse af dagsorden", "dagsorden"),
    ("Godkendelse af dagsorden og referat", "dagsorden"),
    ("Godkendelse af referat fra sidste møde", "referat"),
    ("Eventuelt", "eventuelt"),
    ("Evt.", "eventuelt"),
    ("Meddelelser", "meddelelser"),
    ("Orientering fra formanden", "meddelelser"),
    ("Næste møde", "næste møde"),
    ("Mødeplan 2022", "næste møde"),
    ("Orientering om ny lov om socialtilsyn", None),
    ("Rammeaftale 2021-2022", None),
    ("Godkendelse af budget 2022", None),
])
def test_standing_items(title: str, kind: str | None) -> None:
    assert M.standing_kind(title) == kind


def test_title_cores_and_scores() -> None:
    assert M.title_core("Rammeaftale 2021-2022 II") == "rammeaftale 2021 2022"
    assert M.title_core("Rammeaftale 2021-22 (fortsat)") == "rammeaftale 2021 2022"
    assert M.title_core("Godkendelse af Rammeaftale 2021-2022 III") == "rammeaftale 2021 2022"
    assert M.title_core("Status på F-ACT") == "f act"
    core = M.title_core
    assert M.title_score(core("Rammeaftale 2021-2022 II"), core("Rammeaftale 2021-2022 III")) == 100
    # another period is another matter, however alike the words
    assert M.title_score(core("Rammeaftale 2021-2022"), core("Rammeaftale 2023-2024")) == 0
    # a number on one side only counts: not the same title without more evidence
    assert M.title_score(core("Budget"), core("Budget 2022")) < M.RULES.title_same
    assert M.contained(core("Rekruttering"), core("Rekruttering og fastholdelse af medarbejdere"))
    assert M.contained(core("Takstaftale 2021"), core("Takstaftale"))
    assert not M.contained(core("Budget 2021"), core("Budget 2022 for botilbud"))
    assert not M.contained(core("IT"), core("IT og digitalisering"))  # too short to tell


def test_explicit_references_to_earlier_meetings() -> None:
    refs = M.references
    assert refs("Punktet blev genoptaget fra mødet den 10. marts.", "2020-06-12") == \
        (["2020-03-10"], False)
    # a date without a year is the latest one before the meeting
    assert refs("Punktet blev aftalt på mødet den 2. oktober.", "2021-01-22") == \
        (["2020-10-02"], False)
    assert refs("Drøftet på styregruppemødet d. 15.05.2020", "2020-09-01") == (["2020-05-15"], False)
    assert refs("Tages op på næste møde den 5. juni.", "2020-03-10") == ([], False)
    assert refs("Punktet blev udsat på sidste møde.", "2020-03-10") == ([], True)
    assert refs("Næste møde den 3. marts 2020", "2020-03-10") == ([], False)


# --- linking one forum ------------------------------------------------------------------------


class Series:
    """Hand-built meetings of one forum: (date, doc_type, [(number, title, text, case,
    [(status, text)])])."""

    def __init__(self) -> None:
        self.docs: dict[str, M.DocIn] = {}
        self.items: dict[str, list[M.ItemIn]] = {}
        self.decisions: dict[str, list[M.DecisionIn]] = {}

    def meeting(self, date: str, *items: tuple, doc_type: str = "referat",
                forum: str = FORUM) -> Series:
        doc_id = f"{date}-{doc_type}"
        self.docs[doc_id] = M.DocIn(doc_id, forum, date, doc_type, f"/a/{doc_id}.txt")
        for ordinal, (number, title, text, case, decisions) in enumerate(items):
            item_id = f"{doc_id}#{number}"
            self.items.setdefault(doc_id, []).append(
                M.ItemIn(item_id, doc_id, ordinal, number, title, case, text))
            for d_ord, (status, dtext) in enumerate(decisions):
                kind = "proposal" if doc_type == "dagsorden" else "decision"
                self.decisions.setdefault(item_id, []).append(M.DecisionIn(
                    f"{item_id}/{d_ord}", item_id, doc_id, d_ord, kind, status, dtext))
        return self

    def link(self, rules: M.MatchRules = M.RULES) -> M.ForumLinks:
        forum_of = {d: "F" for d in self.docs}
        meetings = M.group_meetings(self.docs.values(), forum_of)
        return M.link_forum("F", meetings, self.docs, self.items, self.decisions, rules)


def _timelines(links: M.ForumLinks) -> dict[str, list[tuple[str | None, str]]]:
    return {m.title: [(o.meeting_date, o.title) for o in m.occurrences] for m in links.matters}


def _open(links: M.ForumLinks) -> set[str]:
    return {d for d, s in links.decisions.items() if s.open}


def item(number: str, title: str, *decisions: tuple[str, str], text: str = "",
         case: str | None = None) -> tuple:
    return (number, title, text, case, list(decisions))


def test_postponed_item_renamed_then_settled() -> None:
    links = Series().meeting(
        "2020-03-10",
        item("1", "Godkendelse af dagsorden", ("approved", "Godkendt.")),
        item("2", "Rammeaftale 2021-2022", ("postponed", "Udsat.")),
        item("3", "Rekruttering", ("action", "Sekretariatet undersøger sagen.")),
    ).meeting(
        "2020-06-12",
        item("1", "Godkendelse af dagsorden", ("approved", "Godkendt.")),
        item("2", "Rammeaftale 2021-2022 II", ("approved", "Godkendt.")),
        item("3", "Rekruttering og fastholdelse af medarbejdere", ("noted", "Taget til efterretning.")),
    ).link()
    assert _timelines(links)["Rammeaftale 2021-2022 II"] == [
        ("2020-03-10", "Rammeaftale 2021-2022"), ("2020-06-12", "Rammeaftale 2021-2022 II")]
    assert "Rekruttering og fastholdelse af medarbejdere" in _timelines(links)
    assert _open(links) == set()
    state = links.decisions["2020-03-10-referat#2/0"]
    assert (state.closed_by, state.settled_by, state.settled_on) == (
        "matter", "2020-06-12-referat#2/0", "2020-06-12")
    standing = next(m for m in links.matters if m.standing == "dagsorden")
    assert [o.how for o in standing.occurrences] == ["first", "standing"]


def test_a_shorter_title_is_taken_up_only_while_the_matter_is_pending() -> None:
    links = Series().meeting(
        "2020-03-10", item("3", "Rekruttering", ("approved", "Godkendt.")),
    ).meeting(
        "2020-06-12", item("3", "Rekruttering og fastholdelse af medarbejdere",
                           ("noted", "Taget til efterretning.")),
    ).link()
    assert len(links.matters) == 2  # settled before: a new matter, not the old one again


def test_standing_items_settle_nothing_and_their_actions_stay_open() -> None:
    links = Series().meeting(
        "2020-03-10", item("5", "Eventuelt", ("action", "Jette undersøger mødelokaler.")),
    ).meeting(
        "2020-06-12", item("5", "Eventuelt", ("approved", "Godkendt.")),
    ).link()
    assert _open(links) == {"2020-03-10-referat#5/0"}
    assert len(links.matters) == 1 and links.matters[0].standing == "eventuelt"


def test_later_postponement_keeps_both_open_until_settled() -> None:
    s = Series().meeting("2020-03-10", item("2", "Takstaftale", ("postponed", "Udsat.")))
    s.meeting("2020-06-12", item("3", "Takstaftale 2021", ("postponed", "Udsat igen.")))
    assert _open(s.link()) == {"2020-03-10-referat#2/0", "2020-06-12-referat#3/0"}
    s.meeting("2020-09-01", item("2", "Takstaftale 2021", ("approved", "Godkendt.")))
    links = s.link()
    assert _open(links) == set()
    assert {links.decisions[d].settled_on for d in ("2020-03-10-referat#2/0",
                                                     "2020-06-12-referat#3/0")} == {"2020-09-01"}


def test_a_settling_decision_in_the_same_meeting_does_not_close_an_action() -> None:
    links = Series().meeting(
        "2020-03-10", item("2", "Budget 2021", ("approved", "Godkendt."),
                           ("action", "Økonomi følger op."))).link()
    assert _open(links) == {"2020-03-10-referat#2/1"}


def test_case_numbers_link_and_tell_apart() -> None:
    links = Series().meeting(
        "2021-05-07", item("3", "Rekruttering", ("action", "Jette følger op."), case="20/1234"),
        item("4", "Klage over afgørelse", ("postponed", "Udsat."), case="21/0001"),
    ).meeting(
        "2021-11-19", item("2", "Fastholdelse af personale", ("noted", "Taget til efterretning."),
                           case="20/ 1234"),
        item("3", "Klage over afgørelse", ("approved", "Godkendt."), case="21/0002"),
    ).link()
    assert _timelines(links)["Fastholdelse af personale"] == [
        ("2021-05-07", "Rekruttering"), ("2021-11-19", "Fastholdelse af personale")]
    # same title, another case: another matter, and the postponement stays open
    assert _open(links) == {"2021-05-07-referat#4/0"}


def test_an_explicit_reference_links_a_renamed_item() -> None:
    links = Series().meeting(
        "2020-03-10", item("4", "Høring om specialundervisning", ("referred", "Oversendes til KKR.")),
        item("5", "Kvalitetsmodel", ("approved", "Godkendt.")),
    ).meeting(
        "2021-01-22", item("3", "Svar fra KKR",
                           ("noted", "Taget til efterretning."),
                           text="Sagen blev oversendt til KKR på mødet den 10. marts 2020."),
    ).link()
    timeline = _timelines(links)["Svar fra KKR"]
    assert timeline == [("2020-03-10", "Høring om specialundervisning"),
                        ("2021-01-22", "Svar fra KKR")]
    assert _open(links) == set()
    matter = next(m for m in links.matters if m.title == "Svar fra KKR")
    assert matter.occurrences[1].how.split("+")[0] == "reference"


def test_agenda_and_minutes_of_one_meeting_are_one_occurrence() -> None:
    s = Series().meeting(
        "2020-10-02", item("2", "Rekruttering og fastholdelse", ("noted", "Det indstilles …")),
        doc_type="dagsorden",
    ).meeting(
        "2020-10-02", item("2", "Rekruttering og fastholdelse af medarbejdere",
                           ("noted", "Taget til efterretning.")),
    )
    links = s.link()
    assert len(links.meetings) == 1 and len(links.occurrences) == 1
    occ = links.occurrences[0]
    assert occ.title == "Rekruttering og fastholdelse af medarbejdere"  # the minutes' title
    assert set(occ.document_ids) == {"2020-10-02-dagsorden", "2020-10-02-referat"}
    assert [d.id for d in occ.decisions] == ["2020-10-02-referat#2/0"]  # proposals are not


def test_undated_documents_are_not_placed_in_the_timeline() -> None:
    s = Series().meeting("2020-03-10", item("2", "Budget", ("postponed", "Udsat.")))
    s.docs["memo"] = M.DocIn("memo", FORUM, None, "notat", "/a/memo.txt")
    s.items["memo"] = [M.ItemIn("memo#1", "memo", 0, "1", "Budget", None, "")]
    s.decisions["memo#1"] = [M.DecisionIn("memo#1/0", "memo#1", "memo", 0, "decision",
                                          "approved", "Godkendt.")]
    assert _open(s.link()) == {"2020-03-10-referat#2/0"}


# --- marks ------------------------------------------------------------------------------------


def _info(did: str, text: str, date: str = "2021-01-22", number: str = "4") -> M.DecisionInfo:
    return M.DecisionInfo(did, "F", date, number, "Kvalitetsmodel for socialområdet", "decision",
                          text)


def test_a_mark_follows_its_decision_when_an_edit_changes_the_id() -> None:
    mark = M.Mark("old", "closed", "klaret", "2022-01-01", forum=FORUM, meeting_date="2021-01-22",
                  item_number="4", item_title="Kvalitetsmodel for socialområdet",
                  text="Sagen oversendes til K17.")
    decisions = [_info("new", "Sagen oversendes til K17 til videre behandling."),
                 _info("other", "Godkendt.", number="5")]
    attached = M.attach_marks([mark], decisions, {M.normalise_key(FORUM): "F"})
    assert attached == {"new": mark}
    # another meeting date, or a very different text: the mark does not follow
    assert M.attach_marks([mark], [_info("x", "Sagen oversendes til K17.", date="2021-02-01")],
                          {M.normalise_key(FORUM): "F"}) == {}
    assert M.attach_marks([mark], [_info("x", "Godkendt uden bemærkninger.")],
                          {M.normalise_key(FORUM): "F"}) == {}


def test_close_wins_and_reopen_holds_until_a_newer_settlement() -> None:
    def state(*settlements: tuple[str, str]) -> M.DecisionState:
        first = settlements[0] if settlements else (None, None)
        return M.DecisionState("d", "F", "m", "o", "mt", "2020-03-10", "postponed",
                               open=not settlements, settled_by=first[0], settled_on=first[1],
                               closed_by="matter" if settlements else None,
                               settlements=list(settlements))

    states = {"d": state()}
    M.apply_marks(states, {"d": M.Mark("d", "closed", "done")})
    assert (states["d"].open, states["d"].closed_by, states["d"].note) == (False, "manual", "done")
    states = {"d": state(("s1", "2020-06-12"))}
    M.apply_marks(states, {"d": M.Mark("d", "open", overrides="s1")})
    assert states["d"].open and states["d"].reopened and states["d"].closed_by is None
    # a later meeting settled the matter again: closed by that one
    states = {"d": state(("s1", "2020-06-12"), ("s2", "2021-02-01"))}
    M.apply_marks(states, {"d": M.Mark("d", "open", overrides="s1")})
    assert (states["d"].open, states["d"].closed_by, states["d"].settled_on) == (
        False, "matter", "2021-02-01")
    # reopened when nothing had settled it (a close by hand undone); then a meeting settles it
    states = {"d": state(("s1", "2020-06-12"))}
    M.apply_marks(states, {"d": M.Mark("d", "open", overrides=None)})
    assert not states["d"].open and states["d"].settled_by == "s1"
    states = {"d": state()}
    M.apply_marks(states, {"d": M.Mark("d", "note", "rykket")})
    assert states["d"].open and states["d"].note == "rykket"


def test_forum_names_from_imperfect_extraction() -> None:
    same = M.forum_score
    p = M.parse_forum_name
    assert same(p("Arbejdsgruppen for Klimatilpasning"), p("ArbejdsgruppenforKlimatilpasning"))[1]
    assert same(p("af bestyrelsesmøde"), p("bestyrelsesmøde"))[1]
    # body-only names are asked about only against forums of the same kind of body
    assert same(p("bestyrelsesmøde"), p("Logbog"))[0] == 0
    assert M.display_name("fra møde i Handicaprådet") == "Handicaprådet"
    assert M.display_name("af ordinært møde i Ældrerådet") == "Ældrerådet"
    assert M.display_name("Møde: Styregruppen for Digital Velfærd") == \
        "Styregruppen for Digital Velfærd"
    assert M.display_name("Møde med vejleder") == "Møde med vejleder"


@pytest.mark.parametrize(("title", "kind"), [
    ("Valg af dirigent", "procedure"),
    ("Valg av ordstyrer", "procedure"),
    ("Godkjenning av innkalling og dagsorden", "dagsorden"),
    ("Övriga frågor", "eventuelt"),
    ("Valg af bestyrelse", None),
])
def test_standing_items_of_annual_and_nordic_meetings(title: str, kind: str | None) -> None:
    assert M.standing_kind(title) == kind


def test_an_agenda_without_a_forum_joins_its_minutes_in_the_same_folder() -> None:
    docs = [M.DocIn("r", FORUM, "2020-10-02", "referat", "/a/2020/referat.pdf"),
            M.DocIn("d", None, "2020-10-02", "dagsorden", "/a/2020/dagsorden.pdf"),
            M.DocIn("x", None, "2020-10-02", "dagsorden", "/a/other/dagsorden.pdf")]
    filled = {d.id: d.forum for d in M.fill_forums(docs)}
    assert filled == {"r": FORUM, "d": FORUM, "x": None}


def test_minutes_without_a_forum_take_their_folders_one_forum() -> None:
    # Caught on the real corpus: an association's folder of annual meetings, only the newest
    # naming the association ("Generalforsamling: 9. februar 2010 på …" names no one); the
    # older ones joined every other unnamed document of the archive in one "(no forum)".
    docs = [M.DocIn("new", "Grundejerforeningen Pomosa", "2024-02-20", "referat", "/gf/2024.pdf"),
            M.DocIn("old", None, "2010-02-09", "referat", "/gf/2010.pdf"),
            M.DocIn("undated", None, None, "referat", "/gf/notes.pdf"),
            M.DocIn("a", "Udvalg A", "2020-01-01", "referat", "/mixed/a.pdf"),
            M.DocIn("b", "Udvalg B", "2020-02-01", "referat", "/mixed/b.pdf"),
            M.DocIn("c", None, "2020-03-01", "referat", "/mixed/c.pdf"),
            M.DocIn("lone", None, "2020-03-01", "referat", "/elsewhere/c.pdf")]
    filled = {d.id: d.forum for d in M.fill_forums(docs)}
    assert filled == {"new": "Grundejerforeningen Pomosa", "old": "Grundejerforeningen Pomosa",
                      "undated": "Grundejerforeningen Pomosa", "a": "Udvalg A", "b": "Udvalg B",
                      "c": None, "lone": None}


def test_documents_without_a_forum_are_linked_folder_by_folder() -> None:
    # Caught on the real corpus: every unnamed document of the archive was one pseudo-forum,
    # so an association's postponed item could be settled by a student group's meeting.
    docs: dict[str, M.DocIn] = {}
    items: dict[str, list[M.ItemIn]] = {}
    decisions: dict[str, list[M.DecisionIn]] = {}

    def minutes(folder: str, date: str, *rows: tuple[str, str, str]) -> None:
        doc = f"{folder}-{date}"
        docs[doc] = M.DocIn(doc, None, date, "referat", f"/{folder}/{date}.txt")
        for k, (number, title, status) in enumerate(rows):
            it = f"{doc}#{number}"
            items.setdefault(doc, []).append(M.ItemIn(it, doc, k, number, title))
            decisions[it] = [M.DecisionIn(f"{it}/0", it, doc, 0, "decision", status, status)]

    minutes("assoc", "2020-03-10", ("1", "Valg af dirigent", "approved"),
            ("2", "Ny hjemmeside", "postponed"))
    minutes("group", "2020-03-10", ("1", "Valg af dirigent", "approved"),
            ("2", "Ny hjemmeside", "postponed"))
    minutes("group", "2020-09-01", ("2", "Ny hjemmeside", "approved"))
    meetings = M.group_meetings(docs.values(), {d: "NF" for d in docs}, apart={"NF"})
    assert len(meetings) == 3  # one date, two folders: two meetings
    links = M.link_apart("NF", meetings, docs, items, decisions)
    homepage = sorted(len(m.occurrences) for m in links.matters if m.title == "Ny hjemmeside")
    assert homepage == [1, 2]  # the group's matter runs on, the association's stays apart
    assert _open(links) == {"assoc-2020-03-10#2/0"}  # settled in the group only
    standing = [m for m in links.matters if m.standing]
    assert len(standing) == 2 and len({m.id for m in standing}) == 2
    # one pseudo-forum for all of them, as before, would settle the association's item too
    together = M.link_forum("NF", M.group_meetings(docs.values(), {d: "NF" for d in docs}),
                            docs, items, decisions)
    assert _open(together) == set()


# --- taking the last link over (PriorLinks) ---------------------------------------------------

_WORDS = ("rammeaftale", "budget", "rekruttering", "handleplan", "botilbud", "psykiatri",
          "evaluering", "udbud", "kontrakt", "strategi")
# More words, so that some titles never meet and a dirty matter touches only some of the later
# meetings (where taking the last link over has most to decide).
_MORE_WORDS = (*_WORDS, "ventelister", "demens", "genoptræning", "takstmodel", "forsorgshjem",
               "akutfunktion", "velfærdsteknologi", "sygeplejersker", "misbrug", "årshjul")
_STATUSES = ("approved", "noted", "postponed", "action", "referred", "none")


def _random_forum(rng: random.Random, meetings: int, words: tuple[str, ...] = _WORDS) -> Series:
    """A forum whose matters run, are renamed, refer to earlier meetings, carry case numbers
    and stay open — the evidence link_forum weighs — from a few words, so that they meet."""
    s = Series()
    day = date(2019, 1, 7)
    for _ in range(meetings):
        day += timedelta(days=rng.randint(20, 90))
        rows = [item("1", "Godkendelse af dagsorden", ("approved", "Godkendt."))]
        for n in range(2, rng.randint(3, 7)):
            title = " ".join(rng.sample(words, rng.randint(1, 3))).capitalize()
            text = " ".join(rng.choices(words, k=rng.randint(3, 12)))
            if rng.random() < 0.15:
                text += f" Drøftet på mødet den {rng.randint(1, 28)}. marts."
            if rng.random() < 0.1:
                text += " Opfølgning fra sidste møde."
            case = f"2019-{rng.randint(1, 6):02d}" if rng.random() < 0.15 else None
            status = rng.choice(_STATUSES)
            rows.append(item(str(n), title, (status, f"{status} {text[:20]}"), text=text,
                             case=case))
        rows.append(item(str(len(rows) + 1), "Eventuelt", ("none", "Intet.")))
        s.meeting(day.isoformat(), *rows)
    return s


def _rows(links: M.ForumLinks) -> list[tuple[Any, ...]]:
    return sorted((o.id, o.matter_id, o.how, o.score, o.via) for o in links.occurrences) + sorted(
        (d.id, d.open, d.closed_by, d.settled_by, d.matter_id) for d in links.decisions.values())


def _linked(s: Series, docs: set[str], prior: M.PriorLinks | None = None) -> M.ForumLinks:
    kept = {d: s.docs[d] for d in docs}
    meetings = M.group_meetings(kept.values(), {d: "F" for d in kept})
    return M.link_forum("F", meetings, kept, s.items, s.decisions, prior=prior)


def _twin(s: Series, doc: str, suffix: str, rng: random.Random, *, retitle: bool,
          only: int | None = None) -> str:
    """Another document of the same meeting as ``doc``: its first item retitled, or (a
    correction) the same items with other words in their texts and decisions (``only``: in
    the item of that ordinal alone, the others as they were)."""
    twin = f"{doc}-{suffix}"
    s.docs[twin] = dataclasses.replace(s.docs[doc], id=twin)

    def corrected(it: M.ItemIn) -> bool:
        return not retitle and only in (None, it.ordinal)

    s.items[twin] = [dataclasses.replace(
        it, id=f"{it.id}-{suffix}", document_id=twin,
        title=it.title + " II" if retitle and it.ordinal == 1 else it.title,
        text=" ".join(rng.choices(_MORE_WORDS, k=rng.randint(3, 12))) if corrected(it)
        else it.text)
        for it in s.items[doc]]
    for it, new in zip(s.items[doc], s.items[twin], strict=True):
        s.decisions[new.id] = [dataclasses.replace(
            d, id=f"{d.id}-{suffix}", item_id=new.id, document_id=twin,
            text=f"{d.text} {rng.choice(_MORE_WORDS)}" if corrected(it) else d.text)
            for d in s.decisions.get(it.id, [])]
    return twin


@pytest.mark.parametrize("words", [_WORDS, _MORE_WORDS], ids=["few-words", "more-words"])
@pytest.mark.parametrize("seed", range(12))
def test_taking_the_last_link_over_links_as_linking_afresh(seed: int,
                                                           words: tuple[str, ...]) -> None:
    # A meeting added (also before others), removed or edited (its document replaced by
    # another of the same date: an item retitled, or the texts corrected), and several at
    # once: the links that take over the last link's decisions are those of linking
    # everything again.
    rng = random.Random(seed)
    s = _random_forum(rng, 14, words)
    every = set(s.docs)
    ordered = sorted(every)
    for round_ in range(4):
        gone = set(rng.sample(ordered, rng.randint(1, 3)))
        edited, corrected = rng.choice(ordered), rng.sample(ordered, 2)
        twin = _twin(s, edited, f"v{round_}", rng, retitle=True)
        fixes = {_twin(s, d, f"c{round_}", rng, retitle=False) for d in corrected}
        # one item's text corrected, the rest of the meeting as it was
        one = rng.choice(ordered)
        fixed = _twin(s, one, f"o{round_}", rng, retitle=False,
                      only=rng.randrange(len(s.items[one])))
        for before, after in ((every - gone, every), (every, every - gone),
                              (every, every - {edited} | {twin}),
                              (every, every - set(corrected) | fixes),
                              (every - gone, every - set(corrected) | fixes),
                              (every, every - {one} | {fixed}),
                              (every - gone, every - {one} | {fixed})):
            prior = M.PriorLinks.of(_linked(s, before))
            assert _rows(_linked(s, after, prior)) == _rows(_linked(s, after))


def test_a_new_meeting_after_the_others_takes_every_earlier_link_over() -> None:
    s = _random_forum(random.Random(99), 12)
    last = max(s.docs)
    before = _linked(s, set(s.docs) - {last})
    again = _linked(s, set(s.docs), M.PriorLinks.of(before))
    assert again.reused == 11  # all but the new one
    assert _rows(again) == _rows(_linked(s, set(s.docs)))
    # an edit in the middle: the meetings before it are taken over
    middle = sorted(s.docs)[6]
    edited = M.PriorLinks.of(_linked(s, set(s.docs) - {middle}))
    assert _linked(s, set(s.docs), edited).reused >= 6


def test_correcting_one_item_matches_again_only_what_that_item_touches() -> None:
    # An edited meeting is matched again; its other items, as they were, leave their matters
    # as they were, so the later meetings that only those matters could reach are taken over
    # (without the content keys, as an archive linked before them has, every matter of the
    # edited meeting made them match again).
    rng = random.Random(5)
    s = _random_forum(rng, 16, _MORE_WORDS)
    every = set(s.docs)
    third = sorted(every)[3]
    fixed = _twin(s, third, "fix", rng, retitle=False, only=2)
    after = every - {third} | {fixed}
    prior = M.PriorLinks.of(_linked(s, every))
    unkeyed = dataclasses.replace(prior, occurrences={
        k: o._replace(content=None) for k, o in prior.occurrences.items()})
    again, blind = _linked(s, after, prior), _linked(s, after, unkeyed)
    assert _rows(again) == _rows(blind) == _rows(_linked(s, after))
    assert again.reused > blind.reused
    assert (again.reused, blind.reused) == (10, 8)


def test_a_reference_to_the_last_meeting_follows_the_meeting_that_is_last_now() -> None:
    # "sidste møde" in C named B (nothing there to take up) at the last link; with B gone it
    # names A, whose postponed item C takes up: C is matched again, not given its old place
    # (a matter of its own), though no matter it could be compared with has changed.
    s = Series().meeting(
        "2021-01-10", item("2", "Strategi for udbud", ("postponed", "Udsat.")),
    ).meeting(
        "2021-02-10", item("1", "Godkendelse af dagsorden", ("approved", "Godkendt.")),
    ).meeting(
        "2021-03-10", item("2", "Opfølgning", ("noted", "Taget til efterretning."),
                           text="Status fra sidste møde."),
    )
    every, without_b = set(s.docs), set(s.docs) - {"2021-02-10-referat"}
    fresh = _linked(s, without_b)
    assert _timelines(fresh)["Opfølgning"] == [("2021-01-10", "Strategi for udbud"),
                                              ("2021-03-10", "Opfølgning")]
    assert _timelines(_linked(s, every))["Opfølgning"] == [("2021-03-10", "Opfølgning")]
    again = _linked(s, without_b, M.PriorLinks.of(_linked(s, every)))
    assert _rows(again) == _rows(fresh)


def test_a_correction_matches_again_only_what_it_can_change() -> None:
    # A matter linked by title at every meeting; one meeting's texts corrected (titles,
    # case numbers and decisions as they were): no later meeting compares its content with
    # the matter's, so every other meeting is taken over, and the links are those of linking
    # everything again.
    s = Series()
    for month in range(1, 9):
        s.meeting(f"2021-{month:02d}-10",
                  item("1", "Godkendelse af dagsorden", ("approved", "Godkendt.")),
                  item("2", "Rammeaftale 2021-2022", ("noted", "Taget til efterretning."),
                       text=f"Status nr. {month} på rammeaftalen."))
    every = set(s.docs)
    fix = _twin(s, "2021-04-10-referat", "c", random.Random(1), retitle=False)
    after = every - {"2021-04-10-referat"} | {fix}
    again = _linked(s, after, M.PriorLinks.of(_linked(s, every)))
    assert again.reused == 7  # all but the corrected one
    assert _rows(again) == _rows(_linked(s, after))


def test_a_decision_corrected_to_open_makes_its_matter_pending_again() -> None:
    # At the last link "Rekruttering" was settled in February, so the longer title in March
    # needed its content to agree (it did not); corrected to postponed, the matter is pending
    # in March and takes the longer title up: March is matched again.
    s = Series().meeting(
        "2021-01-10", item("2", "Rekruttering", ("postponed", "Udsat."), text="Ledige stillinger."),
    ).meeting(
        "2021-02-10", item("2", "Rekruttering", ("approved", "Godkendt."), text="Ledige stillinger."),
    ).meeting(
        "2021-03-10", item("2", "Rekruttering og fastholdelse af medarbejdere",
                           ("noted", "Taget til efterretning."), text="Trivselsmåling på skolerne."),
    )
    every = set(s.docs)
    before = _linked(s, every)
    assert len(_timelines(before)["Rekruttering"]) == 2
    fix = "2021-02-10-referat-c"
    s.docs[fix] = dataclasses.replace(s.docs["2021-02-10-referat"], id=fix)
    s.items[fix] = [dataclasses.replace(it, id=f"{it.id}-c", document_id=fix)
                    for it in s.items["2021-02-10-referat"]]
    s.decisions[f"{fix}#2"] = [M.DecisionIn(f"{fix}#2/0", f"{fix}#2", fix, 0, "decision",
                                            "postponed", "Udsat igen.")]
    after = every - {"2021-02-10-referat"} | {fix}
    fresh = _linked(s, after)
    assert len(_timelines(fresh)["Rekruttering og fastholdelse af medarbejdere"]) == 3
    assert _rows(_linked(s, after, M.PriorLinks.of(before))) == _rows(fresh)


def test_a_reference_to_a_meeting_gone_is_matched_again() -> None:
    # June referred to the meeting of 10 March and was linked to its matter by that alone;
    # with March gone the reference names no meeting, so June is matched again, though the
    # matter (still there from January) is no more like June's title than before.
    s = Series().meeting(
        "2021-01-10", item("2", "Strategi for udbud", ("postponed", "Udsat.")),
    ).meeting(
        "2021-03-10", item("2", "Strategi for udbud", ("postponed", "Udsat igen.")),
    ).meeting(
        "2021-06-10", item("2", "Opfølgning", ("noted", "Taget til efterretning."),
                           text="Punktet blev drøftet på mødet den 10. marts."),
    )
    every = set(s.docs)
    before = _linked(s, every)
    assert [o.meeting_date for o in _matter_of(before, "Opfølgning").occurrences] == [
        "2021-01-10", "2021-03-10", "2021-06-10"]
    without = every - {"2021-03-10-referat"}
    fresh = _linked(s, without)
    assert _timelines(fresh)["Opfølgning"] == [("2021-06-10", "Opfølgning")]
    assert _rows(_linked(s, without, M.PriorLinks.of(before))) == _rows(fresh)


def _matter_of(links: M.ForumLinks, title: str) -> M.Matter:
    return next(m for m in links.matters if any(o.title == title for o in m.occurrences))
