"""The grammar of minutes on small hand-written documents (format-free: blocks in, items out)."""

import pytest

from referatkit.classify import classify
from referatkit.model import BLANK, HEADING, LIST_ITEM, TABLE_CELL, Block, RawDocument, Section
from referatkit.normalise import normalise
from referatkit.segment import label_of, normalise_number, segment


def _txt(text: str, path: str = "referat.txt") -> RawDocument:
    blocks = [Block(t, kind=BLANK) if not t.strip() else Block(t) for t in text.split("\n")]
    return normalise(RawDocument(path=path, format="txt", blocks=blocks))


def _items(raw: RawDocument) -> list[tuple[str | None, str]]:
    (doc,) = segment(raw)
    return [(it.number, it.title) for it in doc.items]


def test_normalise_number() -> None:
    assert normalise_number("4B)") == "4B"
    assert normalise_number("1.") == "1"
    assert normalise_number("Pkt. 3") == "3"
    assert normalise_number("§1") == "1"
    assert normalise_number("4c.") == "4C"


def test_numbering_forms_are_items() -> None:
    raw = _txt(
        "Referat af møde i Styregruppen for Rammeaftaler\nden 15. maj 2020\n\n"
        "1. Velkommen\nFormanden bød velkommen.\n\n"
        "2) Godkendelse af dagsorden\nDagsordenen blev godkendt.\n\n"
        "4B) Budget 2021\nDrøftet.\n\n"
        "4C. Rammeaftale 2021-22\nGodkendt.\n\n"
        "5. Eventuelt\nIntet."
    )
    assert _items(raw) == [
        ("1", "Velkommen"), ("2", "Godkendelse af dagsorden"), ("4B", "Budget 2021"),
        ("4C", "Rammeaftale 2021-22"), ("5", "Eventuelt"),
    ]


def test_word_numbered_items() -> None:
    raw = _txt(
        "Referat\nBestyrelsen\n\nPkt. 1 Godkendelse af referat\nGodkendt.\n\n"
        "Punkt 2: Regnskab\nRegnskabet blev godkendt.\n\nAd 3 Eventuelt\nIntet."
    )
    assert _items(raw) == [("1", "Godkendelse af referat"), ("2", "Regnskab"), ("3", "Eventuelt")]


def test_lists_inside_items_are_not_items() -> None:
    raw = _txt(
        "Referat\nDriftsforum Nord\nOnsdag d. 9. december 2020\n\n"
        "1. Opfølgning på møder\nIntet at bemærke.\n\n"
        "2. Forslag om samarbejde\nArbejdsgruppen kom med fem forslag:\n"
        "1. Udbredelse af IPS-metoden\n2. Bedre kommunikation\n3. Tidlig opsporing\n"
        "4. Flere indsatser\n5. Større jobfokus\n\nBeslutning:\n1. Driftsforum tager orienteringen til efterretning\n"
        "2. Driftsforum besluttede at holde en temadag.\n\n"
        "3. Drøftelse af aftaler\nDer er behov for at aftalerne dagsordenssættes igen.\n\n"
        "4. Eventuelt\nIntet."
    )
    assert [n for n, _ in _items(raw)] == ["1", "2", "3", "4"]
    assert _items(raw)[2] == ("3", "Drøftelse af aftaler")


def test_overview_and_bodies_merge_into_one_item_each() -> None:
    raw = _txt(
        "Dagsorden og referat\nSocialudvalget\nden 3. marts 2021\n\n"
        "1. Godkendelse af dagsorden\n2. Budget 2022\n3. Eventuelt\n\n"
        "1. Godkendelse af dagsorden\nBeslutning: Godkendt.\n\n"
        "2. Budget 2022\nBaggrund\nForvaltningen har udarbejdet et budget.\nBeslutning\nGodkendt.\n\n"
        "3. Eventuelt\nIntet."
    )
    (doc,) = segment(raw)
    assert [(i.number, i.title) for i in doc.items] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Budget 2022"), ("3", "Eventuelt"),
    ]
    assert doc.doc_type == "dagsorden+referat"
    kinds = [(s.label, s.kind) for s in doc.items[1].sections]
    assert ("Baggrund", "background") in kinds and ("Beslutning", "decision") in kinds


def test_table_of_contents_with_dot_leaders_is_not_items() -> None:
    raw = _txt(
        "REFERAT Byrådet d. 27-08-2025\nIndholdsfortegnelse\n"
        "Godkendelse af dagsorden........................ 3\nBro over havnen........................ 4\n"
        "Punkt 1: Godkendelse af dagsorden\nBeslutninger\nGodkendt.\n"
        "Punkt 2: Bro over havnen\nBeslutninger\nGodkendt."
    )
    assert _items(raw) == [("1", "Godkendelse af dagsorden"), ("2", "Bro over havnen")]


def test_a_single_item_is_found_when_the_contents_list_names_it() -> None:
    raw = _txt(
        "Referat\nUdvalget for kultur (PUK)\nTorsdag den 20. juni 2013\nIndholdsfortegnelse\n"
        "715. Kulturkommune 2017........................2\n\n715. Kulturkommune 2017\nSagsnr.: 12/27845\n"
        "Resumé\nEn plan.\nBeslutning i Udvalget for kultur (PUK) den 20-06-2013\nPunktet blev drøftet."
    )
    (doc,) = segment(raw)
    assert [(i.number, i.title, i.case_number) for i in doc.items] == [("715", "Kulturkommune 2017", "12/27845")]
    assert doc.meeting_date == "2013-06-20"


def test_section_labels_inline_and_alone() -> None:
    assert label_of("Beslutning: Styregruppen godkendte") == ("Beslutning", "decision", "Styregruppen godkendte", None)
    assert label_of("Referat – punkt 3:")[1:] == ("minutes", "", "3")
    assert label_of("Indstilling") == ("Indstilling", "proposal", "", None)
    assert label_of("Baggrund for projektet er flere ting") is None
    assert label_of("Beslutning i Økonomiudvalget den 04-12-2012")[1] == "prior_decision"


def test_meeting_metadata() -> None:
    raw = _txt(
        "Rammeaftale-netværket Voksne Sindslidende\n"
        "REFERAT – NETVÆRKSMØDE FREDAG DEN 26. marts 2021 KL. 9.00 – 10.00\n\n1. Velkommen\nIntet."
    )
    (doc,) = segment(raw)
    assert doc.forum == "Rammeaftale-netværket Voksne Sindslidende"
    assert doc.meeting_date == "2021-03-26"
    assert doc.meeting_time == "09:00–10:00"
    assert doc.doc_type == "referat"


def test_notat_without_items_or_date() -> None:
    raw = _txt(
        "NOTAT\nTil: Social- og psykiatriudvalget\nStatusnotat om samarbejde\n\nBaggrund\n"
        "Planen blev vedtaget den 6. marts 2020.\nAnbefaling 7. Bedre forløb\nTekst om anbefalingen."
    )
    (doc,) = segment(raw)
    assert doc.doc_type == "notat"
    assert doc.items == []
    assert doc.meeting_date is None
    assert doc.forum == "Social- og psykiatriudvalget"
    assert any("Anbefaling 7" in s.text for s in doc.sections)


@pytest.mark.parametrize("title, doc_type", [
    ("Beslutningsprotokol", "referat"),  # blind set (ho08): a region's minutes
    ("Dagsorden og beslutningsprotokol", "dagsorden+referat"),
])
def test_beslutningsprotokol_is_minutes(title: str, doc_type: str) -> None:
    (doc,) = segment(_txt(f"{title}\nRegionsrådet\n10. december 2024\n\n1. Meddelelser\nBeslutning\nTaget til efterretning."))
    assert doc.doc_type == doc_type


def test_a_memos_date_field_is_the_memos_and_a_forum_with_a_comma() -> None:
    """Blind set (ho13, ho06): 'Dato: 3. februar 2025' on a memo dates the memo, not a meeting
    ('Mødedato:' would); 'Område-MED, Dagtilbud Nord' is one name, 'Børne- og Skoleudvalget,
    Fjordby Kommune' a body and its authority."""
    memo = "NOTAT\nTil: Børne- og Ungeudvalget\n{field}\n\nBaggrund\nTekst om sagen."
    (doc,) = segment(_txt(memo.format(field="Dato: 3. februar 2025")))
    assert (doc.doc_type, doc.meeting_date) == ("notat", None)
    (doc,) = segment(_txt(memo.format(field="Mødedato: 12. februar 2025")))
    assert doc.meeting_date == "2025-02-12"
    for header, forum in (("Område-MED, Dagtilbud Nord", "Område-MED, Dagtilbud Nord"),
                          ("Børne- og Skoleudvalget, Fjordby Kommune", "Børne- og Skoleudvalget")):
        (doc,) = segment(_txt(f"{header}\nReferat\nDato: 20-02-2025\n\n1. Godkendelse\nGodkendt.\n\n2. Eventuelt\nIntet."))
        assert doc.forum == forum


def test_word_numbering_list_identity_decides_the_agenda() -> None:
    # Items on one Word list (numbers not in the text), inner lists on others.
    def li(text: str, num: str, lid: str, bold: bool = False) -> Block:
        return Block(text, kind=LIST_ITEM, list_number=num, list_level=0, list_id=lid, bold=bold)

    blocks = [
        Block("Referat", bold=True), Block("Driftsforum Syd", bold=True),
        li("Opfølgning", "1.", "10", True), Block("Intet."),
        li("Forslag", "2.", "10", True), li("IPS-metoden", "1.", "12"), li("Kommunikation", "2.", "12"),
        li("Opsporing", "3.", "12"), Block("Beslutning:", bold=True), li("Tages til efterretning", "1.", "15"),
        li("Aftaler", "3.", "10", True), Block("Referat:", bold=True), Block("Godkendt."),
    ]
    (doc,) = segment(normalise(RawDocument(path="x.docx", format="docx", blocks=blocks)))
    assert [(i.number, i.title) for i in doc.items] == [("1", "Opfølgning"), ("2", "Forslag"), ("3", "Aftaler")]


def test_two_column_agenda_table() -> None:
    def cell(r: int, c: int, text: str) -> Block:
        return Block(text, kind=TABLE_CELL, table=0, row=r, col=c)

    blocks = [
        Block("Netværket for Psykiatri", bold=True), Block("REFERAT – MØDE 26. marts 2021"),
        cell(0, 0, "Dagsordenspunkt"), cell(0, 1, "Referat (hovedpunkter)"),
        cell(1, 0, "1. Velkommen"), cell(1, 1, ""),
        cell(2, 0, "2. Aftaler om næste møde\nTid og sted"), cell(2, 1, "Næste møde holdes i Roskilde.\nF-ACT kan komme med på næste møde."),
    ]
    (doc,) = segment(normalise(RawDocument(path="x.docx", format="docx", blocks=blocks)))
    assert [(i.number, i.title) for i in doc.items] == [("1", "Velkommen"), ("2", "Aftaler om næste møde")]
    minutes = [s for s in doc.items[1].sections if s.kind == "minutes"]
    assert minutes and "F-ACT kan komme med" in minutes[0].text


def test_two_column_table_read_as_text_splits_the_title() -> None:
    raw = _txt(
        "Netværket\nREFERAT – MØDE FREDAG DEN 26. marts 2021\n\nDagsordenspunkt  Referat (hovedpunkter)\n\n"
        "1. Velkommen og intro\n\n2. Aftaler om næste møde og afslutning Udbredelsen af Rosa kan komme med på næste\nnetværksmøde.\n"
    )
    assert _items(raw) == [("1", "Velkommen og intro"), ("2", "Aftaler om næste møde og afslutning")]


def test_closed_items() -> None:
    raw = _txt(
        "Referat\nByrådet\n\nPunkt 1: Godkendelse af dagsorden\nGodkendt.\n\n"
        "Punkt 2: Lukket: Køb af ejendom\nGodkendt."
    )
    (doc,) = segment(raw)
    assert [i.closed for i in doc.items] == [False, True]
    assert doc.items[1].title == "Køb af ejendom"


def test_participants_are_cut_out_of_the_last_item() -> None:
    raw = _txt(
        "Referat\nDriftsforum\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet.\n\nDeltagere:\nAalborg Kommune:\n"
        "- Anna Hansen - leder\n- Bo Jensen - konsulent - afbud\n"
    )
    (doc,) = segment(raw)
    assert doc.items[-1].sections[-1].text == "Intet."
    parts = [s for s in doc.sections if s.kind == "participants"]
    assert parts and "Bo Jensen" in parts[0].text


def test_several_meetings_in_one_file() -> None:
    raw = _txt(
        "**Referat fra vejledermøde 30/09/2025**\n- Vi aftalte en plan.\n\n"
        "**Referat fra vejledermøde 07/10/2025**\n- Planen blev godkendt.\n"
    )
    raw.blocks = [b.__class__(**{**{s: getattr(b, s) for s in b.__slots__}, "bold": b.text.startswith("**")}) for b in raw.blocks]
    docs = segment(raw)
    assert [d.meeting_date for d in docs] == ["2025-09-30", "2025-10-07"]
    assert [d.part for d in docs] == [0, 1]


def _pdf_lines(lines: list[tuple[str, float]]) -> RawDocument:
    blocks = [Block(t, kind=BLANK, page=1) if not t else Block(t, page=1, x0=x) for t, x in lines]
    return normalise(RawDocument(path="referat.pdf", format="pdf", blocks=blocks))


def test_a_wrapped_participant_entry_is_one_entry() -> None:
    """Regression (sample 004, PDF): "afbud" wrapped onto a line of its own read as the label
    "Afbud" and made everyone after it absent."""
    raw = _pdf_lines([
        ("Referat af møde i driftsforum 9. december 2020", 71), ("", 0),
        ("1. Velkommen", 71), ("Intet.", 71), ("", 0),
        ("Deltagere i driftsforum:", 71), ("", 0),
        ("- Niels Bech – Chefkonsulent i Kvalitets- og Innovationsenheden i Ældre-/Handicap -", 89),
        ("afbud", 107),
        ("- Thomas Søndergaard – AC-fuldmægtig (Psykiatriens sekretær for", 89),
        ("Driftsforum)", 107),
        ("- Tine Blach – Ledende socialrådgiver", 89),
    ])
    (doc,) = segment(raw)
    (sec,) = [s for s in doc.sections if s.kind == "participants"]
    assert sec.label == "Deltagere i driftsforum"
    assert sec.text.split("\n") == [
        "- Niels Bech – Chefkonsulent i Kvalitets- og Innovationsenheden i Ældre-/Handicap - afbud",
        "- Thomas Søndergaard – AC-fuldmægtig (Psykiatriens sekretær for Driftsforum)",
        "- Tine Blach – Ledende socialrådgiver",
    ]


def test_an_item_that_is_a_member_list_gives_participants() -> None:
    """Regression (aarsrapport_netvaerk): the members of "3. Medlemmer" are people, and the
    headings after the table are not."""
    blocks = [
        Block("Årsrapport 2021"), Block("3. Medlemmer", kind="heading", heading_level=1),
        Block("Navn", kind=TABLE_CELL, table=0, row=0, col=0), Block("Kommune", kind=TABLE_CELL, table=0, row=0, col=1),
        Block("Ida Rask", kind=TABLE_CELL, table=0, row=1, col=0),
        Block("Bakkedal Kommune", kind=TABLE_CELL, table=0, row=1, col=1),
        Block("Årets aktiviteter", kind="heading", heading_level=1, list_number="4."),
        Block("Temamøder", kind="heading", heading_level=2, list_number="4.1", list_level=1),
    ]
    (doc,) = segment(normalise(RawDocument(path="a.docx", format="docx", blocks=blocks)))
    assert [(it.number, it.title) for it in doc.items] == [("3", "Medlemmer"), ("4", "Årets aktiviteter")]
    (sec,) = [s for s in doc.sections if s.kind == "participants"]
    assert sec.text.split("\n") == ["Navn | Kommune", "Ida Rask | Bakkedal Kommune"]


def test_a_header_row_with_a_column_gap_is_a_field() -> None:
    raw = _txt("Referat\nMøde\tStyregruppen for Borgerforløb\nDeltagere\nVibeke Strand\tBakkedal Kommune\n"
               "Afbud\tMikkel Dyhr, Lyngså Kommune\n\n1. Velkommen\nGodkendt.")
    (doc,) = segment(raw)
    assert doc.forum == "Styregruppen for Borgerforløb"
    assert [(s.label, s.text) for s in doc.sections if s.kind == "participants"] == [
        ("Deltagere", "Vibeke Strand | Bakkedal Kommune"), ("Afbud", "Mikkel Dyhr, Lyngså Kommune"),
    ]


def test_several_meetings_under_plain_header_lines() -> None:
    """Regression (several_meetings_one_file): plain header lines on their own between blank
    lines cut the file; the title names the forum of all."""
    raw = _txt(
        "Referater 2019 – Bestyrelsen for Frivilligcenter Østervang\n\n\n"
        "Bestyrelsesmøde 12. februar 2019\n\nTil stede: Hans Bruun, Ali Demir\n\n1. Godkendelse af referat\n\n"
        "Referatet blev godkendt.\n\n2. Eventuelt\n\nIntet.\n\n\n"
        "Bestyrelsesmøde 7. maj 2019\n\nTil stede: Hans Bruun\n\n1. Godkendelse af referat\n\nReferatet blev godkendt.\n\n"
        "2. Budget\n\nBudgettet blev vedtaget.\n"
    )
    docs = segment(raw)
    assert [(d.meeting_date, d.forum, len(d.items)) for d in docs] == [
        ("2019-02-12", "Bestyrelsen for Frivilligcenter Østervang", 2),
        ("2019-05-07", "Bestyrelsen for Frivilligcenter Østervang", 2),
    ]


def test_a_logbook_of_meetings_without_a_year() -> None:
    """Regression (creditoro logbook, corpus): headings 'Weekday d. DD/MM' and no year in the
    file: the weekdays give the year; a misspelt weekday still opens a meeting; a bold line
    about the next meeting opens none."""
    blocks = [Block("Logbog", kind="heading", heading_level=1)]
    for day in ("Tirsdag d. 11/02", "Onsdag d. 19/02", "Tirdag d. 31/03", "Søndag d. 15/03"):
        blocks += [Block(day, kind="heading", heading_level=3), Block("Dagsorden", bold=True),
                   Block("Planlægning", kind=LIST_ITEM, list_number="•"), Block("Til næste møde (d. 3/3)", bold=True),
                   Block("Læs op", kind=LIST_ITEM, list_number="•")]
    docs = segment(normalise(RawDocument(path="README.md", format="md", blocks=blocks)))
    assert [d.meeting_date for d in docs] == ["2020-02-11", "2020-02-19", "2020-03-31", "2020-03-15"]


def test_one_meeting_that_mentions_other_meetings_is_one() -> None:
    raw = _txt("Referat af bestyrelsesmøde 12. februar 2019\n\n1. Meddelelser\n\n"
               "Referat fra Klyngemøde den 19. oktober.\n\nNæste møde 3. april 2019\n\n2. Eventuelt\n\nIntet.")
    assert len(segment(raw)) == 1


@pytest.mark.parametrize(
    "header, forum",
    [
        ("Referat af ordinært møde i Ældrerådet", "Ældrerådet"),
        ("Referat fra ordinær generalforsamling i Lyngså Bådelaug", "Lyngså Bådelaug"),
        ("Arrangeret af Børne- og Skoleudvalget, Fjordby Kommune", "Børne- og Skoleudvalget"),
        ("Kommunalbestyrelsen – Referat", "Kommunalbestyrelsen"),
        ("Udvalget for plan, udvikling og kultur (PUK)", "Udvalget for plan, udvikling og kultur (PUK)"),
        ("Grundejerforeningen POMOSA\tFebruar 2024", "Grundejerforeningen POMOSA"),
    ],
)
def test_forum_from_a_title_line(header: str, forum: str) -> None:
    (doc,) = segment(_txt(f"{header}\nden 8. september 2021\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Eventuelt\nIntet."))
    assert doc.forum == forum


def test_closed_marker_under_the_title() -> None:
    """Regression (closed_items): 'Lukket punkt' on its own line joined the title; 'Fortroligt –
    …' under the title closes the item; prose 'er lukket for …' does not."""
    (doc,) = segment(_txt(
        "Referat – Socialudvalget\nTorsdag den 18. november 2021\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
        "2. Klagesag vedrørende bevilling af ledsagelse\nLukket punkt\nBeslutning: Taget til efterretning.\n\n"
        "3. Personalesag\n\nFortroligt – behandles for lukkede døre.\nBeslutning: Godkendt.\n\n"
        "4. Kvalitetsstandard\n\nLukket for nye indskrivninger i foråret er tilbuddet Solsikken.\nBeslutning: Godkendt."
    ))
    assert [(it.title, it.closed) for it in doc.items] == [
        ("Godkendelse af dagsorden", False), ("Klagesag vedrørende bevilling af ledsagelse", True),
        ("Personalesag", True), ("Kvalitetsstandard", False),
    ]


def test_closed_said_in_a_sentence_or_in_brackets() -> None:
    """Blind set (ho02, ho08): 'Punktet er lukket.' under the title and '(Lukket)' after it
    close the item; neither is text or title."""
    (doc,) = segment(_txt(
        "Referat – Økonomiudvalget\nMandag den 7. oktober 2024\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
        "2. Orientering om verserende retssag\nPunktet er lukket.\nBeslutning: Taget til efterretning.\n\n"
        "3. Ejendomshandel – grund ved sygehuset (Lukket)\nBeslutning: Godkendt."
    ))
    assert [(it.title, it.closed) for it in doc.items] == [
        ("Godkendelse af dagsorden", False), ("Orientering om verserende retssag", True),
        ("Ejendomshandel – grund ved sygehuset", True),
    ]
    assert "lukket" not in doc.items[1].text().lower()


def test_a_wrapped_title_ending_in_a_label_word_and_a_number_ending_a_sentence() -> None:
    """Blind set (ho06 PDF, ho10 PDF): 'opfølgning' carrying on a wrapped title is the title's
    word, not the label 'Opfølgning'; '16.' on the line after '… i uge' ends the sentence."""
    (doc,) = segment(_txt(
        "Referat – Område-MED\n20-02-2025\n\n1. Sygefravær\nGodkendt.\n\n2. Trivselsmåling (APV) –\nopfølgning\n"
        "Konklusion: Peter sender et udkast til styregruppen senest fredag i uge\n16.\n"
    ))
    assert [it.title for it in doc.items] == ["Sygefravær", "Trivselsmåling (APV) – opfølgning"]
    assert doc.items[1].sections[0].text.endswith("i uge 16.")


def test_ad_n_refers_to_the_agenda_listed_before() -> None:
    """Blind set (ho03): the agenda as a numbered list, then the minutes as 'Ad 1. <text>'
    without titles: the items are the agenda's, each 'Ad N.' text is item N's body."""
    raw = _txt(
        "Skolebestyrelsen\nReferat af møde d. 12/3-2024\n\nDagsorden:\n1. Godkendelse af dagsorden\n"
        "2. Meddelelser fra formanden\n3. Trivselsmåling\n4. Evt.\n\nReferat:\nAd 1. Dagsordenen blev godkendt.\n"
        "Ad 2. Martin orienterede om netværksmødet.\nAd 3. Trivselsmåling: Punktet udsættes til næste møde.\n"
        "Ad 4. Intet."
    )
    (doc,) = segment(raw)
    assert [(it.number, it.title) for it in doc.items] == [("1", "Godkendelse af dagsorden"), ("2", "Meddelelser fra formanden"),
                              ("3", "Trivselsmåling"), ("4", "Evt.")]
    assert [it.text() for it in doc.items] == [
        "Dagsordenen blev godkendt.", "Martin orienterede om netværksmødet.",
        "Punktet udsættes til næste møde.", "Intet.",
    ]


def test_unnumbered_headings_are_the_agenda_of_minutes() -> None:
    """Blind set (ho09): minutes whose points are headings without numbers - Word headings, or
    short lines on their own in a text file - give unnumbered items; a memo's headings do not."""
    text = (
        "Netværksgruppen for Socialsygepleje\nReferat fra netværksmøde 26. marts 2025\nDeltagere:\nAnne Skov\n\n"
        "Velkomst og præsentation\n\nRikke bød velkommen.\n\nErfaringer med opsøgende sygepleje\n\n"
        "Jakob fortalte om træffetider.\n\nFælles temadag i efteråret\n\nNetværket besluttede at holde en temadag.\n"
    )
    want = [(None, "Velkomst og præsentation"), (None, "Erfaringer med opsøgende sygepleje"),
            (None, "Fælles temadag i efteråret")]
    assert _items(_txt(text)) == want
    blocks = [Block("Referat fra netværksmøde 26. marts 2025"), Block("Deltagere: Anne Skov")]
    for title, body in zip([t for _, t in want], ["Rikke bød velkommen.", "Jakob fortalte.", "Besluttet."], strict=True):
        blocks += [Block(title, kind=HEADING, heading_level=2), Block(body)]
    (doc,) = segment(normalise(RawDocument(path="r.docx", format="docx", blocks=blocks)))
    assert [(it.number, it.title) for it in doc.items] == want
    assert _items(_txt(text.replace("Referat fra netværksmøde", "Notat om netværksmødet"))) == []


def test_a_table_of_people_without_a_label_is_a_participant_list() -> None:
    """Blind set (ho04, ho14): a table headed 'Navn | Repræsenterer | Fremmøde' lists people
    wherever it stands; a table of schools does not."""
    def table(rows: list[list[str]], t: int) -> list[Block]:
        return [Block(x, kind=TABLE_CELL, table=t, row=r, col=c) for r, row in enumerate(rows) for c, x in enumerate(row)]

    blocks = [Block("Referat – Handicaprådet"), Block("Tirsdag 5. november 2024"),
              *table([["Navn", "Repræsenterer", "Fremmøde"], ["Inge Bjerre (formand)", "DH Kystby", "Til stede"],
                      ["Poul Erik Vang", "DH Kystby", "Afbud"]], 1),
              Block("1. Godkendelse af dagsorden"), Block("Godkendt."),
              Block("2. Fravær"), *table([["Skole", "2023/24"], ["Egelund Skole", "11 %"]], 2)]
    (doc,) = segment(normalise(RawDocument(path="r.docx", format="docx", blocks=blocks)))
    people = [s for s in doc.sections if s.kind == "participants"]
    assert [(s.label, s.text.splitlines()[0]) for s in people] == [("Medlemmer", "Navn | Repræsenterer | Fremmøde")]


def test_the_blind_set_in_the_formats_it_was_not_written_in() -> None:
    """Rendering the blind set in every format: a PDF's headings are bold lines after a gap; an
    'Ad 2. <text>' whose text wraps keeps the listed title; a table of people printed as text
    with column gaps lists people; a year alone carries a title on; the last short block of an
    item of a 'Punkt | Referat | Ansvarlig/frist' table printed as text is its owner cell."""
    blocks: list[Block] = [Block("Referat fra netværksmøde 26. marts 2025"), Block("Deltagere: Anne Skov")]
    for title, body in (("Velkomst", "Rikke bød velkommen."), ("Temadag", "Netværket besluttede."),
                        ("Næste møde", "Den 19. juni.")):
        blocks += [Block("", kind=BLANK), Block(title, bold=True), Block(body)]
    (doc,) = segment(normalise(RawDocument(path="r.pdf", format="pdf", blocks=blocks)))
    assert [(it.number, it.title) for it in doc.items] == [(None, "Velkomst"), (None, "Temadag"), (None, "Næste møde")]

    (doc,) = segment(_txt(
        "Skolebestyrelsen\nReferat 12/3-2024\n\nDagsorden:\n1. Godkendelse af dagsorden\n2. Meddelelser fra formanden\n"
        "3. Evt.\n\nReferat:\nAd 1. Godkendt.\nAd 2. Martin orienterede om mødet i kommunens netværk, hvor der\n"
        "blev talt om skolestrukturen.\nAd 3. Intet."))
    assert [it.title for it in doc.items] == ["Godkendelse af dagsorden", "Meddelelser fra formanden", "Evt."]
    assert doc.items[1].text() == "Martin orienterede om mødet i kommunens netværk, hvor der blev talt om skolestrukturen."

    (doc,) = segment(_txt("Referat – Handicaprådet\n5. november 2024\nNavn\tRepræsenterer\tFremmøde\n"
                          "Inge Bjerre\tDH Kystby\tAfbud\n\n1. Godkendelse af dagsorden\nGodkendt."))
    assert [(s.label, s.text) for s in doc.sections if s.kind == "participants"] == [
        ("Medlemmer", "Navn | Repræsenterer | Fremmøde\nInge Bjerre | DH Kystby | Afbud")]

    (doc,) = segment(_txt(
        "Område-MED\nReferat\nDato: 20-02-2025\n\nPunkt\tReferat\tAnsvarlig/frist\n\n1. Sygefravær 4. kvartal\n2024\n\n"
        "Der udarbejdes en handleplan.\n\nTrine Bach\nInden 1. april 2025\n\n2. Eventuelt\n\nIntet."))
    assert [it.title for it in doc.items] == ["Sygefravær 4. kvartal 2024", "Eventuelt"]
    assert [(s.kind, " ".join(s.text.split())) for s in doc.items[0].sections] == [
        ("body", "Der udarbejdes en handleplan."), ("responsible", "Trine Bach Inden 1. april 2025")]
    (d,) = classify(doc).items[0].decisions
    assert (d.owner, d.due) == ("Trine Bach", "2025-04-01")


def test_a_case_number_of_the_year_is_the_item_number() -> None:
    raw = _txt("Møtereferat Eldrerådet 3. juni 2021\n\nSak 12/21 Godkjenning av innkalling\n\nVedtak: Godkjent.\n\n"
               "Sak 13/21 Referatsaker\n\nVedtak: Tatt til orientering.")
    assert _items(raw) == [("12/21", "Godkjenning av innkalling"), ("13/21", "Referatsaker")]


def test_a_year_that_ends_a_wrapped_sentence_is_no_item() -> None:
    """Regression (Aarhus Byråd, corpus): '2025.' closing a wrapped sentence took the next line
    ('Magistratsafdelingen … udarbejder notat.') as its title, and the text was lost."""
    raw = _pdf_lines([
        ("Referat af Byrådet 27. august 2025", 40), ("", 0),
        ("Punkt 1: Godkendelse af dagsorden", 40), ("Godkendt.", 40), ("", 0),
        ("Punkt 2: Anlægsbevilling", 40), ("", 0),
        ("Tilbagesendes med bemærkning, at byrådet har vedtaget indstillingen af 19. august", 40),
        ("2025.", 40), ("Magistratsafdelingen udarbejder notat.", 40),
    ])
    (doc,) = segment(raw)
    assert "Magistratsafdelingen udarbejder notat." in doc.items[1].text()


def test_labels_recurring_near_page_breaks_are_no_furniture() -> None:
    """Regression (toc_dot_leaders TXT): 'Beslutning:' and 'Godkendt.' near every 'Side N af 3'
    were dropped as running headers."""
    lines = ["Referat – Kulturudvalget", "Mødedato: 9. marts 2022", ""]
    for n in range(1, 4):
        lines += [f"{n}. Punkt {n}", "", "Beslutning:", "Godkendt.", "", f"Side {n} af 3", ""]
    (doc,) = segment(_txt("\n".join(lines)))
    assert [[(s.label, s.text) for s in it.sections] for it in doc.items] == [[("Beslutning", "Godkendt.")]] * 3


def test_a_title_wraps_inside_a_pdf_table_cell() -> None:
    """Regression (table_referat PDF): the left cell's second line continues the item title."""
    cells = [
        Block("Dagsordenspunkt", kind=TABLE_CELL, table=0, row=0, col=0, page=1),
        Block("Referat (hovedpunkter)", kind=TABLE_CELL, table=0, row=0, col=1, page=1),
        Block("1. Velkommen og godkendelse af\ndagsorden", kind=TABLE_CELL, table=0, row=1, col=0, page=1),
        Block("Dagsordenen blev godkendt.", kind=TABLE_CELL, table=0, row=1, col=1, page=1),
        Block("2. Næste møde og afslutning", kind=TABLE_CELL, table=0, row=2, col=0, page=1),
        Block("Netværket besluttede, at samarbejdet med\nmisbrugsbehandlingen bliver tema.", kind=TABLE_CELL,
              table=0, row=2, col=1, page=1),
    ]
    raw = normalise(RawDocument(path="r.pdf", format="pdf", blocks=[Block("Referat 4. februar 2021", page=1), *cells]))
    (doc,) = segment(raw)
    assert [(it.number, it.title) for it in doc.items] == [("1", "Velkommen og godkendelse af dagsorden"),
                                                             ("2", "Næste møde og afslutning")]
    assert doc.items[1].sections == [Section("Referat (hovedpunkter)", "minutes",
                                             "Netværket besluttede, at samarbejdet med misbrugsbehandlingen bliver tema.")]


def test_an_attachment_list_ends_where_prose_begins() -> None:
    (doc,) = segment(_txt("Referat 4. februar 2021\n\n1. Orientering\nBilag: Orientering fra\nstyregruppen januar 2021.pdf\n\n"
                          "Styregruppen har drøftet, hvordan fokusområderne skal omsættes.\n\n2. Eventuelt\nIntet."))
    assert [(s.kind, s.text) for s in doc.items[0].sections] == [
        ("attachments", "Orientering fra styregruppen januar 2021.pdf"),
        ("body", "Styregruppen har drøftet, hvordan fokusområderne skal omsættes."),
    ]


def test_a_list_a_sentence_introduces_is_no_agenda() -> None:
    """Regression (notat_anbefalinger, DOCX/PDF/MD): 'Initiativer der iværksættes i 2021:' and
    its 1./2. were taken for items of a memo."""
    raw = _txt("NOTAT\nTil: Sundheds- og forebyggelsesudvalget\n\nAnbefaling 7.\n\nAnbefaling 7 handler om tidlig "
               "opsporing. Initiativer der iværksættes i 2021:\n1. Uddannelse af trivselsambassadører.\n"
               "2. Fast åben rådgivning én eftermiddag om ugen.\n\nAnbefaling 8.\n\nDigitale fællesskaber.")
    assert _items(raw) == []
    agenda = _txt("Dagsorden\nStyregruppen 3. juni 2021\n\nDagsorden:\n1. Godkendelse af dagsorden\n2. Budget\n3. Eventuelt")
    assert [n for n, _ in _items(agenda)] == ["1", "2", "3"]


def test_the_same_item_number_twice_is_two_items() -> None:
    """Regression (kantinen, corpus): '§9 Valg af bestyrelse' then '§9 Indkomne forslag' (a
    slip of the secretary); plain numbers of an inner list still restart no agenda."""
    raw = _txt("Referat af generalforsamling 4. december 2017\n\n§8 Valg af revisor\nGenvalgt.\n\n"
               "§9 Valg af bestyrelse\nEnstemmigt vedtaget.\n\n§9 Indkomne forslag\nIngen.\n\n§10 Eventuelt\nIntet.")
    assert _items(raw) == [("8", "Valg af revisor"), ("9", "Valg af bestyrelse"), ("9", "Indkomne forslag"),
                           ("10", "Eventuelt")]


def test_questions_and_ticked_tasks_are_no_agenda() -> None:
    raw = _txt("Referat fra vejledermøde 4. marts 2020\n\n1. Hvad skal der stå i motivationen?\n- Hvor vil vi hen\n"
               "2. Får vi adgang til data?\n- Nej\n3. Må vi lave databasen nu?\n- Ja\n")
    assert _items(raw) == []
    todo = _txt("Gruppemøde 17. november 2025\n\n1. Finpuds og debug ✅\n2. Rapportskrivning ✅\n3. Nye krav ✅\n")
    assert _items(todo) == []


def test_a_file_name_ends_its_caption() -> None:
    """Regression (sample 000, TXT): the caption ending in '.pdf' ran on into the next sentence."""
    (doc,) = segment(_txt("Referat 26. marts 2021\n\n1. Orientering\n\nOrientering om den\n"
                          "midlertidige nedlukning af de 7 særlige pladser.pdf\nSamme dag er møde i styregruppen.\n\n"
                          "2. Eventuelt\nIntet."))
    assert doc.items[0].sections[0].text.split("\n") == [
        "Orientering om den midlertidige nedlukning af de 7 særlige pladser.pdf", "Samme dag er møde i styregruppen.",
    ]


def test_a_bold_line_of_its_own_ends_a_participant_list(tmp_path) -> None:
    # Caught on the real corpus (a student group's logbook in Markdown): the list under
    # "**Fremmødte**" ran on through "**Referat af gruppemøde**" and its bullets, and
    # `referatkit people` listed "Design mock-up" and "Se GitHub for commits" as people.
    from referatkit.pipeline import parse_file

    path = tmp_path / "logbog.md"
    path.write_text(
        "# Logbog for gruppe 4\n\n<h3>Tirsdag d. 11/02/2020</h3>\n\n"
        "**Fremmødte**  \n- Alle pånær Kristian\n\n"
        "**Referat af gruppemøde**  \n- Design mock-up\n- Gruppen startede med at kode\n"
        "  - Se GitHub for commits\n\n"
        "**Afbud**  \n- Hanne Holm\n", encoding="utf-8")
    (doc,) = parse_file(path)
    assert [(p.name, p.absent) for p in doc.participants] == [("Kristian", True),
                                                             ("Hanne Holm", True)]


def test_a_list_of_bold_names_stays_one_list(tmp_path) -> None:
    from referatkit.pipeline import parse_file

    path = tmp_path / "referat.md"
    path.write_text("# Referat af bestyrelsesmøde 3. marts 2021\n\n**Deltagere**\n\n"
                    "**Hans Hansen**\n\n**Grete Jensen**\n\n## 1. Godkendelse af dagsorden\n\n"
                    "Godkendt.\n", encoding="utf-8")
    (doc,) = parse_file(path)
    assert [p.name for p in doc.participants] == ["Hans Hansen", "Grete Jensen"]


def test_body_word_score_is_the_word_by_word_one() -> None:
    """_has_body_word's set and suffix lookup scores as comparing each word with every body word."""
    import re

    from referatkit import vocab
    from referatkit.segment import WEAK_BODY_WORDS, _has_body_word

    def by_word(text: str) -> float:
        score = 0.0
        outside = re.sub(r"\([^()]*\)", " ", text)
        if any(re.search(rf"\b{a}\b", outside) for a in vocab.BODY_ACRONYMS):
            score = 2.0
        for w in re.split(r"[\s\-/]+", outside.casefold()):
            w = w.strip("().,:;")
            for bw in vocab.BODY_WORDS if w else ():
                if w == bw or (len(bw) >= 4 and w.endswith(bw)):
                    score = max(score, 0.6 if bw in WEAK_BODY_WORDS else 2.0)
        return score

    texts = ["Børne- og Skoleudvalget, Fjordby Kommune", "Ordinær generalforsamling", "Arbejdsgruppen",
             "Møde i TAG", "Referat (24 incl. Bestyrelsen)", "Status på projektet", "Kantineforeningen Sydhavn",
             "A/B Solgården", "gruppe", "råd og dåd", ""]
    for t in texts:
        assert _has_body_word(t) == by_word(t), t
