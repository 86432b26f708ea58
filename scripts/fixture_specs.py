"""The fixtures: invented Danish (and two Norwegian/English) minutes, one spec each.

Every forum, person, municipality, address and web address here is invented. The structure
imitates real minutes (see ../shared/samples and DESIGN.md); no text is copied from them.

Each spec gives the blocks (rendered by make_fixtures.py into TXT, DOCX, PDF and Markdown) and
the ``expected`` ground truth: the document as a careful human reads it, in the format of
``../shared/samples/*/expected.json``. Optional keys this project adds (all additive, see
``referatkit.evaluate``): ``language``, ``attendance_count``, item ``closed``, action ``due``,
participant ``role``, ``proposals``, ``prior_decisions``, ``must_not_appear``, and
``meetings`` (a list of per-meeting objects, for several meetings in one file).
"""

from __future__ import annotations

from typing import Any

from make_fixtures import (
    Blank,
    Bullets,
    Cell,
    Fixture,
    Head,
    Item,
    Label,
    Numbered,
    Only,
    P,
    PageBreak,
    Table,
    Title,
    Toc,
)
from spec_helpers import act, att, dec, it, meeting, person, prior, prop  # noqa: E402,F401

FIXTURES: list[Fixture] = []


def fixture(**kw: Any) -> Fixture:
    fx = Fixture(**kw)
    FIXTURES.append(fx)
    return fx


# ============================================================================================
# Genres
# ============================================================================================

# --- (1) referat as a two-column ruled table ------------------------------------------------
fixture(
    name="table_referat",
    about="genre 1: referat as a two-column ruled table (Dagsordenspunkt | Referat)",
    blocks=[
        P("**Netværk for Socialpsykiatri Sydvest**"),
        P("**REFERAT – NETVÆRKSMØDE TORSDAG DEN 4. FEBRUAR 2021 KL. 13.00 – 15.00**"),
        P("Mødet blev holdt på Teams."),
        Blank(),
        Table(
            widths=[62, 108],
            rows=[
                ["Dagsordenspunkt", "Referat (hovedpunkter)"],
                [
                    "1. Velkommen og godkendelse af dagsorden",
                    "Dagsordenen blev godkendt uden bemærkninger.",
                ],
                [
                    "2. Nyt fra styregruppen:\nStatus på Rammeaftale 2021-22 og styregruppens "
                    "møde 29/1\nBilag: Orientering fra styregruppen januar 2021.pdf",
                    "Styregruppen har drøftet, hvordan fokusområderne i rammeaftalen skal "
                    "omsættes til konkrete aftaler om pladser.\nNetværket tog orienteringen til "
                    "efterretning.\nSe styregruppens referat på www.netvaerk-sydvest.example.dk",
                ],
                [
                    "3. Botilbud med særlige pladser – kapacitet og venteliste\nBilag: "
                    "Kapacitetsoversigt 2021.xlsx",
                    "Der er p.t. fire ledige pladser. Flere kommuner oplever lang ventetid på "
                    "udredning, før en visitation kan ske.\nAftale: Kirsten Vang (Fjordby) "
                    "indsamler tal for ventetid fra alle kommuner senest den 1. marts.",
                ],
                [
                    "4. Bordet rundt: Hvad fylder lige nu? Del gerne en udfordring …",
                    "Bakkedal: ny leder af bostøtten fra 1. februar.\nLyngså: arbejder med "
                    "F-ACT-teams sammen med regionen; erfaringerne er gode.\nFjordby: intet nyt.",
                ],
                [
                    "5. Næste møde og afslutning",
                    "Netværket besluttede, at samarbejdet med misbrugsbehandlingen bliver tema "
                    "på næste møde den 22. april 2021.",
                ],
            ],
        ),
        P("Deltagere: Kirsten Vang (Fjordby Kommune), Ole Brask (Bakkedal Kommune), Sanne Juul "
          "(Lyngså Kommune), Thomas Rye (Region Sydvest, Psykiatrien)."),
        P("Afbud: Peter Lund (Østervang Kommune)."),
        Only(("txt",), [Blank(), P("http://www.netvaerk-sydvest.example.dk/")]),
    ],
    page_label="Side {n} af {N}",
    expected=meeting(
        "referat", "Netværk for Socialpsykiatri Sydvest", "2021-02-04",
        items=[
            it("1", "Velkommen og godkendelse af dagsorden"),
            it("2", "Nyt fra styregruppen:"),
            it("3", "Botilbud med særlige pladser – kapacitet og venteliste"),
            it("4", "Bordet rundt: Hvad fylder lige nu? Del gerne en udfordring …"),
            it("5", "Næste møde og afslutning"),
        ],
        decisions=[
            dec("1", "Dagsordenen blev godkendt uden bemærkninger", "approved"),
            dec("2", "Netværket tog orienteringen til efterretning", "noted", body="Netværket"),
            dec("3", "Kirsten Vang (Fjordby) indsamler tal for ventetid", "action"),
            dec("5", "samarbejdet med misbrugsbehandlingen bliver tema på næste møde", "approved",
                body="Netværket"),
        ],
        actions=[
            act("3", "Kirsten Vang", "indsamler tal for ventetid fra alle kommuner", "2021-03-01"),
        ],
        participants=[
            person("Kirsten Vang", "Fjordby Kommune"),
            person("Ole Brask", "Bakkedal Kommune"),
            person("Sanne Juul", "Lyngså Kommune"),
            person("Thomas Rye", "Region Sydvest, Psykiatrien"),
            person("Peter Lund", "Østervang Kommune", absent=True),
        ],
        attachments=[
            att("2", "Orientering fra styregruppen januar 2021"),
            att("3", "Kapacitetsoversigt 2021"),
        ],
        notes=(
            "Two-column ruled table; the left cell holds the item (number, title, sub-lines, "
            "Bilag), the right cell the minutes. Item titles are the first line of the left "
            "cell only: item 2's second line 'Status på Rammeaftale 2021-22 ...' is agenda "
            "text, not title. Meeting date from the all-caps header 'TORSDAG DEN 4. FEBRUAR "
            "2021 KL. 13.00 – 15.00'; '29/1' (item 2) and '22. april 2021' (item 5) are other "
            "dates. Item 4 is discussion notes (no decision); item 3 'Aftale:' is an action "
            "(due 1 March of the meeting's year). The TXT is an extraction that stacks the "
            "cells of each row (left cell, then right cell) and ends with a bare URL line "
            "(a link target, not text). Participants are inline with the organisation in "
            "parentheses; 'Afbud:' marks Peter Lund absent."
        ),
    ),
)

# --- (2) combined dagsorden + referat ------------------------------------------------------
_C_ITEMS = [
    ("1.", "Godkendelse af dagsorden og referat"),
    ("2)", "Status på akutfunktionen"),
    ("3.", "Fælles kompetenceudvikling 2022"),
    ("4A)", "Økonomi: Regnskab 2020"),
    ("4B)", "Økonomi: Budget 2022"),
    ("4C.", "Økonomi: Fordeling af puljemidler"),
    ("5.", "Eventuelt"),
]
fixture(
    name="combined_dagsorden_referat",
    about="genre 2: dagsorden+referat, overview list then labelled sections; 1. 2) 4A) 4B) 4C.",
    blocks=[
        Title("Dagsorden og referat"),
        P("**Styregruppen for Det Nære Sundhedsvæsen – Klynge Vest**"),
        P("Mandag den 14. juni 2021 kl. 10.00-12.00, mødelokale 2, Fjordby Rådhus"),
        Blank(),
        P("Deltagere: Hanne Bjerre, Fjordby Kommune (formand); Lars Kvist, Bakkedal Kommune; "
          "Mette Holt, Hospitalsenhed Vest; Jonas Friis, Lyngså Kommune (afbud)"),
        P("Referent: Camilla Due, sekretariatet"),
        Blank(),
        Label("Dagsorden:"),
        *[P(f"{lab} {title}", indent=4) for lab, title in _C_ITEMS],
        PageBreak(),
        Item(*_C_ITEMS[0]),
        Label("Beslutningstema"),
        P("Godkendelse af dagsorden og af referatet fra mødet den 19. april 2021."),
        Label("Indstilling"),
        P("Det indstilles:"),
        Bullets(["At dagsordenen godkendes", "At referatet fra 19. april 2021 godkendes"]),
        Label("Beslutning"),
        P("Dagsorden og referat blev godkendt."),
        Item(*_C_ITEMS[1]),
        Label("Beslutningstema"),
        P("Status på akutfunktionen efter det første halve år."),
        Label("Baggrund"),
        P("Akutfunktionen har siden 1. januar haft 412 besøg. Sygeplejerskerne fra Bakkedal og "
          "Fjordby dækker i fællesskab aften og nat."),
        Label("Drøftelser"),
        P("Der er fortsat udfordringer med bemanding i weekenden, og samarbejdet med lægevagten "
          "kan styrkes."),
        Label("Beslutning"),
        P("Styregruppen tog orienteringen til efterretning. Sekretariatet følger op med en "
          "status for bemandingen på næste møde."),
        Item(*_C_ITEMS[2]),
        Label("Beslutningstema"),
        P("Forslag til fælles kompetenceudvikling for sygeplejersker i klyngen."),
        Label("Indstilling"),
        P("Det indstilles:"),
        Bullets([
            "At styregruppen godkender forslaget til fælles kompetenceudvikling",
            "At der afsættes 250.000 kr. fra puljen",
        ]),
        Label("Bilag"),
        P("Bilag 3.1: Kompetenceplan 2022 (udkast)"),
        Label("Beslutning"),
        P("Godkendt, dog således at beløbet fastsættes, når budget 2022 er vedtaget."),
        Item(*_C_ITEMS[3]),
        Label("Beslutningstema"),
        P("Regnskab 2020 for klyngesamarbejdet forelægges."),
        Label("Bilag"),
        P("Regnskab 2020 for klyngesamarbejdet"),
        Label("Beslutning"),
        P("Regnskabet blev taget til efterretning."),
        Item(*_C_ITEMS[4]),
        Label("Indstilling"),
        P("Det indstilles:"),
        Bullets(["At budget 2022 godkendes"]),
        Label("Bilag"),
        P("Budgetforslag 2022 med fordelingsnøgle"),
        Label("Drøftelser"),
        P("Der var ønske om at se konsekvenserne af den nye fordelingsnøgle for hver kommune."),
        Label("Beslutning"),
        P("Punktet blev udsat til næste møde."),
        Item(*_C_ITEMS[5]),
        Label("Beslutningstema"),
        P("Fordeling af de resterende puljemidler for 2021."),
        Label("Beslutning"),
        P("Fordelingen blev ikke godkendt. Sekretariatet udarbejder et nyt forslag senest den "
          "1. september 2021."),
        Item(*_C_ITEMS[6]),
        Label("Beslutning"),
        P("Intet."),
    ],
    letterhead=["Klynge Vest · Sekretariatet"],
    page_label="Side {n} af {N}",
    expected=meeting(
        "dagsorden+referat", "Styregruppen for Det Nære Sundhedsvæsen – Klynge Vest",
        "2021-06-14",
        items=[
            it("1", "Godkendelse af dagsorden og referat"),
            it("2", "Status på akutfunktionen"),
            it("3", "Fælles kompetenceudvikling 2022"),
            it("4A", "Økonomi: Regnskab 2020"),
            it("4B", "Økonomi: Budget 2022"),
            it("4C", "Økonomi: Fordeling af puljemidler"),
            it("5", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Dagsorden og referat blev godkendt", "approved"),
            dec("2", "Styregruppen tog orienteringen til efterretning", "noted",
                body="Styregruppen"),
            dec("2", "Sekretariatet følger op med en status for bemandingen", "action"),
            dec("3", "Godkendt, dog således at beløbet fastsættes", "approved"),
            dec("4A", "Regnskabet blev taget til efterretning", "noted"),
            dec("4B", "Punktet blev udsat til næste møde", "postponed"),
            dec("4C", "Fordelingen blev ikke godkendt", "rejected"),
            dec("4C", "Sekretariatet udarbejder et nyt forslag", "action"),
            dec("5", "Intet.", "none"),
        ],
        actions=[
            act("2", "Sekretariatet", "følger op med en status for bemandingen"),
            act("4C", "Sekretariatet", "udarbejder et nyt forslag", "2021-09-01"),
        ],
        participants=[
            person("Hanne Bjerre", "Fjordby Kommune", role="formand"),
            person("Lars Kvist", "Bakkedal Kommune"),
            person("Mette Holt", "Hospitalsenhed Vest"),
            person("Jonas Friis", "Lyngså Kommune", absent=True),
            person("Camilla Due", "sekretariatet", role="referent"),
        ],
        attachments=[
            att("3", "Kompetenceplan 2022"),
            att("4A", "Regnskab 2020 for klyngesamarbejdet"),
            att("4B", "Budgetforslag 2022"),
        ],
        proposals=[
            prop("1", "At dagsordenen godkendes"),
            prop("3", "At styregruppen godkender forslaget til fælles kompetenceudvikling"),
            prop("4B", "At budget 2022 godkendes"),
        ],
        notes=(
            "Overview list ('Dagsorden:') on page 1, then every item again with labelled "
            "sections (Beslutningstema, Baggrund, Indstilling, Bilag, Drøftelser, Beslutning; "
            "bold, alone on their line, no colon). Overview and body use the same mixed number "
            "forms 1. 2) 3. 4A) 4B) 4C. 5. -> one item each, numbers normalised (4A, 4B, 4C). "
            "The Indstilling bullets 'At ...' are proposals, not decisions. 4C has a rejection "
            "and an action with an explicit due date. 'Jonas Friis ... (afbud)' is absent; "
            "Camilla Due is the referent (role). Item titles carry the 'Økonomi:' prefix as "
            "written."
        ),
    ),
)

# --- (3) "Referat – punkt N:" blocks, Word automatic numbering -----------------------------
fixture(
    name="punkt_blocks_autonumber",
    about="genre 3: 'Referat – punkt N:' blocks, Beslutning/Uddybning, numbered decisions, "
    "participants by organisation with '- afbud'; DOCX items are Word automatic numbering "
    "(via style and direct numPr), restarted lists inside items",
    blocks=[
        Title("Referat"),
        P("**Samarbejdsforum for Genoptræning – Område Nord**"),
        P("Tirsdag d. 23. nov. 2021 kl. 9.00 – 11.30"),
        P("Teams-møde"),
        Blank(),
        Item("1.", "Godkendelse af dagsorden (Formandskabet)", docx="style"),
        P("Dagsordenen er udsendt den 9. november 2021."),
        Label("Referat – punkt 1:", bold=False),
        P("Godkendt."),
        Item("2.", "Status på ventetider til genoptræning efter sundhedsloven (Sekretariatet)",
             docx="style"),
        P("Sekretariatet har samlet ventetiderne for 3. kvartal. Opgørelsen viser tre "
          "forhold:"),
        Numbered([
            "Ventetiden i Bakkedal er steget til syv uger.",
            "Ventetiden i Fjordby er uændret.",
            "Kommunerne opgør ventetid forskelligt.",
        ]),
        P("Indstilling:"),
        P("Det indstilles, at samarbejdsforum:"),
        Numbered([
            "Tager orienteringen til efterretning.",
            "Drøfter en fælles opgørelsesmetode.",
        ]),
        P("Bilag vedlagt:"),
        Bullets(["Opgørelse af ventetider 3. kvartal 2021"], marker="-"),
        Label("Referat – punkt 2:", bold=False),
        P("Beslutning:"),
        Numbered([
            "Samarbejdsforum tager orienteringen til efterretning.",
            "Samarbejdsforum besluttede at anvende en fælles opgørelsesmetode fra 1. januar "
            "2022.",
        ]),
        P("Uddybning:"),
        P("Jesper Nørgaard udarbejder et udkast til opgørelsesmetoden og tilbagemelder på "
          "næste møde."),
        Item("3.", "Udskrivning af borgere med komplekse for{-}løb (Hospitalet)", docx="style"),
        P("Hospitalet oplever, at udskrivningen af borgere med flere samtidige diagnoser "
          "forsinkes, fordi genoptræningsplanen først sendes på udskrivningsdagen."),
        Label("Referat – punkt 3:", bold=False),
        P("Beslutning:"),
        Numbered(["Punktet genoptages på næste møde, hvor hospitalet fremlægger data."],
                 list_id="d3"),
        P("Uddybning:"),
        P("Der var enighed om, at data skal opdeles på kommuner og diagnosegrupper."),
        Numbered(["Sekretariatet indkalder til et ekstra møde i januar om de konkrete "
                  "forløb."], list_id="d3"),
        PageBreak(),
        Item("4.", "Samarbejdsaftale om hjælpemidler – revision", docx="direct"),
        P("Arbejdsgruppen har revideret aftalen. De væsentligste ændringer er:"),
        Numbered([
            "Ansvaret for akutte hjælpemidler ved udskrivning præciseres.",
            "Der indføres en fælles kontaktliste.",
        ], numfmt="lowerLetter", fmt="{n})"),
        P("Bilag vedlagt:"),
        Bullets(["Samarbejdsaftale om hjælpemidler, udkast til revision"], marker="-"),
        Label("Referat – punkt 4:", bold=False),
        P("Beslutning:"),
        P("Revisionen oversendes til Klyngestyregruppen Nord til godkendelse."),
        Item("5.", "Orientering fra kommuner og hospital (Fast punkt)", docx="direct"),
        Label("Referat – punkt 5:", bold=False),
        P("Intet."),
        Item("6.", "Eventuelt", docx="direct"),
        Label("Referat – punkt 6:", bold=False),
        P("Ingen bemærkninger."),
        Blank(),
        P("**Deltagere i samarbejdsforum:**"),
        P("Bakkedal Kommune:"),
        Bullets([
            "Jesper Nørgaard – Leder af Træningsenheden (kommunal medformand)",
            "Birthe Lauridsen – Ergoterapeut, Træningsenheden - afbud",
            "Nikolaj Holm – Visitator",
        ], marker="-"),
        P("Fjordby Kommune:"),
        Bullets([
            "Rikke Dam – Sundhedskonsulent",
            "Anders Krogh – Centerchef for Sundhed og Omsorg - afbud",
        ], marker="-"),
        P("Hospitalet Nord:"),
        Bullets([
            "Helle Vinther – Oversygeplejerske (medformand) - mødeleder",
            "Kim Søgaard – Fysioterapeut, koordinator (sekretær for samarbejdsforum)",
        ], marker="-"),
    ],
    page_label="Side {n} af {N}",
    expected=meeting(
        "referat", "Samarbejdsforum for Genoptræning – Område Nord", "2021-11-23",
        items=[
            it("1", "Godkendelse af dagsorden (Formandskabet)"),
            it("2", "Status på ventetider til genoptræning efter sundhedsloven (Sekretariatet)"),
            it("3", "Udskrivning af borgere med komplekse forløb (Hospitalet)"),
            it("4", "Samarbejdsaftale om hjælpemidler – revision"),
            it("5", "Orientering fra kommuner og hospital (Fast punkt)"),
            it("6", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Samarbejdsforum tager orienteringen til efterretning", "noted",
                body="Samarbejdsforum"),
            dec("2", "besluttede at anvende en fælles opgørelsesmetode", "approved",
                body="Samarbejdsforum"),
            dec("2", "Jesper Nørgaard udarbejder et udkast til opgørelsesmetoden", "action"),
            dec("3", "Punktet genoptages på næste møde", "postponed"),
            dec("3", "Sekretariatet indkalder til et ekstra møde i januar", "action"),
            dec("4", "Revisionen oversendes til Klyngestyregruppen Nord", "referred"),
            dec("5", "Intet.", "none"),
            dec("6", "Ingen bemærkninger.", "none"),
        ],
        actions=[
            act("2", "Jesper Nørgaard", "udarbejder et udkast til opgørelsesmetoden"),
            act("3", "Sekretariatet", "indkalder til et ekstra møde i januar"),
        ],
        participants=[
            person("Jesper Nørgaard", "Bakkedal Kommune"),
            person("Birthe Lauridsen", "Bakkedal Kommune", absent=True),
            person("Nikolaj Holm", "Bakkedal Kommune"),
            person("Rikke Dam", "Fjordby Kommune"),
            person("Anders Krogh", "Fjordby Kommune", absent=True),
            person("Helle Vinther", "Hospitalet Nord"),
            person("Kim Søgaard", "Hospitalet Nord"),
        ],
        attachments=[
            att("2", "Opgørelse af ventetider 3. kvartal 2021"),
            att("4", "Samarbejdsaftale om hjælpemidler, udkast til revision"),
        ],
        proposals=[
            prop("2", "Tager orienteringen til efterretning"),
            prop("2", "Drøfter en fælles opgørelsesmetode"),
        ],
        notes=(
            "Agenda text of each item kept, with 'Referat – punkt N:' blocks (not bold) "
            "inserted; sub-blocks 'Beslutning:' and 'Uddybning:' as plain paragraphs. In the "
            "DOCX the item numbers are Word automatic numbering, not in the text: items 1-3 "
            "through the paragraph style 'Punktoverskrift' (style numPr), items 4-6 through "
            "direct numPr on the paragraph with the same numId (the count continues to 4). "
            "NOT items: the numbered lists inside items (each a separate Word list restarting "
            "at 1: the three findings and the Indstilling points in item 2, item 2's "
            "Beslutning 1./2., item 4's a)/b)), and item 3's Beslutning list, which continues "
            "from 1 to 2 across the Uddybning text (same numId). Decisions: one per numbered "
            "point plus the concrete tasks in Uddybning ('udarbejder ... og tilbagemelder på "
            "næste møde' -> action, due next meeting). Item 2's Indstilling points are "
            "proposals. Item 3's title is hyphenated at the line end in TXT/PDF "
            "('for-/løb'). Participants: grouped by organisation heading; '- afbud' -> "
            "absent; roles ('kommunal medformand', 'mødeleder', 'sekretær') are not part of "
            "the name. Date written with an abbreviated month 'nov.'."
        ),
    ),
)

# --- (4) notat ------------------------------------------------------------------------------
fixture(
    name="notat_anbefalinger",
    about="genre 4: notat to a committee, no meeting date, 'Anbefaling 6.' headings -> items []",
    blocks=[
        Title("NOTAT"),
        P("Til: Sundheds- og forebyggelsesudvalget"),
        P("Status på handleplan for mental sundhed – temadrøftelse 2"),
        Head("Baggrund"),
        P("Handleplanen for mental sundhed 2021-2024 blev vedtaget af byrådet den 3. marts "
          "2021. Det er besluttet, at udvalget drøfter planens ni anbefalinger over fire "
          "temamøder i 2021 og 2022. Dette notat giver status på anbefaling 6 til 8 forud for "
          "temadrøftelse 2."),
        Head("Temadrøftelse 2: Unge og ensomhed"),
        P("Temaet tager udgangspunkt i den seneste sundhedsprofil, hvor 14 procent af de 16-24-"
          "årige angiver, at de ofte føler sig alene."),
        Head("Status anbefaling 6.", level=2),
        P("Anbefaling 6 handler om at styrke samarbejdet med foreningslivet. Der er indgået "
          "aftaler med fem foreninger, og yderligere tre aftaler forventes på plads i "
          "efteråret 2021."),
        Head("Anbefaling 7.", level=2),
        P("Anbefaling 7 handler om tidlig opsporing i ungdomsuddannelserne. Initiativer der "
          "iværksættes i 2021:"),
        Numbered([
            "Uddannelse af trivselsambassadører på to gymnasier.",
            "Fast åben rådgivning én eftermiddag om ugen.",
        ], docx_auto=True),
        Head("Anbefaling 8.", level=2),
        P("Anbefaling 8 handler om digitale fællesskaber. Administrationens bud på mulige "
          "initiativer er et pilotprojekt med moderede onlinegrupper i samarbejde med en "
          "frivillig organisation."),
        Head("Tidsplan"),
        Table(
            widths=[70, 25, 25, 25],
            rows=[
                ["Tema", "Mar.", "Jun.", "Sep."],
                ["Børn og familier", "X", "", ""],
                ["Unge og ensomhed", "", "X", ""],
                ["Ældre og fællesskaber", "", "", "X"],
            ],
            txt="columns",
        ),
    ],
    expected=meeting(
        "notat", "Sundheds- og forebyggelsesudvalget", None,
        notes=(
            "A memo ('NOTAT', 'Til: Sundheds- og forebyggelsesudvalget') ahead of a theme "
            "discussion: forum = the addressee committee; no meeting date of its own (3 March "
            "2021 is when the plan was adopted, 'efteråret 2021' a plan). 'Status anbefaling "
            "6.', 'Anbefaling 7.', 'Anbefaling 8.' and 'Temadrøftelse 2:' are headings with "
            "recommendation/theme numbers, not agenda items; the 1./2. list in Anbefaling 7 is "
            "a list of initiatives -> items []. 'Det er besluttet, at udvalget drøfter ...' is "
            "background about an earlier decision, not a decision of a meeting -> decisions "
            "[]. The schedule table (Tema | Mar. | Jun. | Sep.) is not a participant list."
        ),
    ),
)

# --- (5) årsrapport ---------------------------------------------------------------------------
fixture(
    name="aarsrapport_netvaerk",
    about="genre 5: årsrapport with numbered sections 1. / 4.1 (DOCX: multilevel numbering "
    "through Heading styles), members table, planned meeting dates",
    blocks=[
        Title("Årsrapport 2021"),
        P("**Netværket for Rusmiddelbehandling Sydøst**"),
        P("Udarbejdet af netværkets koordinator, januar 2022"),
        Head("Indledning", number="1."),
        P("Netværket for Rusmiddelbehandling Sydøst samler ledere af rusmiddelbehandlingen i "
          "fem kommuner. Rapporten beskriver årets arbejde og fokusområderne for 2022."),
        Head("Formål og organisering", number="2."),
        P("Netværket skal styrke vidensdeling og sikre sammenhæng i behandlingstilbuddene på "
          "tværs af kommunegrænser. Formandskabet går på skift mellem kommunerne."),
        Head("Medlemmer", number="3."),
        Table(
            widths=[45, 45, 80],
            rows=[
                ["Navn", "Kommune", "E-mail"],
                ["Ida Rask", "Bakkedal Kommune", "ida.rask@bakkedal.example.dk"],
                ["Morten Lyhne", "Fjordby Kommune", "mly@fjordby.example.dk"],
                ["Susanne Aagaard", "Lyngså Kommune", "susa@lyngsaa.example.dk"],
                ["Henrik Toft", "Østervang Kommune", "henrik.toft@oestervang.example.dk"],
                ["Nadia Berg", "Kærby Kommune", "nb@kaerby.example.dk"],
            ],
            txt="columns",
        ),
        Head("Årets aktiviteter", number="4."),
        P("Netværket holdt fire møder i 2021: 4. marts, 3. juni, 16. september og 2. december."),
        Head("Temamøder", level=2, number="4.1"),
        P("Temamødet i juni handlede om unge med samtidig psykisk lidelse og rusmiddelbrug. "
          "Netværket besluttede på mødet at udarbejde en fælles guide, som udkommer i 2022."),
        Head("Kompetenceudvikling", level=2, number="4.2"),
        P("Tolv behandlere har gennemført et fælles kursus i motiverende samtale."),
        Head("Fokusområder og mødeplan for 2022", number="5."),
        Bullets([
            "Fælles guide om dobbeltdiagnoser",
            "Bedre overgange fra behandling til beskæftigelse",
        ]),
        P("Planlagte møder i 2022: torsdag den 10. marts, torsdag den 9. juni, torsdag den 29. "
          "september og torsdag den 8. december."),
    ],
    docx_heading_numbering=True,
    page_label="Side {n} af {N}",
    page_label_pos="footer",
    expected=meeting(
        "aarsrapport", "Netværket for Rusmiddelbehandling Sydøst", None,
        items=[
            it("1", "Indledning"),
            it("2", "Formål og organisering"),
            it("3", "Medlemmer"),
            it("4", "Årets aktiviteter"),
            it("5", "Fokusområder og mødeplan for 2022"),
        ],
        participants=[
            person("Ida Rask", "Bakkedal Kommune"),
            person("Morten Lyhne", "Fjordby Kommune"),
            person("Susanne Aagaard", "Lyngså Kommune"),
            person("Henrik Toft", "Østervang Kommune"),
            person("Nadia Berg", "Kærby Kommune"),
        ],
        notes=(
            "Annual report of a network: no meeting date (the four 2021 meeting dates and the "
            "planned 2022 dates are content, not the document's meeting) -> meeting_date null. "
            "Items = the top-level numbered sections 1.-5.; the subsections 4.1 and 4.2 belong "
            "to section 4 and are not items. In the DOCX all section numbers come from Word "
            "multilevel numbering attached to the Heading 1 / Heading 2 styles (style numPr, "
            "ilvl 1 for Heading 2), not from the text. Participants = the members table "
            "(name, kommune -> organisation; e-mail column ignored). 'Netværket besluttede på "
            "mødet at ...' in 4.1 reports an earlier decision -> decisions []."
        ),
    ),
)

# ============================================================================================
# Constructs (regression fixtures)
# ============================================================================================

fixture(
    name="hyphenation_line_ends",
    about="line-end hyphenation in TXT/PDF: fo-/kusområder joined; F-ACT, 2021-22, KKR-regi, "
    "'social- og' kept",
    blocks=[
        P("**Koordinationsgruppen for Socialområdet**"),
        P("Referat af møde onsdag d. 2. december 2020 kl. 14.00–16.00"),
        Blank(),
        Item("1.", "Godkendelse af dagsorden"),
        P("Godkendt."),
        Item("2.", "Opfølgning på fo{-}kusområder i Rammeaftale 2021-22"),
        P("Sekretariatet gennemgik status for de tre fokusområder i Rammeaftale 2021-{|}22. "
          "Der er særligt fremdrift på "
          "botilbudsområdet, hvor kommunerne har aftalt en fælles mo{-}del for "
          "kapacitetsopgørelse."),
        P("Beslutning: Koordinationsgruppen godkendte de tre fo{-}kusområder som ramme for "
          "arbejdet i 2021. Den videre drøftelse af økonomien oversendes til behandling i "
          "KKR-{|}regi."),
        Item("3.", "Samarbejde med social-{/}og sundhedsudvalget om F-ACT"),
        P("Regionen ønsker et tættere samarbejde om de nye F-{|}ACT-teams, og flere kommuner har "
          "allerede udpeget kontaktpersoner til tea{-}mene."),
        P("Beslutning: Sekretariatet inviterer formanden for social-{/}og sundhedsudvalget til "
          "næste møde."),
        Item("4.", "Styrket samarbejde om beskæftigelses{-}indsatsen for unge under 30 år"),
        P("Jobcentrene i Bakkedal og Lyngså orienterede om erfaringerne med en fælles "
          "ung{-}domsindsats."),
        P("Beslutning: Gruppen tog orienteringen om ung{-}domsindsatsen til efterretning."),
        Item("5.", "Eventuelt"),
        P("Intet."),
    ],
    page_label="Side {n} af {N}",
    expected=meeting(
        "referat", "Koordinationsgruppen for Socialområdet", "2020-12-02",
        items=[
            it("1", "Godkendelse af dagsorden"),
            it("2", "Opfølgning på fokusområder i Rammeaftale 2021-22"),
            it("3", "Samarbejde med social- og sundhedsudvalget om F-ACT"),
            it("4", "Styrket samarbejde om beskæftigelsesindsatsen for unge under 30 år"),
            it("5", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Koordinationsgruppen godkendte de tre fokusområder", "approved",
                body="Koordinationsgruppen"),
            dec("2", "oversendes til behandling i KKR-regi", "referred"),
            dec("3", "inviterer formanden for social- og sundhedsudvalget", "action"),
            dec("4", "tog orienteringen om ungdomsindsatsen til efterretning", "noted",
                body="Gruppen"),
            dec("5", "Intet.", "none"),
        ],
        actions=[
            act("3", "Sekretariatet", "inviterer formanden for social- og sundhedsudvalget"),
        ],
        notes=(
            "In the TXT and PDF, lines are broken where a PDF extraction breaks them: "
            "'fo-|kusområder', 'mo-|del', 'tea-|mene', 'ung-|domsindsats', 'beskæftigelses-|"
            "indsatsen' are one word each (join without the hyphen); 'Rammeaftale 2021-|22.', "
            "'KKR-|regi' and 'F-|ACT-teams' keep their hyphen (digit/upper-case before it), and "
            "'social-|og sundhedsudvalget' is the suspended hyphen (keep the hyphen, the break "
            "becomes a space). Item titles 2, 3 and 4 are themselves broken this way (one "
            "break each). In the "
            "DOCX and Markdown the words are whole. Labels are inline ('Beslutning: ...')."
        ),
    ),
)

fixture(
    name="dates_danish_forms",
    about="meeting date '15/5' with the year from the document; other date forms in the text "
    "(15.05.2020, 2020-06-19, 'den 6. marts 2020', 'FREDAG DEN 2. OKT.', 'jan.')",
    blocks=[
        P("Bakkedal Kommune · Kultur og Fritid"),
        P("Dato: 20.05.2020 · Sagsnr. 20/1187"),
        Blank(),
        Title("Referat fra møde i Koordinationsgruppen for Frivillighed"),
        P("Mødet blev holdt 15/5 kl. 10.00-12.00 i Frivillighuset, Bakkedal."),
        P("Til stede: Lise Bech, Anton Mørk, Yasmin Haddad, Gitte Sand"),
        Blank(),
        Item("1.", "Godkendelse af referat fra mødet den 6. marts 2020"),
        P("Referatet blev godkendt."),
        Item("2.", "Frivillighedsprisen 2020"),
        P("Evalueringen fra jan. 2020 viste, at prisen er kendt af for få. Indstillinger skal "
          "være modtaget senest 01.09.2020."),
        P("Gruppen vedtog kriterierne for Frivillighedsprisen 2020."),
        Item("3.", "Frivilligfesten FREDAG DEN 2. OKT. 2020"),
        P("Festen holdes i Bakkedalhallen. Lise Bech indhenter tilbud på telt senest den 2. "
          "juni."),
        Item("4.", "Næste møde"),
        P("Det blev aftalt at holde næste møde 2020-06-19 kl. 10.00 i Frivillighuset."),
    ],
    expected=meeting(
        "referat", "Koordinationsgruppen for Frivillighed", "2020-05-15",
        items=[
            it("1", "Godkendelse af referat fra mødet den 6. marts 2020"),
            it("2", "Frivillighedsprisen 2020"),
            it("3", "Frivilligfesten FREDAG DEN 2. OKT. 2020"),
            it("4", "Næste møde"),
        ],
        decisions=[
            dec("1", "Referatet blev godkendt", "approved"),
            dec("2", "Gruppen vedtog kriterierne for Frivillighedsprisen 2020", "approved",
                body="Gruppen"),
            dec("3", "Lise Bech indhenter tilbud på telt", "action"),
            dec("4", "Det blev aftalt at holde næste møde 2020-06-19", "approved"),
        ],
        actions=[
            act("3", "Lise Bech", "indhenter tilbud på telt senest den 2. juni", "2020-06-02"),
        ],
        participants=[
            person("Lise Bech"), person("Anton Mørk"), person("Yasmin Haddad"),
            person("Gitte Sand"),
        ],
        notes=(
            "The meeting date is only given as '15/5' ('Mødet blev holdt 15/5 kl. 10.00-12.00'); "
            "the year comes from the document (2020: letterhead date, item titles) -> "
            "2020-05-15. Traps: 'Dato: 20.05.2020' in the letterhead is the date the minutes "
            "were written, not the meeting; '6. marts 2020' (item 1 title), 'jan. 2020', "
            "'01.09.2020', 'FREDAG DEN 2. OKT. 2020' (item 3 title, upper case, abbreviated "
            "month) and '2020-06-19' (next meeting) are other dates. Action due 'senest den 2. "
            "juni' takes the meeting's year -> 2020-06-02. Decisions are prose without labels."
        ),
    ),
)

fixture(
    name="numbering_pkt_punkt_ad",
    about="item markers 'Pkt. 1' in the overview, 'Ad pkt. 1', 'Ad 2.', 'Punkt 3:', 'Ad punkt "
    "4 –', 'Ad 5' in the body; 1) list inside an item; title starting with 'Høring:'",
    blocks=[
        Title("Referat af ordinært møde i Ældrerådet"),
        P("Fjordby Kommune, den 8. september 2021 kl. 13.00 i Byrådssalen"),
        P("Til stede: Bodil Skov (formand), Poul Erik Hald, Inga Frost, Svend Aage Riis"),
        P("Afbud: Kirsten Ravn"),
        Blank(),
        P("Dagsorden:"),
        P("Pkt. 1 Godkendelse af dagsorden"),
        P("Pkt. 2 Meddelelser fra formanden"),
        P("Pkt. 3 Høring: Kvalitetsstandard for hjemmepleje 2022"),
        P("Pkt. 4 Valg til Ældrerådet 2021"),
        P("Pkt. 5 Eventuelt"),
        Blank(),
        Item("Ad pkt. 1", "Godkendelse af dagsorden"),
        P("Godkendt."),
        Item("Ad 2.", "Meddelelser fra formanden"),
        P("Formanden orienterede om mødet med borgmesteren den 25. august. Orienteringen blev "
          "taget til efterretning."),
        Item("Punkt 3:", "Høring: Kvalitetsstandard for hjemmepleje 2022"),
        P("Ældrerådet gennemgik udkastet og havde følgende bemærkninger:"),
        Numbered([
            "Tildelingen af rengøring hver 14. dag bør fastholdes.",
            "Borgerne skal have besked, når hjælpen aflyses.",
            "Klagevejledningen skal stå forrest i pjecen.",
        ], fmt="{n})"),
        P("Ældrerådet vedtog høringssvaret med de nævnte bemærkninger. Formanden sender "
          "høringssvaret til forvaltningen senest den 15. september."),
        Item("Ad punkt 4 –", "Valg til Ældrerådet 2021"),
        P("Valget holdes som fremmødevalg og brevstemmer. Valgbestyrelsen følger op på "
          "annonceringen i lokalavisen."),
        Item("Ad 5", "Eventuelt"),
        P("Intet."),
    ],
    expected=meeting(
        "referat", "Ældrerådet", "2021-09-08",
        items=[
            it("1", "Godkendelse af dagsorden"),
            it("2", "Meddelelser fra formanden"),
            it("3", "Høring: Kvalitetsstandard for hjemmepleje 2022"),
            it("4", "Valg til Ældrerådet 2021"),
            it("5", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Orienteringen blev taget til efterretning", "noted"),
            dec("3", "Ældrerådet vedtog høringssvaret", "approved", body="Ældrerådet"),
            dec("3", "Formanden sender høringssvaret til forvaltningen", "action"),
            dec("4", "Valgbestyrelsen følger op på annonceringen", "action"),
            dec("5", "Intet.", "none"),
        ],
        actions=[
            act("3", "Formanden", "sender høringssvaret til forvaltningen", "2021-09-15"),
            act("4", "Valgbestyrelsen", "følger op på annonceringen"),
        ],
        participants=[
            person("Bodil Skov", role="formand"),
            person("Poul Erik Hald"),
            person("Inga Frost"),
            person("Svend Aage Riis"),
            person("Kirsten Ravn", absent=True),
        ],
        notes=(
            "Overview 'Pkt. 1' ... 'Pkt. 5', body 'Ad pkt. 1', 'Ad 2.', 'Punkt 3:', 'Ad punkt "
            "4 –', 'Ad 5' (one secretary, several habits) -> numbers 1-5, overview and body "
            "merged. Item 3's title begins with 'Høring:' (also a section label) - it is the "
            "title, not a section. The 1) 2) 3) list in item 3 are remarks, not items. Forum "
            "'Ældrerådet' (of Fjordby Kommune). Date 'den 8. september 2021'."
        ),
    ),
)

fixture(
    name="inline_labels",
    about="section labels inline and alone, bold or not, with colon, without, with dash; "
    "label words in prose that are not labels",
    blocks=[
        P("**Styregruppen for Digital Velfærd**"),
        P("Referat"),
        P("Dato: 07.10.2021 kl. 15.00–16.30"),
        P("Sted: Lyngså Rådhus, lokale 1.14"),
        P("Deltagere: Anne Winther (formand), Jonas Weber, Katrine Dahl, Michael Bro"),
        P("Afbud: Sofie Ravn"),
        Blank(),
        Item("1.", "Godkendelse af referat fra 2. september 2021"),
        P("Beslutning: Styregruppen godkendte referatet."),
        Item("2.", "Velfærdsteknologisk vurdering af skærmbesøg"),
        P("**Baggrund:** Der er gennemført en vurdering af skærmbesøg i hjemmeplejen i tre "
          "distrikter. Baggrunden for punktet er, at leverandøraftalen udløber i 2022."),
        P("**Beslutning** Styregruppen tiltrådte, at skærmbesøg udbredes til alle distrikter "
          "fra 1. april 2022."),
        Item("3.", "Fælles indkøb af medicinhuskere"),
        P("Sagsfremstilling – Der er indhentet tilbud fra tre leverandører. Beslutningen om det "
          "endelige indkøb træffes i direktørkredsen."),
        P("Økonomi: Udgiften finansieres af puljen til velfærdsteknologi."),
        P("Beslutning: Punktet udsættes. Jonas Weber indhenter sammenlignelige tilbud til mødet "
          "i november."),
        Item("4.", "Høring om ny digitaliseringsstrategi"),
        P("Høring: Strategien er i høring frem til 1. november 2021."),
        P("Beslutning – Styregruppen besluttede at afgive et fælles høringssvar."),
        Item("5.", "Eventuelt"),
        P("**Beslutning:** Intet at bemærke."),
    ],
    expected=meeting(
        "referat", "Styregruppen for Digital Velfærd", "2021-10-07",
        items=[
            it("1", "Godkendelse af referat fra 2. september 2021"),
            it("2", "Velfærdsteknologisk vurdering af skærmbesøg"),
            it("3", "Fælles indkøb af medicinhuskere"),
            it("4", "Høring om ny digitaliseringsstrategi"),
            it("5", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Styregruppen godkendte referatet", "approved", body="Styregruppen"),
            dec("2", "Styregruppen tiltrådte, at skærmbesøg udbredes", "approved",
                body="Styregruppen"),
            dec("3", "Punktet udsættes", "postponed"),
            dec("3", "Jonas Weber indhenter sammenlignelige tilbud", "action"),
            dec("4", "Styregruppen besluttede at afgive et fælles høringssvar", "approved",
                body="Styregruppen"),
            dec("5", "Intet at bemærke", "none"),
        ],
        actions=[
            act("3", "Jonas Weber", "indhenter sammenlignelige tilbud til mødet i november"),
        ],
        participants=[
            person("Anne Winther", role="formand"),
            person("Jonas Weber"),
            person("Katrine Dahl"),
            person("Michael Bro"),
            person("Sofie Ravn", absent=True),
        ],
        notes=(
            "Labels inline at the start of a paragraph in every style: 'Beslutning: ...' "
            "(plain, colon), '**Baggrund:** ...' (bold with colon), '**Beslutning** ...' (bold, "
            "no colon), 'Sagsfremstilling – ...' and 'Beslutning – ...' (dash), 'Økonomi:', "
            "'Høring:'. Not labels: 'Baggrunden for punktet er ...', 'Beslutningen om det "
            "endelige indkøb træffes i direktørkredsen' (prose; not a decision of this "
            "meeting). Date '07.10.2021'. 'Styregruppen' is the deciding body of the approved "
            "decisions."
        ),
    ),
)

fixture(
    name="page_furniture",
    about="letterhead on every page, 'Side 2 af 3 sider', bare URL and mailto: lines, form "
    "feeds; a decision sentence broken by a page break",
    blocks=[
        Title("Referat fra møde i Handicaprådet"),
        P("Onsdag den 10. marts 2021 kl. 16.00-18.00 i mødelokale 3"),
        P("Til stede: Jytte Balle (formand, DH Fjordby), Kasper Brandt (DH Fjordby), Aase "
          "Hjort (byrådet), Malthe Ilsøe (forvaltningen)"),
        P("Afbud: Rasmus Krag (byrådet)"),
        Blank(),
        Item("1.", "Godkendelse af dagsorden"),
        P("Dagsordenen blev godkendt."),
        Item("2.", "Orientering om tilgængelighed på stationen"),
        P("Forvaltningen orienterede om ombygningen af stationen, der afsluttes i 2022. Der "
          "etableres ledelinjer og en ny elevator."),
        P("Handicaprådet tog orienteringen til efterretning."),
        Only(("txt",), [P("https://www.fjordby.example.dk/tilgaengelighed")]),
        PageBreak(),
        Item("3.", "Høringssvar om kvalitetsstandard for ledsagelse"),
        P("Rådet havde forinden modtaget udkastet til kvalitetsstandarden. Der var bred "
          "enighed om, at timetallet for unge skal hæves, og at reglerne for kørsel skal "
          "beskrives tydeligere."),
        P("Handicaprådet godkendte høringssvaret{page}med de tilføjelser, der fremkom på "
          "mødet. Sekretæren sender det til Social- og Sundhedsudvalget."),
        Only(("txt",), [P("mailto:handicapraad@fjordby.example.dk")]),
        Item("4.", "Temamøde om boliger for voksne med handicap"),
        P("Punktet tages op på næste møde, når boligplanen foreligger."),
        Item("5.", "Eventuelt"),
        P("Intet."),
        Blank(),
        P("Referent: Malthe Ilsøe"),
    ],
    letterhead=["FJORDBY KOMMUNE", "Social og Sundhed · Torvet 1 · www.fjordby.example.dk"],
    page_label="Side {n} af {N} sider",
    page_label_pos="footer",
    txt_formfeed=True,
    expected=meeting(
        "referat", "Handicaprådet", "2021-03-10",
        items=[
            it("1", "Godkendelse af dagsorden"),
            it("2", "Orientering om tilgængelighed på stationen"),
            it("3", "Høringssvar om kvalitetsstandard for ledsagelse"),
            it("4", "Temamøde om boliger for voksne med handicap"),
            it("5", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Dagsordenen blev godkendt", "approved"),
            dec("2", "Handicaprådet tog orienteringen til efterretning", "noted",
                body="Handicaprådet"),
            dec("3", "Handicaprådet godkendte høringssvaret med de tilføjelser", "approved",
                body="Handicaprådet"),
            dec("3", "Sekretæren sender det til Social- og Sundhedsudvalget", "action"),
            dec("4", "Punktet tages op på næste møde", "postponed"),
            dec("5", "Intet.", "none"),
        ],
        actions=[
            act("3", "Sekretæren", "sender det til Social- og Sundhedsudvalget"),
        ],
        participants=[
            person("Jytte Balle", "DH Fjordby", role="formand"),
            person("Kasper Brandt", "DH Fjordby"),
            person("Aase Hjort", "byrådet"),
            person("Malthe Ilsøe", "forvaltningen", role="referent"),
            person("Rasmus Krag", "byrådet", absent=True),
        ],
        notes=(
            "Three pages, each with the letterhead 'FJORDBY KOMMUNE' / 'Social og Sundhed · "
            "Torvet 1 · www.fjordby.example.dk' (DOCX: in the section header) and the footer "
            "'Side N af 3 sider'. The TXT separates pages with form feeds and has a bare URL "
            "line (end of item 2) and a 'mailto:' line (item 3) as extraction artefacts: not "
            "text of the items. Item 3's decision sentence 'Handicaprådet godkendte "
            "høringssvaret | med de tilføjelser ...' is broken by the page break (in TXT and "
            "PDF the footer and the next letterhead sit in the middle of it) and must be "
            "rejoined. The sending to Social- og Sundhedsudvalget is a task of the secretary "
            "(action), not a referral of the matter. Malthe Ilsøe is both participant and "
            "referent."
        ),
    ),
)

fixture(
    name="prose_decisions",
    about="decisions in prose without labels (generalforsamling): 'Regnskabet blev godkendt', "
    "'Enstemmigt vedtaget', 'forkastet', elections",
    blocks=[
        Title("Referat af ordinær generalforsamling i Grundejerforeningen Kildebakken"),
        P("Generalforsamlingen blev afholdt tirsdag den 20. april 2021 kl. 19.30 i "
          "Kildebakkehuset. 31 af foreningens 58 husstande var repræsenteret."),
        Item("1.", "Valg af dirigent"),
        P("Bestyrelsen foreslog Jørgen Krag, som blev valgt. Dirigenten konstaterede, at "
          "generalforsamlingen var lovligt indkaldt."),
        Item("2.", "Bestyrelsens beretning"),
        P("Formanden Tove Ladefoged fremlagde beretningen. Året har været præget af "
          "vejarbejdet på Kildevej og den nye aftale om snerydning. Beretningen blev taget "
          "til efterretning."),
        Item("3.", "Forelæggelse af regnskab"),
        P("Kassereren gennemgik regnskabet, der viser et overskud på 12.400 kr. Regnskabet blev "
          "godkendt."),
        Item("4.", "Indkomne forslag"),
        P("a) Forslag fra nr. 14 om fartbump på Kildevej. Efter en kort debat blev forslaget "
          "forkastet med 12 stemmer mod 19."),
        P("b) Bestyrelsens forslag om en fælles hækhøjde på 1,8 m. Enstemmigt vedtaget."),
        Item("5.", "Fastsættelse af kontingent"),
        P("Bestyrelsen foreslog, at kontingentet fastholdes på 1.200 kr. årligt, hvilket blev "
          "vedtaget."),
        Item("6.", "Valg til bestyrelsen"),
        P("Tove Ladefoged og Erik Steen blev genvalgt. Pia Mose blev nyvalgt som suppleant."),
        Item("7.", "Eventuelt"),
        P("Der blev spurgt til vedligeholdelsen af legepladsen. Bestyrelsen undersøger "
          "muligheden for en fælles aftale med en entreprenør."),
        Blank(),
        P("Referent: Lene Tofte"),
    ],
    expected=meeting(
        "referat", "Grundejerforeningen Kildebakken", "2021-04-20",
        items=[
            it("1", "Valg af dirigent"),
            it("2", "Bestyrelsens beretning"),
            it("3", "Forelæggelse af regnskab"),
            it("4", "Indkomne forslag"),
            it("5", "Fastsættelse af kontingent"),
            it("6", "Valg til bestyrelsen"),
            it("7", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Bestyrelsen foreslog Jørgen Krag, som blev valgt", "approved"),
            dec("2", "Beretningen blev taget til efterretning", "noted"),
            dec("3", "Regnskabet blev godkendt", "approved"),
            dec("4", "blev forslaget forkastet med 12 stemmer mod 19", "rejected"),
            dec("4", "Enstemmigt vedtaget", "approved"),
            dec("5", "kontingentet fastholdes på 1.200 kr. årligt, hvilket blev vedtaget",
                "approved"),
            dec("6", "Tove Ladefoged og Erik Steen blev genvalgt", "approved"),
            dec("6", "Pia Mose blev nyvalgt som suppleant", "approved"),
            dec("7", "Bestyrelsen undersøger muligheden for en fælles aftale", "action"),
        ],
        actions=[
            act("7", "Bestyrelsen", "undersøger muligheden for en fælles aftale"),
        ],
        participants=[person("Lene Tofte", role="referent")],
        notes=(
            "No section labels: every decision is a sentence in the item's prose ('som blev "
            "valgt', 'blev taget til efterretning', 'Regnskabet blev godkendt', 'blev "
            "forslaget forkastet', 'Enstemmigt vedtaget', 'hvilket blev vedtaget', 'blev "
            "genvalgt') -> one decision per sentence; elections count as approved. Item 4's "
            "a)/b) are two proposals with their outcome, not items. '31 af foreningens 58 "
            "husstande var repræsenteret' is a count of households, not persons -> no "
            "attendance_count. Only the referent is named as a participant (Tove Ladefoged, "
            "Jørgen Krag etc. are mentioned, not listed)."
        ),
    ),
)

fixture(
    name="prior_body_decisions",
    about="dated decisions of other bodies inside items ('Beslutning i Børne- og "
    "Skoleudvalget den 19-01-2022') vs. this meeting's own, written the same way",
    blocks=[
        P("Fjordby Kommune"),
        Title("Referat – Økonomiudvalget"),
        P("Mødedato: Onsdag den 2. februar 2022"),
        P("Mødetidspunkt: 16:00"),
        P("Mødested: Udvalgsværelse 1"),
        P("Medlemmer: Karen Lykke (A), formand; Bent Vester (V); Nadia Sørensen (F); Ib "
          "Holmgaard (V); Per Kjær (C)"),
        P("Fraværende: Ib Holmgaard (V)"),
        Blank(),
        Item("1.", "Godkendelse af dagsorden"),
        P("Beslutning i Økonomiudvalget den 02-02-2022:"),
        P("Godkendt."),
        Item("2.", "Anlægsbevilling til ny daginstitution i Kærby"),
        P("Sagsnr.: 22/00417"),
        Label("Resumé"),
        P("Der søges om anlægsbevilling til opførelse af en daginstitution med plads til 120 "
          "børn."),
        Label("Indstilling"),
        P("Børne- og Skoleforvaltningen indstiller, at der gives en anlægsbevilling på 24,5 "
          "mio. kr."),
        P("**Beslutning i Børne- og Skoleudvalget den 19-01-2022:**"),
        P("Anbefales."),
        P("**Beslutning i Økonomiudvalget den 02-02-2022:**"),
        P("Anbefales over for Byrådet."),
        Item("3.", "Forlængelse af rammeaftale om rengøring"),
        Label("Sagsfremstilling"),
        P("Rammeaftalen udløber 30. april 2022 og kan forlænges i op til 24 måneder."),
        P("**Teknik- og Miljøudvalgets beslutning den 12-01-2022:**"),
        P("Indstillingen tiltrådt."),
        P("**Beslutning i Økonomiudvalget den 02-02-2022:**"),
        P("Godkendt."),
        Item("4.", "Budgetopfølgning pr. 31. december 2021"),
        P("Punktet var udsat fra sidste møde."),
        P("**Beslutning i Økonomiudvalget den 08-12-2021:**"),
        P("Udsat."),
        P("**Beslutning i Økonomiudvalget den 02-02-2022:**"),
        P("Taget til efterretning."),
        Item("5.", "Meddelelser"),
        P("**Beslutning i Økonomiudvalget den 02-02-2022:**"),
        P("Orienteringen blev taget til efterretning."),
    ],
    page_label="Side {n} af {N}",
    expected=meeting(
        "referat", "Økonomiudvalget", "2022-02-02",
        items=[
            it("1", "Godkendelse af dagsorden"),
            it("2", "Anlægsbevilling til ny daginstitution i Kærby"),
            it("3", "Forlængelse af rammeaftale om rengøring"),
            it("4", "Budgetopfølgning pr. 31. december 2021"),
            it("5", "Meddelelser"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Anbefales over for Byrådet", "referred", body="Økonomiudvalget"),
            dec("3", "Godkendt.", "approved"),
            dec("4", "Taget til efterretning", "noted", body="Økonomiudvalget"),
            dec("5", "Orienteringen blev taget til efterretning", "noted"),
        ],
        participants=[
            person("Karen Lykke", "A", role="formand"),
            person("Bent Vester", "V"),
            person("Nadia Sørensen", "F"),
            person("Ib Holmgaard", "V", absent=True),
            person("Per Kjær", "C"),
        ],
        prior_decisions=[
            prior("2", "Anbefales.", "2022-01-19", "Børne- og Skoleudvalget"),
            prior("3", "Indstillingen tiltrådt", "2022-01-12", "Teknik- og Miljøudvalget"),
            prior("4", "Udsat.", "2021-12-08", "Økonomiudvalget"),
        ],
        proposals=[prop("2", "indstiller, at der gives en anlægsbevilling")],
        notes=(
            "A committee's minutes in the style of municipal agenda systems: every decision "
            "is headed 'Beslutning i <udvalg> den DD-MM-YYYY:'. This meeting's own decisions "
            "are those of Økonomiudvalget dated 02-02-2022 (the meeting date). Prior "
            "decisions, kept apart: Børne- og Skoleudvalget 19-01-2022 'Anbefales.' (item 2), "
            "'Teknik- og Miljøudvalgets beslutning den 12-01-2022' (item 3, the genitive "
            "form), and the same committee's own earlier 'Udsat.' of 08-12-2021 (item 4: same "
            "body, different date -> prior, not a postponement today). Item 2's own decision "
            "'Anbefales over for Byrådet' sends the matter on -> referred. Members with party "
            "letters in parentheses (organisation = the letter); 'Fraværende:' -> absent. "
            "'Sagsnr.: 22/00417' is the case number of item 2."
        ),
    ),
)

fixture(
    name="proposal_vs_decision",
    about="proposals that look like decisions (Beslutningspunkter / 'Det indstilles, at') vs. "
    "'Indstillingen godkendt' / 'Indstillingen følges' / 'Ikke godkendt' / 'Udsat'",
    blocks=[
        P("**Koordinationsudvalget for Børn og Unge**"),
        P("Referat af møde den 27. maj 2020"),
        Blank(),
        Item("1.", "Fælles retningslinjer for underretninger"),
        P("Retningslinjerne er udarbejdet af en arbejdsgruppe med deltagelse fra alle tre "
          "kommuner."),
        P("Beslutningspunkter:"),
        P("Det indstilles, at koordinationsudvalget"),
        Bullets([
            "godkender de fælles retningslinjer",
            "beder sekretariatet om at udarbejde en kommunikationsplan",
        ]),
        P("Beslutning:"),
        P("Indstillingen godkendt."),
        Item("2.", "Tidlig indsats i dagtilbud"),
        P("Indstilling:"),
        P("Forvaltningen indstiller, at udvalget drøfter modellen og godkender, at den afprøves "
          "i to dagtilbud."),
        P("Beslutning:"),
        P("Indstillingen følges."),
        Item("3.", "Ansøgning om midler fra puljen til bedre normeringer"),
        P("Det indstilles, at ansøgningen godkendes."),
        P("Beslutning:"),
        P("Ikke godkendt. Udvalget ønsker en ansøgning, der omfatter alle tre kommuner."),
        Item("4.", "Evaluering af sommerferieaktiviteter"),
        P("Det indstilles, at evalueringen tages til efterretning."),
        P("Beslutning:"),
        P("Udsat til mødet i august."),
        Item("5.", "Orientering om ny lovgivning"),
        P("Beslutning:"),
        P("Til orientering."),
    ],
    expected=meeting(
        "referat", "Koordinationsudvalget for Børn og Unge", "2020-05-27",
        items=[
            it("1", "Fælles retningslinjer for underretninger"),
            it("2", "Tidlig indsats i dagtilbud"),
            it("3", "Ansøgning om midler fra puljen til bedre normeringer"),
            it("4", "Evaluering af sommerferieaktiviteter"),
            it("5", "Orientering om ny lovgivning"),
        ],
        decisions=[
            dec("1", "Indstillingen godkendt", "approved"),
            dec("2", "Indstillingen følges", "approved"),
            dec("3", "Ikke godkendt", "rejected"),
            dec("4", "Udsat til mødet i august", "postponed"),
            dec("5", "Til orientering", "noted"),
        ],
        proposals=[
            prop("1", "godkender de fælles retningslinjer"),
            prop("1", "beder sekretariatet om at udarbejde en kommunikationsplan"),
            prop("2", "Forvaltningen indstiller, at udvalget drøfter modellen"),
            prop("3", "Det indstilles, at ansøgningen godkendes"),
            prop("4", "Det indstilles, at evalueringen tages til efterretning"),
        ],
        notes=(
            "'Beslutningspunkter:' (item 1) is a list of proposals despite its name; 'Det "
            "indstilles, at ...' and 'Forvaltningen indstiller, at ...' are proposals whose "
            "wording contains decision words ('godkendes', 'tages til efterretning') -> never "
            "decisions. The decisions are under 'Beslutning:': 'Indstillingen godkendt' and "
            "'Indstillingen følges' approve the proposal (refers_to_proposal), 'Ikke godkendt' "
            "is a rejection (its second sentence is the reason, part of the same decision), "
            "'Udsat til mødet i august' postponed, 'Til orientering' noted. Date 'den 27. maj "
            "2020'."
        ),
    ),
)

fixture(
    name="closed_items",
    about="closed items: 'Lukket punkt' line, 'Fortroligt', 'Personpunkt:' in the title; "
    "'lukket' in prose is not a marker",
    blocks=[
        P("Lyngså Kommune"),
        Title("Referat – Socialudvalget"),
        P("Torsdag den 18. november 2021 kl. 15.00"),
        Blank(),
        Item("1.", "Godkendelse af dagsorden"),
        P("Beslutning: Godkendt."),
        Item("2.", "Klagesag vedrørende bevilling af ledsagelse"),
        P("Lukket punkt"),
        P("Beslutning: Udvalget tog orienteringen til efterretning."),
        Item("3.", "Personalesag"),
        P("Fortroligt – behandles for lukkede døre."),
        P("Beslutning: Godkendt."),
        Item("4.", "Kvalitetsstandard for bostøtte 2022"),
        P("Tilbuddet Solsikken er lukket for nye indskrivninger frem til sommer, og "
          "kvalitetsstandarden tager højde for ventetiden."),
        P("Beslutning: Kvalitetsstandarden blev godkendt."),
        Item("5.", "Personpunkt: Dispensation fra egenbetaling"),
        P("Beslutning: Tiltrådt."),
        Item("6.", "Eventuelt"),
        P("Beslutning: Intet."),
    ],
    expected=meeting(
        "referat", "Socialudvalget", "2021-11-18",
        items=[
            it("1", "Godkendelse af dagsorden", closed=False),
            it("2", "Klagesag vedrørende bevilling af ledsagelse", closed=True),
            it("3", "Personalesag", closed=True),
            it("4", "Kvalitetsstandard for bostøtte 2022", closed=False),
            it("5", "Dispensation fra egenbetaling", closed=True),
            it("6", "Eventuelt", closed=False),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Udvalget tog orienteringen til efterretning", "noted", body="Udvalget"),
            dec("3", "Godkendt.", "approved"),
            dec("4", "Kvalitetsstandarden blev godkendt", "approved"),
            dec("5", "Tiltrådt.", "approved"),
            dec("6", "Intet.", "none"),
        ],
        notes=(
            "Closed items marked three ways: a line 'Lukket punkt' under the title (item 2), "
            "'Fortroligt – behandles for lukkede døre.' (item 3), and 'Personpunkt:' at the "
            "start of the title (item 5): a closed-item marker is not part of the title (the "
            "title is 'Dispensation fra egenbetaling', closed carries the marker), unlike "
            "topical prefixes such as 'Økonomi:' or 'Høring:' elsewhere. Item 4 says 'er "
            "lukket for nye indskrivninger' - prose, not a marker -> not closed. Closed "
            "items still carry their decisions (the public minutes give the outcome)."
        ),
    ),
)

fixture(
    name="several_meetings_one_file",
    about="three meetings of one board in one file (one with no page break before it)",
    blocks=[
        Title("Referater 2019 – Bestyrelsen for Frivilligcenter Østervang"),
        Head("Bestyrelsesmøde 12. februar 2019"),
        P("Til stede: Hans Bruun (formand), Dorthe Kvist, Ali Demir"),
        P("Afbud: Maren Lind"),
        Item("1.", "Godkendelse af referat"),
        P("Referatet blev godkendt."),
        Item("2.", "Årsregnskab 2018"),
        P("Regnskabet blev godkendt og underskrevet."),
        Item("3.", "Ny hjemmeside"),
        P("Ali Demir indhenter tilbud fra to webbureauer til næste møde."),
        Item("4.", "Eventuelt"),
        P("Intet."),
        Blank(),
        Head("Bestyrelsesmøde 7. maj 2019"),
        P("Til stede: Hans Bruun (formand), Dorthe Kvist, Ali Demir, Maren Lind"),
        Item("1.", "Godkendelse af referat"),
        P("Referatet blev godkendt."),
        Item("2.", "Ny hjemmeside"),
        P("Der er modtaget to tilbud. Beslutningen blev udsat, da bestyrelsen ønsker at se "
          "eksempler på bureauernes arbejde."),
        Item("3.", "Frivilligfest"),
        P("Festen holdes den 6. september. Dorthe Kvist og Maren Lind står for planlægningen."),
        PageBreak(),
        Head("Bestyrelsesmøde 3. september 2019"),
        P("Til stede: Hans Bruun (formand), Dorthe Kvist, Maren Lind"),
        P("Afbud: Ali Demir"),
        Item("1.", "Godkendelse af referat"),
        P("Referatet blev godkendt."),
        Item("2.", "Ny hjemmeside"),
        P("Bestyrelsen valgte tilbuddet fra det lokale bureau. Den nye hjemmeside skal være "
          "klar til nytår."),
        Item("3.", "Budget 2020"),
        P("Budgettet blev vedtaget med en mindre justering af aktivitetspuljen."),
        Item("4.", "Eventuelt"),
        P("Intet."),
    ],
    page_label="Side {n} af {N}",
    expected={
        "meetings": [
            meeting(
                "referat", "Bestyrelsen for Frivilligcenter Østervang", "2019-02-12",
                items=[it("1", "Godkendelse af referat"), it("2", "Årsregnskab 2018"),
                       it("3", "Ny hjemmeside"), it("4", "Eventuelt")],
                decisions=[
                    dec("1", "Referatet blev godkendt", "approved"),
                    dec("2", "Regnskabet blev godkendt og underskrevet", "approved"),
                    dec("3", "Ali Demir indhenter tilbud fra to webbureauer", "action"),
                    dec("4", "Intet.", "none"),
                ],
                actions=[act("3", "Ali Demir", "indhenter tilbud fra to webbureauer")],
                participants=[
                    person("Hans Bruun", role="formand"), person("Dorthe Kvist"),
                    person("Ali Demir"), person("Maren Lind", absent=True),
                ],
            ),
            meeting(
                "referat", "Bestyrelsen for Frivilligcenter Østervang", "2019-05-07",
                items=[it("1", "Godkendelse af referat"), it("2", "Ny hjemmeside"),
                       it("3", "Frivilligfest")],
                decisions=[
                    dec("1", "Referatet blev godkendt", "approved"),
                    dec("2", "Beslutningen blev udsat", "postponed"),
                    dec("3", "Dorthe Kvist og Maren Lind står for planlægningen", "action"),
                ],
                actions=[act("3", "Dorthe Kvist og Maren Lind", "står for planlægningen")],
                participants=[
                    person("Hans Bruun", role="formand"), person("Dorthe Kvist"),
                    person("Ali Demir"), person("Maren Lind"),
                ],
            ),
            meeting(
                "referat", "Bestyrelsen for Frivilligcenter Østervang", "2019-09-03",
                items=[it("1", "Godkendelse af referat"), it("2", "Ny hjemmeside"),
                       it("3", "Budget 2020"), it("4", "Eventuelt")],
                decisions=[
                    dec("1", "Referatet blev godkendt", "approved"),
                    dec("2", "Bestyrelsen valgte tilbuddet fra det lokale bureau", "approved",
                        body="Bestyrelsen"),
                    dec("3", "Budgettet blev vedtaget", "approved"),
                    dec("4", "Intet.", "none"),
                ],
                participants=[
                    person("Hans Bruun", role="formand"), person("Dorthe Kvist"),
                    person("Maren Lind"), person("Ali Demir", absent=True),
                ],
            ),
        ],
        "notes": (
            "One file, three meetings of the same board, each starting with a heading "
            "'Bestyrelsesmøde <date>' and its own 'Til stede'/'Afbud' lines; numbering "
            "restarts at 1 in each. Meetings 1 and 2 follow each other on the same page; "
            "meeting 3 starts on a new page. Expected: three documents (parts 0, 1, 2) in file "
            "order - never one meeting with items 1,2,3,4,1,2,3,1,2,3,4. The recurring item "
            "'Ny hjemmeside' goes action (Feb) -> postponed (May) -> approved (Sep), which "
            "closes it. The file title 'Referater 2019 – ...' names the forum."
        ),
    },
)

_PAIR_ITEMS = [
    ("1.", "Godkendelse af dagsorden"),
    ("2.", "Fælles instruks for medicinhåndtering"),
    ("3.", "Erfaringer med sårsygeplejerske på tværs af kommunerne"),
    ("4.", "Temadag i efteråret"),
    ("5.", "Eventuelt"),
]
_PAIR_EXPECTED_ITEMS = [it(lab.rstrip("."), title) for lab, title in _PAIR_ITEMS]
_PAIR_FORUM = "Faglig følgegruppe for Hjemmesygepleje"

fixture(
    name="agenda_only",
    about="agenda as its own file (pair with minutes_only): items and proposals, no decisions",
    blocks=[
        Title("Dagsorden"),
        P(f"**{_PAIR_FORUM}**"),
        P("Møde torsdag den 3. juni 2021 kl. 13.00-15.00, Sundhedshuset, lokale 2"),
        Blank(),
        Item(*_PAIR_ITEMS[0]),
        P("Det indstilles, at dagsordenen godkendes."),
        Item(*_PAIR_ITEMS[1]),
        P("Udkast til fælles instruks er udsendt med indkaldelsen."),
        P("Det indstilles, at følgegruppen godkender instruksen."),
        P("Bilag: Udkast til instruks for medicinhåndtering, maj 2021"),
        Item(*_PAIR_ITEMS[2]),
        P("Bakkedal og Fjordby har i et halvt år delt en sårsygeplejerske. Erfaringerne "
          "fremlægges."),
        P("Det indstilles, at orienteringen tages til efterretning."),
        Item(*_PAIR_ITEMS[3]),
        P("Forslag til program drøftes."),
        Item(*_PAIR_ITEMS[4]),
    ],
    expected=meeting(
        "dagsorden", _PAIR_FORUM, "2021-06-03",
        items=_PAIR_EXPECTED_ITEMS,
        attachments=[att("2", "Udkast til instruks for medicinhåndtering")],
        proposals=[
            prop("1", "Det indstilles, at dagsordenen godkendes"),
            prop("2", "Det indstilles, at følgegruppen godkender instruksen"),
            prop("3", "Det indstilles, at orienteringen tages til efterretning"),
        ],
        notes=(
            "The agenda of the meeting whose minutes are fixture minutes_only (same forum, "
            "date, items). An agenda has no decisions: every 'Det indstilles, at ...' is a "
            "proposal. doc_type dagsorden. The two files must stay two documents (one "
            "dagsorden, one referat) of the same meeting, not be merged or duplicated into "
            "one meeting with ten items."
        ),
    ),
)

fixture(
    name="minutes_only",
    about="minutes as their own file (pair with agenda_only): same items, decisions, attendance",
    blocks=[
        Title("Referat"),
        P(f"**{_PAIR_FORUM}**"),
        P("Møde torsdag den 3. juni 2021 kl. 13.00-15.00, Sundhedshuset, lokale 2"),
        P("Deltagere: Ellen Bach (Bakkedal Kommune), Rune Holst (Fjordby Kommune), Signe Møller "
          "(Lyngså Kommune)"),
        P("Afbud: Trine Vad (Østervang Kommune)"),
        Blank(),
        Item(*_PAIR_ITEMS[0]),
        P("Godkendt."),
        Item(*_PAIR_ITEMS[1]),
        P("Instruksen blev godkendt med den ændring, at dobbeltkontrol også gælder "
          "smertepumper."),
        Item(*_PAIR_ITEMS[2]),
        P("Følgegruppen tog orienteringen til efterretning. Lyngså overvejer at indgå i "
          "ordningen fra 2022."),
        Item(*_PAIR_ITEMS[3]),
        P("Ellen Bach og Signe Møller udarbejder et program til næste møde."),
        Item(*_PAIR_ITEMS[4]),
        P("Intet."),
    ],
    expected=meeting(
        "referat", _PAIR_FORUM, "2021-06-03",
        items=_PAIR_EXPECTED_ITEMS,
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Instruksen blev godkendt", "approved"),
            dec("3", "Følgegruppen tog orienteringen til efterretning", "noted",
                body="Følgegruppen"),
            dec("4", "Ellen Bach og Signe Møller udarbejder et program", "action"),
            dec("5", "Intet.", "none"),
        ],
        actions=[act("4", "Ellen Bach og Signe Møller", "udarbejder et program til næste møde")],
        participants=[
            person("Ellen Bach", "Bakkedal Kommune"),
            person("Rune Holst", "Fjordby Kommune"),
            person("Signe Møller", "Lyngså Kommune"),
            person("Trine Vad", "Østervang Kommune", absent=True),
        ],
        notes=(
            "The minutes of the meeting whose agenda is fixture agenda_only. No Indstilling "
            "text here; decisions as prose under each item. 'Lyngså overvejer at indgå i "
            "ordningen' is information, not a decision. Joint owners 'Ellen Bach og Signe "
            "Møller' as written."
        ),
    ),
)

fixture(
    name="head_count",
    about="head count 'Der var mødt 87 personer' (attendance_count), Ordstyrer/Referent roles, "
    "a borgermøde without decisions",
    blocks=[
        Title("Referat af borgermøde om fremtidens skolestruktur i Kærby"),
        P("Arrangeret af Børne- og Skoleudvalget, Fjordby Kommune"),
        P("Mandag den 7. marts 2022 kl. 19.00–21.00 i Kærby Hallen"),
        Blank(),
        P("Der var mødt 87 personer."),
        P("Fra udvalget deltog: Lene Hald (formand), Søren Bak"),
        P("Fra forvaltningen: Maria Thorsen (skolechef)"),
        P("Ordstyrer: Søren Bak"),
        P("Referent: Ida Kjærgaard"),
        Item("1.", "Velkomst ved udvalgsformanden"),
        P("Lene Hald bød velkommen og understregede, at der endnu ikke er truffet beslutning."),
        Item("2.", "Præsentation af forslag til ny skolestruktur"),
        P("Maria Thorsen præsenterede de to modeller. Kærby Skole har i dag 312 elever, og "
          "elevtallet ventes at falde til 260 i 2030."),
        Item("3.", "Spørgsmål og debat"),
        P("Mange spurgte til skolevejen og til fremtiden for SFO'en. Flere forældre ønskede, "
          "at overbygningen bevares."),
        Item("4.", "Den videre proces"),
        P("Høringsfristen er den 1. april 2022. Udvalget behandler sagen på mødet den 19. "
          "april 2022. Forvaltningen lægger præsentationen på kommunens hjemmeside."),
    ],
    expected=meeting(
        "referat", "Børne- og Skoleudvalget", "2022-03-07",
        attendance_count=87,
        items=[
            it("1", "Velkomst ved udvalgsformanden"),
            it("2", "Præsentation af forslag til ny skolestruktur"),
            it("3", "Spørgsmål og debat"),
            it("4", "Den videre proces"),
        ],
        decisions=[
            dec("4", "Forvaltningen lægger præsentationen på kommunens hjemmeside", "action"),
        ],
        actions=[act("4", "Forvaltningen", "lægger præsentationen på kommunens hjemmeside")],
        participants=[
            person("Lene Hald", "Børne- og Skoleudvalget", role="formand"),
            person("Søren Bak", "Børne- og Skoleudvalget", role="ordstyrer"),
            person("Maria Thorsen", "forvaltningen", role="skolechef"),
            person("Ida Kjærgaard", role="referent"),
        ],
        notes=(
            "A citizens' meeting hosted by the committee (forum = Børne- og Skoleudvalget). "
            "'Der var mødt 87 personer.' -> attendance_count 87 (not participants). '312 "
            "elever', '260 i 2030' are other numbers. Named participants: the committee "
            "members (Søren Bak is also Ordstyrer), the head of schools, the referent. No "
            "decisions are taken ('der endnu ikke er truffet beslutning'; dates of the "
            "hearing and the committee meeting are information) except the administration's "
            "task to publish the slides (action)."
        ),
    ),
)

# --- encodings and Unicode forms -------------------------------------------------------------
fixture(
    name="legacy_encoding_cp1252",
    about="TXT in Windows-1252 with CRLF (– ” … € ’ are bytes 0x80-0x9F), as typed in Notepad",
    blocks=[
        P("Idrætsrådet i Lyngså"),
        P("Referat af møde torsdag den 14. januar 2021 kl. 19.00 – 21.00"),
        P("Til stede: Finn Østergaard, Åse Nyborg, Birgitte Ærø, Kåre Dam"),
        P("Afbud: Søs Ibsen"),
        Blank(),
        Item("1.", "Godkendelse af referat fra 3. december 2020", bold=False),
        P("Godkendt."),
        Item("2.", "Fordeling af lokaletilskud 2021 – rådets forslag", bold=False),
        P("Forslaget følger de kriterier, der blev aftalt i ”Idrætspolitik 2020–2024”. "
          "Idrætsrådet vedtog fordelingen."),
        Item("3.", "”Lyngså Cup” i påsken …", bold=False),
        P("Klubberne har søgt om 2.500 € fra en EU-pulje til stævnet. Kåre Dam undersøger, om "
          "hallen kan lejes fra skærtorsdag."),
        Item("4.", "Eventuelt", bold=False),
        P("KL’s nye vejledning om foreningstilskud blev kort drøftet. Ingen bemærkninger."),
    ],
    txt_wrap=None,
    txt_encoding="cp1252",
    txt_newline="\r\n",
    expected=meeting(
        "referat", "Idrætsrådet i Lyngså", "2021-01-14",
        items=[
            it("1", "Godkendelse af referat fra 3. december 2020"),
            it("2", "Fordeling af lokaletilskud 2021 – rådets forslag"),
            it("3", "”Lyngså Cup” i påsken …"),
            it("4", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Idrætsrådet vedtog fordelingen", "approved"),
            dec("3", "Kåre Dam undersøger, om hallen kan lejes fra skærtorsdag", "action"),
            dec("4", "Ingen bemærkninger", "none"),
        ],
        actions=[act("3", "Kåre Dam", "undersøger, om hallen kan lejes")],
        participants=[
            person("Finn Østergaard"), person("Åse Nyborg"), person("Birgitte Ærø"),
            person("Kåre Dam"), person("Søs Ibsen", absent=True),
        ],
        notes=(
            "The TXT is Windows-1252 with CRLF line ends, no line wrapping (typed, not "
            "extracted). It contains characters that exist in cp1252 but not in Latin-1 "
            "(– 0x96, ” 0x94, … 0x85, € 0x80, ’ 0x92): decoded as Latin-1 they become C1 "
            "control characters, so the reader must tell cp1252 from Latin-1. Names start "
            "with Ø, Å, Æ, K (Kåre). DOCX/PDF/MD are ordinary UTF-8 documents. Item 3's title "
            "starts and ends with typographic punctuation, kept as written."
        ),
    ),
)

fixture(
    name="latin1",
    about="TXT in ISO-8859-1 (æøå, é, ½, §, «»; no cp1252-only characters); 'om ca. ½ år'",
    blocks=[
        P("MED-udvalget på Plejecenter Solbakken"),
        P("Referat af møde 11. november 2020"),
        P("Til stede: Åse Ørum (leder), Émile Lassen (TR), Ølstrup Jensen (AMR), Gurli Høeg"),
        Blank(),
        Item("1.", "Godkendelse af dagsorden", bold=False),
        P("Godkendt."),
        Item("2.", "Arbejdsmiljø: «Trivsel i vagtplanen»", bold=False),
        P("Trivselsmålingen viser et fald på nattevagterne. Åse Ørum undersøger sammen med "
          "AMR, om vagtplanen kan lægges om. Punktet tages op igen om ca. ½ år."),
        Item("3.", "Retningslinje for brug af § 126 i praksis", bold=False),
        P("Retningslinjen blev vedtaget."),
        Item("4.", "Eventuelt", bold=False),
        P("Intet."),
    ],
    txt_wrap=None,
    txt_encoding="latin-1",
    expected=meeting(
        "referat", "MED-udvalget på Plejecenter Solbakken", "2020-11-11",
        items=[
            it("1", "Godkendelse af dagsorden"),
            it("2", "Arbejdsmiljø: «Trivsel i vagtplanen»"),
            it("3", "Retningslinje for brug af § 126 i praksis"),
            it("4", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Åse Ørum undersøger sammen med AMR", "action"),
            dec("2", "Punktet tages op igen om ca. ½ år", "postponed"),
            dec("3", "Retningslinjen blev vedtaget", "approved"),
            dec("4", "Intet.", "none"),
        ],
        actions=[act("2", "Åse Ørum", "undersøger sammen med AMR")],
        participants=[
            person("Åse Ørum", role="leder"),
            person("Émile Lassen", role="TR"),
            person("Ølstrup Jensen", role="AMR"),
            person("Gurli Høeg"),
        ],
        notes=(
            "The TXT is ISO-8859-1 (Latin-1) with LF line ends: æøåÆØÅ, é, «», ½ and § as "
            "single bytes, no bytes in 0x80-0x9F. 'Punktet tages op igen om ca. ½ år' is a "
            "postponement with an approximate horizon. '§ 126' inside item 3's title is a "
            "statute reference, not an item marker. Forum: the MED committee of the care "
            "home as written in the first line. Names start with Å, É, Ø."
        ),
    ),
)

fixture(
    name="utf8_bom",
    about="TXT in UTF-8 with a byte-order mark and CRLF; ISO date 2021-11-04",
    blocks=[
        P("Referat"),
        P("Lokalrådet for Østervang By"),
        P("Mødedato: 2021-11-04"),
        P("Til stede: Merete Kold, Jens Ove Friis, Hatice Yilmaz"),
        Blank(),
        Item("1.", "Trafiksikkerhed ved skolen", bold=False),
        P("Lokalrådet bakker op om forældrenes ønske om en hævet flade ved skolen. Merete "
          "Kold skriver til Teknik- og Miljøudvalget."),
        Item("2.", "Juletræstænding", bold=False),
        P("Det blev besluttet at tænde juletræet søndag den 28. november kl. 16."),
        Item("3.", "Eventuelt", bold=False),
        P("Intet."),
    ],
    txt_wrap=None,
    txt_encoding="utf-8-sig",
    txt_newline="\r\n",
    expected=meeting(
        "referat", "Lokalrådet for Østervang By", "2021-11-04",
        items=[
            it("1", "Trafiksikkerhed ved skolen"),
            it("2", "Juletræstænding"),
            it("3", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Lokalrådet bakker op om forældrenes ønske", "approved", body="Lokalrådet"),
            dec("1", "Merete Kold skriver til Teknik- og Miljøudvalget", "action"),
            dec("2", "Det blev besluttet at tænde juletræet", "approved"),
            dec("3", "Intet.", "none"),
        ],
        actions=[act("1", "Merete Kold", "skriver til Teknik- og Miljøudvalget")],
        participants=[person("Merete Kold"), person("Jens Ove Friis"), person("Hatice Yilmaz")],
        notes=(
            "The TXT starts with the UTF-8 byte-order mark (EF BB BF) and uses CRLF: the "
            "first line must read 'Referat', not '\\ufeffReferat'. 'bakker op om' is approval. "
            "'Merete Kold skriver til Teknik- og Miljøudvalget' is her task (action), the "
            "matter is not referred by a decision."
        ),
    ),
)

fixture(
    name="nfd_letters",
    about="decomposed Unicode (NFD: a + U+030A for å, e + U+0301 for é) in every format",
    blocks=[
        Title("Referat – Skolebestyrelsen ved Åbakkeskolen"),
        P("Mødet blev holdt den 2. februar 2022 kl. 17.00 på Åbakkeskolen."),
        P("Til stede: Åge Håkonsen (formand), René Sørensen, Klåra Bøgh, Louise Ågård"),
        Blank(),
        Item("1.", "Årsplan for skoleåret 2022/23"),
        P("Årsplanen blev godkendt."),
        Item("2.", "Idéer til forårets temauge"),
        P("Forældrerådet foreslår en temauge om natur. René Sørensen undersøger, om "
          "naturskolen på Ågården kan bruges."),
        Item("3.", "Eventuelt"),
        P("Intet."),
    ],
    unicode_form="NFD",
    expected=meeting(
        "referat", "Skolebestyrelsen ved Åbakkeskolen", "2022-02-02",
        items=[
            it("1", "Årsplan for skoleåret 2022/23"),
            it("2", "Idéer til forårets temauge"),
            it("3", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Årsplanen blev godkendt", "approved"),
            dec("2", "René Sørensen undersøger, om naturskolen på Ågården", "action"),
            dec("3", "Intet.", "none"),
        ],
        actions=[act("2", "René Sørensen", "undersøger, om naturskolen")],
        participants=[
            person("Åge Håkonsen", role="formand"), person("René Sørensen"),
            person("Klåra Bøgh"), person("Louise Ågård"),
        ],
        notes=(
            "Every format holds the text in NFD (as macOS writes file names and some exports "
            "do): å = 'a' + U+030A, Å = 'A' + U+030A, é = 'e' + U+0301 (æ and ø have no "
            "decomposition). The expected JSON is NFC: export must be NFC (the evaluator "
            "does not normalise), or 'Årsplan' would not match and search would miss it."
        ),
    ),
)

fixture(
    name="toc_dot_leaders",
    about="table of contents with dot leaders repeating every item title (page numbers) "
    "before the items",
    blocks=[
        P("Mølleå Kommune"),
        Title("Referat – Kultur- og Fritidsudvalget"),
        P("Mødedato: 9. marts 2022, kl. 16.30"),
        P("Mødested: Mølleå Bibliotek, mødesalen"),
        Blank(),
        P("**Indholdsfortegnelse**"),
        Toc([
            ("1.", "Godkendelse af dagsorden", 2),
            ("2.", "Udmøntning af kulturpuljen 2022", 2),
            ("3.", "Tilskud til sommerferieaktiviteter", 3),
            ("4.", "Evaluering af åbningstider på biblioteket", 3),
            ("5.", "Meddelelser", 3),
        ]),
        PageBreak(),
        Item("1.", "Godkendelse af dagsorden"),
        P("Beslutning:"),
        P("Godkendt."),
        Item("2.", "Udmøntning af kulturpuljen 2022"),
        P("Sagsnr.: 22/1022"),
        P("Der er afsat 600.000 kr. i kulturpuljen. Forvaltningen foreslår fire indsatser."),
        P("Beslutning:"),
        P("Udvalget godkendte udmøntningen med den ændring, at festivalen får 50.000 kr. mere."),
        PageBreak(),
        Item("3.", "Tilskud til sommerferieaktiviteter"),
        P("Beslutning:"),
        P("Godkendt."),
        Item("4.", "Evaluering af åbningstider på biblioteket"),
        P("Beslutning:"),
        P("Udvalget tog evalueringen til efterretning. Forvaltningen vender tilbage med et "
          "forslag til nye åbningstider i juni."),
        Item("5.", "Meddelelser"),
        P("Beslutning:"),
        P("Til orientering."),
    ],
    page_label="Side {n} af {N}",
    expected=meeting(
        "referat", "Kultur- og Fritidsudvalget", "2022-03-09",
        items=[
            it("1", "Godkendelse af dagsorden"),
            it("2", "Udmøntning af kulturpuljen 2022"),
            it("3", "Tilskud til sommerferieaktiviteter"),
            it("4", "Evaluering af åbningstider på biblioteket"),
            it("5", "Meddelelser"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Udvalget godkendte udmøntningen", "approved", body="Udvalget"),
            dec("3", "Godkendt.", "approved"),
            dec("4", "Udvalget tog evalueringen til efterretning", "noted", body="Udvalget"),
            dec("4", "Forvaltningen vender tilbage med et forslag", "action"),
            dec("5", "Til orientering.", "noted"),
        ],
        actions=[act("4", "Forvaltningen", "vender tilbage med et forslag til nye åbningstider")],
        notes=(
            "Page 1 has an 'Indholdsfortegnelse' listing every item with dot leaders and a "
            "page number ('1. Godkendelse af dagsorden ........ 2'; DOCX: a right tab stop "
            "with dot leader, text '...\\t2'). These lines are not items and must not create "
            "duplicates or give titles with dots/page numbers; the items are the bodies from "
            "page 2 on. 'Sagsnr.: 22/1022' in item 2 is a case number."
        ),
    ),
)

fixture(
    name="running_numbers_skip",
    about="running item numbers across meetings that skip (715, 716, 718, 719, 721); a "
    "paragraph starting with a date '19. januar 2022 ...'",
    blocks=[
        P("Mølleå Kommune"),
        Title("Kommunalbestyrelsen – Referat"),
        P("Mødedato: 12. jan. 2022 kl. 18.00"),
        P("Mødested: Byrådssalen"),
        Blank(),
        Item("715.", "Godkendelse af dagsorden"),
        P("Beslutning: Godkendt."),
        Item("716.", "Meddelelser fra borgmesteren"),
        P("Borgmesteren orienterede om vinterberedskabet."),
        P("Beslutning: Taget til efterretning."),
        Item("718.", "Ændring af takster for madservice 2022"),
        P("Taksterne reguleres pr. 1. februar 2022:"),
        Numbered([
            "Hovedret: 55 kr.",
            "Biret: 14 kr.",
        ], docx_auto=False),
        P("19. januar 2022 afholdes et borgermøde for brugerne af madservice."),
        P("Beslutning: Godkendt."),
        Item("719.", "Ansøgning om kommunegaranti for Mølleå Varmeværk"),
        P("Beslutning: Kommunalbestyrelsen meddelte garanti for et lån på op til 40 mio. kr."),
        Item("721.", "Eventuelt"),
        P("Beslutning: Intet."),
    ],
    page_label="Side {n} af {N}",
    expected=meeting(
        "referat", "Kommunalbestyrelsen", "2022-01-12",
        items=[
            it("715", "Godkendelse af dagsorden"),
            it("716", "Meddelelser fra borgmesteren"),
            it("718", "Ændring af takster for madservice 2022"),
            it("719", "Ansøgning om kommunegaranti for Mølleå Varmeværk"),
            it("721", "Eventuelt"),
        ],
        decisions=[
            dec("715", "Godkendt.", "approved"),
            dec("716", "Taget til efterretning", "noted"),
            dec("718", "Godkendt.", "approved"),
            dec("719", "Kommunalbestyrelsen meddelte garanti", "approved",
                body="Kommunalbestyrelsen"),
            dec("721", "Intet.", "none"),
        ],
        notes=(
            "Item numbers run across the council's meetings (715 ...) and skip 717 and 720 "
            "(closed items left out of the public minutes): numbers are taken as written, not "
            "renumbered 1-5, and the gaps are not an error. Not items: the '1.'/'2.' tariff "
            "list in 718 (typed numbers) and the paragraph starting '19. januar 2022 afholdes "
            "...' (a date at the start of a line, not item 19). Date 'jan.' abbreviated. "
            "'meddelte garanti' grants the request -> approved."
        ),
    ),
)

fixture(
    name="paragraph_sign_items",
    about="items numbered '§1' ... '§6' (generalforsamling); '§ 9, stk. 2' and 'jf. § 7' in "
    "the text are not items",
    blocks=[
        Title("Referat fra ordinær generalforsamling i Lyngså Bådelaug"),
        P("Lørdag den 12. marts 2022 kl. 10.00 i klubhuset"),
        P("Dagsorden ifølge vedtægternes § 7."),
        Blank(),
        Item("§1", "Valg af dirigent og referent"),
        P("Valgt blev Carl Friis som dirigent og Nanna Holt som referent. Dirigenten "
          "konstaterede, at generalforsamlingen var lovligt indkaldt jf. § 7."),
        Item("§2", "Formandens beretning"),
        P("Formanden gennemgik sæsonen. Beretningen blev godkendt."),
        Item("§3", "Regnskab og budget"),
        P("Regnskabet blev godkendt. Budgettet for 2022 blev vedtaget."),
        Item("§4", "Indkomne forslag"),
        P("Bestyrelsen foreslog følgende ændring af vedtægterne:"),
        P("§ 9, stk. 2 ændres til: »Bådpladser tildeles efter anciennitet.«", indent=8),
        P("Forslaget blev vedtaget med 23 stemmer for og 2 imod."),
        Item("§5", "Valg af bestyrelse og suppleanter"),
        P("Svend Holm og Ulla Kirk blev genvalgt. Som suppleant valgtes Bo Dahl."),
        Item("§6", "Eventuelt"),
        P("Havnefogeden efterlyste hjælp til forårsklargøringen."),
    ],
    expected=meeting(
        "referat", "Lyngså Bådelaug", "2022-03-12",
        items=[
            it("1", "Valg af dirigent og referent"),
            it("2", "Formandens beretning"),
            it("3", "Regnskab og budget"),
            it("4", "Indkomne forslag"),
            it("5", "Valg af bestyrelse og suppleanter"),
            it("6", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Valgt blev Carl Friis som dirigent", "approved"),
            dec("2", "Beretningen blev godkendt", "approved"),
            dec("3", "Regnskabet blev godkendt", "approved"),
            dec("3", "Budgettet for 2022 blev vedtaget", "approved"),
            dec("4", "Forslaget blev vedtaget med 23 stemmer for og 2 imod", "approved"),
            dec("5", "Svend Holm og Ulla Kirk blev genvalgt", "approved"),
            dec("5", "Som suppleant valgtes Bo Dahl", "approved"),
        ],
        notes=(
            "Items numbered '§1' ... '§6' (no space) -> numbers '1' ... '6' (number_as_written "
            "'§1'). Not items: 'vedtægternes § 7', 'jf. § 7', and the indented line '§ 9, stk. "
            "2 ændres til: ...' in §4 (the quoted statute amendment that was voted on). §6 "
            "has no decision (a request for help, no owner). Elections count as approved, one "
            "per sentence. No participant list: Carl Friis (dirigent) and Nanna Holt (referent) "
            "are named in a decision, not listed -> participants []."
        ),
    ),
)

fixture(
    name="norwegian_minutes",
    about="Norwegian minutes: 'Sak 12/21', Vedtak, godkjent/vedtatt/utsatt/tatt til orientering, "
    "Forfall",
    blocks=[
        Title("Møtereferat"),
        P("**Eldrerådet i Fjellvik kommune**"),
        P("Tid: tirsdag 8. juni 2021 kl. 10.00–13.00"),
        P("Sted: Rådhuset, møterom Fjellet"),
        P("Til stede: Kari Nordvik (leder), Ola Bergheim, Ingrid Solberg"),
        P("Forfall: Per Hauge"),
        P("Fra administrasjonen: Siri Lunde (sekretær)"),
        Blank(),
        Item("Sak 12/21", "Godkjenning av innkalling og saksliste"),
        P("Vedtak: Godkjent."),
        Item("Sak 13/21", "Referatsaker"),
        P("Vedtak: Tatt til orientering."),
        Item("Sak 14/21", "Uttalelse om budsjett 2022"),
        P("Eldrerådet drøftet forslaget til budsjett for helse og omsorg."),
        P("Vedtak: Eldrerådet vedtok uttalelsen med de endringene som kom fram i møtet. Siri "
          "Lunde sender uttalelsen til formannskapet innen 15. juni."),
        Item("Sak 15/21", "Brukerundersøkelse i hjemmetjenesten"),
        P("Vedtak: Saken utsettes til neste møte."),
        Item("Sak 16/21", "Eventuelt"),
        P("Ingen saker."),
    ],
    expected=meeting(
        "referat", "Eldrerådet i Fjellvik kommune", "2021-06-08",
        language="no",
        items=[
            it("12/21", "Godkjenning av innkalling og saksliste"),
            it("13/21", "Referatsaker"),
            it("14/21", "Uttalelse om budsjett 2022"),
            it("15/21", "Brukerundersøkelse i hjemmetjenesten"),
            it("16/21", "Eventuelt"),
        ],
        decisions=[
            dec("12/21", "Godkjent.", "approved"),
            dec("13/21", "Tatt til orientering", "noted"),
            dec("14/21", "Eldrerådet vedtok uttalelsen", "approved", body="Eldrerådet"),
            dec("14/21", "Siri Lunde sender uttalelsen til formannskapet", "action"),
            dec("15/21", "Saken utsettes til neste møte", "postponed"),
            dec("16/21", "Ingen saker.", "none"),
        ],
        actions=[act("14/21", "Siri Lunde", "sender uttalelsen til formannskapet",
                     "2021-06-15")],
        participants=[
            person("Kari Nordvik", role="leder"),
            person("Ola Bergheim"),
            person("Ingrid Solberg"),
            person("Per Hauge", absent=True),
            person("Siri Lunde", "administrasjonen", role="sekretær"),
        ],
        notes=(
            "Norwegian (bokmål). Items are 'Sak NN/YY' (case number per year) -> number as "
            "written without 'Sak': '12/21' (the year part "
            "belongs to the number: it identifies the case across meetings; 'Sak 12/21' and "
            "'Sak 12/22' are different cases). 'Vedtak:' is the decision label (Danish "
            "'Beslutning'). Statuses: 'Godkjent' approved, 'Tatt til orientering' noted, "
            "'vedtok' approved, 'utsettes' postponed, 'Ingen saker' none; 'sender ... innen "
            "15. juni' is an action with a due date. 'Forfall:' = sent apologies (absent). "
            "Month names coincide with Danish ('juni')."
        ),
    ),
)

fixture(
    name="english_minutes",
    about="English minutes: Present/Regrets, 'Action:' lines, Agreed/Deferred/None, ISO date",
    blocks=[
        Title("Nordic Network on Welfare Technology"),
        P("Minutes of the steering committee meeting"),
        P("Date: 2021-09-14, 13:00–14:30 CET (Teams)"),
        P("Present: Anna Lindqvist (Sweden, chair), Mads Kjeldsen (Denmark), Henna Virtanen "
          "(Finland)"),
        P("Regrets: Ola Strand (Norway)"),
        Blank(),
        Item("1.", "Welcome and approval of the agenda"),
        P("The agenda was approved."),
        Item("2.", "Minutes of the previous meeting"),
        P("Approved without changes."),
        Item("3.", "Joint report on remote care"),
        P("The draft was discussed. Finland will add figures from the 2020 survey."),
        P("Decision: The committee agreed to publish the report in English only."),
        P("Action: Mads Kjeldsen to circulate the revised draft by 1 October."),
        Item("4.", "Budget 2022"),
        P("Deferred to the next meeting."),
        Item("5.", "AOB"),
        P("None."),
    ],
    expected=meeting(
        "referat", "Nordic Network on Welfare Technology", "2021-09-14",
        language="en",
        items=[
            it("1", "Welcome and approval of the agenda"),
            it("2", "Minutes of the previous meeting"),
            it("3", "Joint report on remote care"),
            it("4", "Budget 2022"),
            it("5", "AOB"),
        ],
        decisions=[
            dec("1", "The agenda was approved", "approved"),
            dec("2", "Approved without changes", "approved"),
            dec("3", "agreed to publish the report in English only", "approved"),
            dec("3", "Mads Kjeldsen to circulate the revised draft", "action"),
            dec("4", "Deferred to the next meeting", "postponed"),
            dec("5", "None.", "none"),
        ],
        actions=[act("3", "Mads Kjeldsen", "to circulate the revised draft", "2021-10-01")],
        participants=[
            person("Anna Lindqvist", "Sweden", role="chair"),
            person("Mads Kjeldsen", "Denmark"),
            person("Henna Virtanen", "Finland"),
            person("Ola Strand", "Norway", absent=True),
        ],
        notes=(
            "English minutes of a Nordic network: doc_type referat ('Minutes'). 'Present:' / "
            "'Regrets:' give participants and absences (organisation = the country in "
            "parentheses, 'chair' a role). 'Decision:' and 'Action:' labels; 'Action: X to "
            "... by 1 October' -> action with owner and due date in the meeting's year. "
            "'Finland will add figures' is discussion, not a recorded action. 'AOB' = any "
            "other business (Eventuelt)."
        ),
    ),
)

fixture(
    name="cpr_number",
    about="fake CPR numbers (DDMMYY-XXXX) inside an item: must never reach export or the index",
    blocks=[
        P("Bakkedal Kommune · Voksenhandicap"),
        Title("Referat – Visitationsudvalget for Voksenhandicap"),
        P("Dato: 24.02.2022"),
        P("Deltagere: Gerda Lund (formand), Omar Nasser, Pernille Vig"),
        Blank(),
        Item("1.", "Godkendelse af dagsorden"),
        P("Godkendt."),
        Item("2.", "Ansøgning om botilbud efter servicelovens § 108"),
        P("Borger: CPR-nr. 121212-1212, 54 år, bor i dag i egen bolig med bostøtte 10 timer "
          "om ugen. J.nr. 27.36.12-G01-17-22."),
        P("Beslutning: Visitationsudvalget bevilger botilbud til borger med cpr. 121212-1212 "
          "fra 1. april 2022."),
        Item("3.", "Revurdering af ledsageordning"),
        P("Ægtefællen (cpr.nr. 030303-3033) har klaget over nedsættelsen. Tlf. 72 34 56 78."),
        P("Beslutning: Sagen genoptages, når den lægelige vurdering foreligger."),
        Item("4.", "Eventuelt"),
        P("Intet."),
    ],
    expected=meeting(
        "referat", "Visitationsudvalget for Voksenhandicap", "2022-02-24",
        items=[
            it("1", "Godkendelse af dagsorden"),
            it("2", "Ansøgning om botilbud efter servicelovens § 108"),
            it("3", "Revurdering af ledsageordning"),
            it("4", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Visitationsudvalget bevilger botilbud til borger", "approved"),
            dec("3", "Sagen genoptages, når den lægelige vurdering foreligger", "postponed"),
            dec("4", "Intet.", "none"),
        ],
        participants=[
            person("Gerda Lund", role="formand"), person("Omar Nasser"),
            person("Pernille Vig"),
        ],
        must_not_appear=["121212-1212", "030303-3033"],
        notes=(
            "Contains two fake CPR numbers (DDMMYY-XXXX): '121212-1212' twice in item 2 (once "
            "inside the decision) and '030303-3033' in item 3. They must be redacted before "
            "anything is stored or indexed: no field of the export may contain them "
            "(must_not_appear; the evaluator reports leaks). The decision is still found by "
            "the text before the number. Not CPR numbers: the journal number 'J.nr. "
            "27.36.12-G01-17-22' and the phone number 'Tlf. 72 34 56 78' - do not redact "
            "them. '§ 108' in item 2's title is a statute reference."
        ),
    ),
)

fixture(
    name="markdown_headings",
    about="minutes written in Markdown: YAML front matter, '## 1.' item headings, '### "
    "Beslutning' labels, a numbered '### 1.' heading inside an item",
    blocks=[
        Title("Referat af bestyrelsesmøde"),
        P("**Kærby Lokalhistoriske Arkiv** – tirsdag den 8. marts 2022 kl. 19.00"),
        P("Til stede: Per Overgaard (formand), Sonja Wulff, Lars Ibsen. Afbud: Grete Winkel."),
        Item("1.", "Godkendelse af dagsorden"),
        Head("Beslutning", level=2),
        P("Godkendt."),
        Item("2.", "Årsregnskab 2021"),
        P("Kassereren fremlagde regnskabet."),
        Head("1. Nøgletal 2021", level=2),
        Bullets(["Indtægter: 48.200 kr.", "Udgifter: 41.750 kr."], marker="-"),
        Head("2. Bemærkninger fra revisor", level=2),
        P("Ingen bemærkninger til bilagene."),
        Head("Beslutning", level=2),
        P("Regnskabet blev godkendt og underskrevet af bestyrelsen."),
        Item("3.", "Digitalisering af fotosamlingen"),
        P("Sonja Wulff søger Slots- og Kulturstyrelsens pulje inden 1. maj."),
        Head("Beslutning", level=2),
        P("Bestyrelsen besluttede at prioritere fotos fra før 1950."),
        Item("4.", "Eventuelt"),
        P("Intet."),
    ],
    md_front_matter=(
        "title: Referat af bestyrelsesmøde\n"
        "date: 2022-03-08\n"
        "forum: Kærby Lokalhistoriske Arkiv\n"
        "tags: [referat, bestyrelse]\n"
        "# 1. not a heading: a YAML comment"
    ),
    expected=meeting(
        "referat", "Kærby Lokalhistoriske Arkiv", "2022-03-08",
        items=[
            it("1", "Godkendelse af dagsorden"),
            it("2", "Årsregnskab 2021"),
            it("3", "Digitalisering af fotosamlingen"),
            it("4", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Regnskabet blev godkendt", "approved"),
            dec("3", "Sonja Wulff søger Slots- og Kulturstyrelsens pulje", "action"),
            dec("3", "Bestyrelsen besluttede at prioritere fotos fra før 1950", "approved",
                body="Bestyrelsen"),
            dec("4", "Intet.", "none"),
        ],
        actions=[act("3", "Sonja Wulff", "søger Slots- og Kulturstyrelsens pulje",
                     "2022-05-01")],
        participants=[
            person("Per Overgaard", role="formand"), person("Sonja Wulff"),
            person("Lars Ibsen"), person("Grete Winkel", absent=True),
        ],
        notes=(
            "Markdown is the primary format: YAML front matter (skip it - including the line "
            "'# 1. not a heading: a YAML comment'), '# Referat ...' title, items as '## 1. "
            "...' headings, section labels as '### Beslutning' headings (Heading 2 in DOCX). "
            "Item 2 contains '### 1. Nøgletal 2021' and '### 2. Bemærkninger fra revisor': "
            "numbered headings one level below the items, inside item 2 - not items. 'søger "
            "... inden 1. maj' is a task with a due date."
        ),
    ),
)

fixture(
    name="nested_table_participants",
    about="meeting header kept in a Word table; participants in a table nested inside a cell "
    "(python-docx cell.text misses them)",
    blocks=[
        Title("Referat"),
        Table(
            widths=[35, 135],
            header=False,
            txt="columns",
            rows=[
                ["Møde", "Styregruppen for Sammenhængende Borgerforløb"],
                ["Dato", "Fredag den 25. februar 2022, kl. 9.00–10.30"],
                ["Sted", "Bakkedal Rådhus, mødelokale Egen"],
                ["Deltagere", Cell(
                    "",
                    nested=Table(
                        widths=[50, 70],
                        header=False,
                        rows=[
                            ["Vibeke Strand", "Bakkedal Kommune"],
                            ["Torben Aalund", "Fjordby Kommune"],
                            ["Louise Kamp", "Hospitalsenhed Vest"],
                        ],
                    ),
                )],
                ["Afbud", "Mikkel Dyhr, Lyngså Kommune"],
            ],
        ),
        Item("1.", "Velkommen og godkendelse af dagsorden"),
        P("Beslutning: Godkendt."),
        Item("2.", "Fælles forløbsprogram for KOL"),
        P("Louise Kamp præsenterede udkastet til forløbsprogrammet."),
        P("Beslutning: Styregruppen godkendte forløbsprogrammet. Programmet oversendes til "
          "Sundhedskoordinationsudvalget til orientering."),
        Item("3.", "Eventuelt"),
        P("Beslutning: Intet."),
    ],
    expected=meeting(
        "referat", "Styregruppen for Sammenhængende Borgerforløb", "2022-02-25",
        items=[
            it("1", "Velkommen og godkendelse af dagsorden"),
            it("2", "Fælles forløbsprogram for KOL"),
            it("3", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Styregruppen godkendte forløbsprogrammet", "approved", body="Styregruppen"),
            dec("2", "Programmet oversendes til Sundhedskoordinationsudvalget", "referred"),
            dec("3", "Intet.", "none"),
        ],
        participants=[
            person("Vibeke Strand", "Bakkedal Kommune"),
            person("Torben Aalund", "Fjordby Kommune"),
            person("Louise Kamp", "Hospitalsenhed Vest"),
            person("Mikkel Dyhr", "Lyngså Kommune", absent=True),
        ],
        notes=(
            "The meeting header is a two-column Word table (Møde | Dato | Sted | Deltagere | "
            "Afbud): forum from 'Møde', date from 'Dato'. In the DOCX the participants are a "
            "table nested inside the 'Deltagere' cell (name | organisation); python-docx's "
            "cell.text does not include nested tables. In TXT/PDF the nested rows are lines "
            "of the cell. 'Afbud' row -> absent."
        ),
    ),
)

fixture(
    name="pdf_tight_word_spacing",
    about="PDF whose words are placed without space glyphs and with gaps below pdfplumber's "
    "default x_tolerance (default extraction glues words together)",
    blocks=[
        P("**Arbejdsgruppen for Klimatilpasning**"),
        P("Referat af møde den 6. oktober 2021"),
        P("Deltagere: Frederik Munk, Anja Skov, Rasmus Winther"),
        Blank(),
        Item("1.", "Status på skybrudsplanen"),
        P("Arbejdsgruppen tog statusrapporten til efterretning."),
        Item("2.", "Regnvandsbassin ved Engvej"),
        P("Arbejdsgruppen anbefaler placering B. Sagen oversendes til Teknik- og Miljøudvalget."),
        Item("3.", "Eventuelt"),
        P("Intet."),
    ],
    pdf_tight_words=True,
    expected=meeting(
        "referat", "Arbejdsgruppen for Klimatilpasning", "2021-10-06",
        items=[
            it("1", "Status på skybrudsplanen"),
            it("2", "Regnvandsbassin ved Engvej"),
            it("3", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Arbejdsgruppen tog statusrapporten til efterretning", "noted"),
            dec("2", "Sagen oversendes til Teknik- og Miljøudvalget", "referred"),
            dec("3", "Intet.", "none"),
        ],
        participants=[person("Frederik Munk"), person("Anja Skov"), person("Rasmus Winther")],
        notes=(
            "In the PDF every word is drawn on its own with a gap of about 1.3 pt and no "
            "space character: pdfplumber's default extract_text (x_tolerance=3) returns "
            "'Arbejdsgruppentogstatusrapporten...'; with x_tolerance around 1 the words come "
            "back. TXT, DOCX and Markdown are normal. 'anbefaler placering B' is a "
            "recommendation to the committee and part of the referral, not a separate "
            "decision."
        ),
    ),
)

fixture(
    name="numbering_dash_and_time",
    about="items written '1 - Velkommen' and time stamps 'Kl. 10.15' in titles; an agenda "
    "with times, no labels",
    blocks=[
        P("**Netværk for Sundhedsplejersker Syd**"),
        P("Referat fra netværksmøde 15.05.2020"),
        Blank(),
        Item("1 -", "Velkommen og præsentation", bold=False),
        P("Ny sundhedsplejerske i Kærby, Malou Riis, blev budt velkommen."),
        Item("2 -", "Kl. 10.15 Oplæg om søvn hos spædbørn", bold=False),
        P("Oplægget blev holdt af Signe Vinter. Signe Vinter sender sine slides til netværket."),
        Item("3 -", "Erfaringer med videokonsultationer", bold=False),
        P("Alle kommuner bruger nu video til opfølgende besøg. Netværket besluttede at lave en "
          "fælles vejledning til forældre."),
        Item("4 -", "Kl. 11.45 Evaluering og næste møde", bold=False),
        P("Næste møde holdes i Fjordby i september."),
    ],
    expected=meeting(
        "referat", "Netværk for Sundhedsplejersker Syd", "2020-05-15",
        items=[
            it("1", "Velkommen og præsentation"),
            it("2", "Kl. 10.15 Oplæg om søvn hos spædbørn"),
            it("3", "Erfaringer med videokonsultationer"),
            it("4", "Kl. 11.45 Evaluering og næste møde"),
        ],
        decisions=[
            dec("2", "Signe Vinter sender sine slides til netværket", "action"),
            dec("3", "Netværket besluttede at lave en fælles vejledning", "approved"),
            dec("4", "Næste møde holdes i Fjordby i september", "approved"),
        ],
        actions=[act("2", "Signe Vinter", "sender sine slides til netværket")],
        participants=[],
        notes=(
            "Item markers '1 -' ... '4 -' (number, space, hyphen; not bold). Two titles start "
            "with a time stamp ('Kl. 10.15 ...') that is part of the title as written. Date "
            "'15.05.2020'. 'Næste møde holdes i Fjordby i september' is an agreement about the "
            "next meeting -> approved (as the samples treat such agreements). Malou Riis and "
            "Signe Vinter are mentioned; there is no participant list."
        ),
    ),
)

fixture(
    name="status_vocabulary",
    about="decision wordings of every status under 'Konklusion:'/'Aftale:' labels: godkendes, "
    "Drøftet, kunne ikke anbefale, videresendes til, dagsordenssættes igen, Intet til referat, "
    "næstkommende møde; 'Tilstede', 'Mødeleder'",
    blocks=[
        Title("Referat – Ungeindsatsens Koordinationsforum"),
        P("Mødedato: 2. nov. 2021, kl. 13.00-15.00, Jobcenter Kærby"),
        P("Tilstede: Mona Kirk, Jakob Lauesen, Derya Aksoy"),
        P("Fraværende: Sebastian Holm"),
        P("Mødeleder: Mona Kirk"),
        P("Referent: Tanja Bro"),
        Blank(),
        Item("1.", "Godkendelse af referat fra 7. september 2021"),
        P("Konklusion: Referatet godkendes."),
        Item("2.", "Status på uddannelsespålæg"),
        P("Jobcentret gennemgik tallene for 3. kvartal. Flere unge end ventet har fået et "
          "pålæg."),
        P("Konklusion: Drøftet."),
        Item("3.", "Forslag om fælles mentorkorps"),
        P("Konklusion: Forummet kunne ikke anbefale forslaget i sin nuværende form."),
        Item("4.", "Samarbejde med erhvervsskolerne"),
        P("Aftale: Sagen videresendes til KKR’s uddannelsesudvalg. Jakob Lauesen tilbagemelder "
          "på næstkommende møde."),
        Item("5.", "Budget for ungeindsatsen 2022"),
        P("Konklusion: Punktet dagsordenssættes igen, når budgetaftalen foreligger."),
        Item("6.", "Orientering fra kommunerne"),
        P("Intet til referat."),
        Item("7.", "Eventuelt"),
        P("Det blev besluttet at holde julemøde den 14. december."),
    ],
    page_label="Side {n} af {N}",
    expected=meeting(
        "referat", "Ungeindsatsens Koordinationsforum", "2021-11-02",
        items=[
            it("1", "Godkendelse af referat fra 7. september 2021"),
            it("2", "Status på uddannelsespålæg"),
            it("3", "Forslag om fælles mentorkorps"),
            it("4", "Samarbejde med erhvervsskolerne"),
            it("5", "Budget for ungeindsatsen 2022"),
            it("6", "Orientering fra kommunerne"),
            it("7", "Eventuelt"),
        ],
        decisions=[
            dec("1", "Referatet godkendes", "approved"),
            dec("2", "Drøftet.", "noted"),
            dec("3", "Forummet kunne ikke anbefale forslaget", "rejected", body="Forummet"),
            dec("4", "Sagen videresendes til KKR’s uddannelsesudvalg", "referred"),
            dec("4", "Jakob Lauesen tilbagemelder på næstkommende møde", "action"),
            dec("5", "Punktet dagsordenssættes igen", "postponed"),
            dec("6", "Intet til referat", "none"),
            dec("7", "Det blev besluttet at holde julemøde den 14. december", "approved"),
        ],
        actions=[act("4", "Jakob Lauesen", "tilbagemelder på næstkommende møde")],
        participants=[
            person("Mona Kirk", role="mødeleder"),
            person("Jakob Lauesen"),
            person("Derya Aksoy"),
            person("Sebastian Holm", absent=True),
            person("Tanja Bro", role="referent"),
        ],
        notes=(
            "One wording per status, the forms real minutes use: 'godkendes' (present passive "
            "under Konklusion -> approved, not a proposal: there is no Indstilling), 'Drøftet.' "
            "(discussed, nothing decided -> noted), 'kunne ikke anbefale' (negation -> "
            "rejected), 'videresendes til KKR’s uddannelsesudvalg' (referred), 'tilbagemelder "
            "på næstkommende møde' (action, due the next meeting, date unknown here), "
            "'dagsordenssættes igen' (postponed), 'Intet til referat' (none), 'Det blev "
            "besluttet at' (approved; the date in it is not a due date). Labels 'Konklusion:' "
            "and 'Aftale:' are decision labels. People: 'Tilstede:' (one word), 'Fraværende:', "
            "'Mødeleder:' (a role of Mona Kirk, not another person), 'Referent:'. Date "
            "'2. nov. 2021'."
        ),
    ),
)

# ============================================================================================
# Constructs of issue 3 (reading minutes as their secretary wrote them)
# ============================================================================================

fixture(
    name="action_due_dates",
    about="actions with owners and the due dates minutes give: 'senest den 2. juni' (the "
    "meeting's year), 'på næste møde' (the next meeting the minutes name), 'om ca. ½ år' "
    "(approximate), 'inden 1. oktober'",
    blocks=[
        Title("Referat – Styregruppen for Sundhedsfremme"),
        P("Mødedato: 12. maj 2022, kl. 9.00-11.00, Kærby Rådhus"),
        P("Deltagere: Ane Lund (formand), Bo Holm, Cecilie Ravn"),
        Blank(),
        Item("1.", "Godkendelse af dagsorden"),
        P("Beslutning: Godkendt."),
        Item("2.", "Fælles kampagne om bevægelse"),
        P("Beslutning: Styregruppen godkendte kampagnen. Bo Holm sender materialet til "
          "kommunerne senest den 2. juni."),
        Item("3.", "Data om sygefravær"),
        P("Beslutning: Cecilie Ravn undersøger, om data kan deles, og tilbagemelder på næste "
          "møde."),
        Item("4.", "Evaluering af rygestop"),
        P("Beslutning: Punktet tages op igen om ca. ½ år."),
        Item("5.", "Årshjul 2023"),
        P("Beslutning: Ane Lund udarbejder et udkast til årshjul inden 1. oktober."),
        Item("6.", "Næste møde"),
        P("Næste møde: torsdag den 16. juni 2022 kl. 9.00."),
    ],
    expected=meeting(
        "referat", "Styregruppen for Sundhedsfremme", "2022-05-12",
        items=[
            it("1", "Godkendelse af dagsorden"), it("2", "Fælles kampagne om bevægelse"),
            it("3", "Data om sygefravær"), it("4", "Evaluering af rygestop"),
            it("5", "Årshjul 2023"), it("6", "Næste møde"),
        ],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "Styregruppen godkendte kampagnen", "approved", body="Styregruppen"),
            dec("2", "Bo Holm sender materialet til kommunerne", "action"),
            dec("3", "Cecilie Ravn undersøger, om data kan deles", "action"),
            dec("4", "Punktet tages op igen om ca. ½ år", "postponed"),
            dec("5", "Ane Lund udarbejder et udkast til årshjul", "action"),
        ],
        actions=[
            act("2", "Bo Holm", "sender materialet til kommunerne senest den 2. juni", "2022-06-02"),
            act("3", "Cecilie Ravn", "tilbagemelder på næste møde", "2022-06-16"),
            act("5", "Ane Lund", "udarbejder et udkast til årshjul inden 1. oktober", "2022-10-01"),
        ],
        participants=[person("Ane Lund", role="formand"), person("Bo Holm"), person("Cecilie Ravn")],
        notes=(
            "Due dates as minutes write them: 'senest den 2. juni' takes the meeting's year; "
            "'tilbagemelder på næste møde' is due at the next meeting, whose date item 6 gives "
            "('Næste møde: torsdag den 16. juni 2022'); 'om ca. ½ år' is an approximate horizon "
            "of a postponement (item 4, about November 2022, not scored as a date); 'inden 1. "
            "oktober' in the meeting's year. Item 6 only states the next meeting (no decision)."
        ),
    ),
)

fixture(
    name="swedish_minutes",
    about="Swedish protocol: '§1 Mötet öppnas', 'Närvarande:', 'Årsmötet beslutade att', "
    "'Styrelsen beslutade', 'godkändes', 'bordlades'",
    blocks=[
        Title("Protokoll fört vid årsmöte i Strandby Byalag"),
        P("Datum: 25 juli 2023, kl. 18.00"),
        P("Plats: Bygdegården"),
        P("Närvarande: Eva Lind, Per Åström, Karin Berg"),
        Blank(),
        Item("§1", "Mötet öppnas"),
        P("Ordföranden Eva Lind öppnade mötet."),
        Item("§2", "Val av justerare"),
        P("Per Åström valdes till justerare."),
        Item("§3", "Verksamhetsberättelse"),
        P("Verksamhetsberättelsen godkändes."),
        Item("§4", "Ansvarsfrihet"),
        P("Årsmötet beslutade att bevilja styrelsen ansvarsfrihet."),
        Item("§5", "Motion om ny brygga"),
        P("Motionen bordlades till nästa möte."),
        Item("§6", "Mötet avslutas"),
        P("Inga övriga frågor."),
    ],
    expected=meeting(
        "referat", "Strandby Byalag", "2023-07-25",
        items=[
            it("1", "Mötet öppnas"), it("2", "Val av justerare"), it("3", "Verksamhetsberättelse"),
            it("4", "Ansvarsfrihet"), it("5", "Motion om ny brygga"), it("6", "Mötet avslutas"),
        ],
        decisions=[
            dec("2", "Per Åström valdes till justerare", "approved"),
            dec("3", "Verksamhetsberättelsen godkändes", "approved"),
            dec("4", "Årsmötet beslutade att bevilja styrelsen ansvarsfrihet", "approved",
                body="Årsmötet"),
            dec("5", "Motionen bordlades till nästa möte", "postponed"),
            dec("6", "Inga övriga frågor", "none"),
        ],
        participants=[person("Eva Lind"), person("Per Åström"), person("Karin Berg")],
        language="sv",
        notes=(
            "Swedish: 'Protokoll' is the minutes, items '§N', 'Närvarande:' the attendees. "
            "Statuses: 'valdes' and 'godkändes' (approved), 'beslutade att' (approved, deciding "
            "body 'Årsmötet'), 'bordlades' (tabled -> postponed), 'Inga övriga frågor' (none). "
            "'öppnade mötet' is procedure, no decision."
        ),
    ),
)

fixture(
    name="participant_labels",
    about="attendance written every way: 'Tilstede' with organisations in brackets, "
    "'Fraværende', 'Mødeleder', 'Ordstyrer', a member table with a header row, "
    "'Fremmødte 20 + 4'",
    blocks=[
        Title("Referat af møde i Lokalrådet for Kærby"),
        P("Onsdag den 9. marts 2022 kl. 19.00 i Kærby Forsamlingshus"),
        P("Tilstede: Ole Dam (Kærby Borgerforening), Rikke Sand (Kærby Skole)"),
        P("Fraværende: Mads Krog (Kærby IF)"),
        P("Mødeleder: Ole Dam"),
        P("Ordstyrer: Rikke Sand"),
        P("Fremmødte 20 + 4 (24 i alt)"),
        Label("Medlemmer"),
        Table(rows=[["Navn", "Forening"], ["Ole Dam", "Kærby Borgerforening"],
                    ["Rikke Sand", "Kærby Skole"], ["Mads Krog", "Kærby IF"]],
              widths=[60, 70], txt="columns"),
        Blank(),
        Item("1.", "Godkendelse af dagsorden"),
        P("Godkendt."),
        Item("2.", "Eventuelt"),
        P("Intet."),
    ],
    expected=meeting(
        "referat", "Lokalrådet for Kærby", "2022-03-09",
        items=[it("1", "Godkendelse af dagsorden"), it("2", "Eventuelt")],
        decisions=[dec("1", "Godkendt.", "approved"), dec("2", "Intet.", "none")],
        participants=[
            person("Ole Dam", "Kærby Borgerforening", role="mødeleder"),
            person("Rikke Sand", "Kærby Skole", role="ordstyrer"),
            person("Mads Krog", "Kærby IF", absent=True),
        ],
        attendance_count=24,
        notes=(
            "The same three people under several labels: 'Tilstede:' with organisations in "
            "brackets, 'Fraværende:' (absent), 'Mødeleder:' and 'Ordstyrer:' (roles of people "
            "already listed), and the member table under 'Medlemmer' (header row Navn | "
            "Forening, no person). 'Fremmødte 20 + 4' is a head count of 24."
        ),
    ),
)

fixture(
    name="closed_item_prefix",
    about="closed items marked 'Lukket:' before the title (as an ESDH system prints them) "
    "and under a 'Lukket dagsorden' heading",
    blocks=[
        Title("Referat – Økonomiudvalget"),
        P("Mødedato: Tirsdag den 7. juni 2022, kl. 15.00"),
        Blank(),
        Item("1.", "Godkendelse af dagsorden"),
        P("Beslutning: Godkendt."),
        Item("2.", "Lukket: Køb af landbrugsejendom"),
        P("Beslutning: Indstillingen godkendt."),
        Item("3.", "Budgetopfølgning 1. kvartal"),
        P("Beslutning: Taget til efterretning."),
    ],
    expected=meeting(
        "referat", "Økonomiudvalget", "2022-06-07",
        items=[it("1", "Godkendelse af dagsorden", closed=False),
               it("2", "Køb af landbrugsejendom", closed=True),
               it("3", "Budgetopfølgning 1. kvartal", closed=False)],
        decisions=[dec("1", "Godkendt.", "approved"), dec("2", "Indstillingen godkendt", "approved"),
                   dec("3", "Taget til efterretning", "noted")],
        notes=(
            "'Lukket: Køb af landbrugsejendom': the marker is not part of the title, the item is "
            "closed; its public decision is still given."
        ),
    ),
)

fixture(
    name="vote_adopts_proposal",
    about="a general assembly whose votes ('Enstemmigt vedtaget.') adopt the proposal or "
    "candidacy before them, in a list entry or after a list",
    blocks=[
        Title("Referat af ordinær generalforsamling i Beboerforeningen Lindegården"),
        P("Tirsdag den 14. marts 2023"),
        Blank(),
        Item("§1", "Valg af dirigent"),
        P("Karin Vestergaard stiller op som dirigent."),
        P("Enstemmigt vedtaget."),
        Item("§2", "Regnskab for 2022"),
        P("Bestyrelsen foreslår, at regnskabet udskydes til næste generalforsamling, da revisor er syg."),
        P("Enstemmigt vedtaget."),
        Item("§3", "Forslag til ændringer i vedtægterne"),
        P("(a) Kontingentet fastsættes af generalforsamlingen hvert år."),
        P("(b) Bestyrelsen består af fem medlemmer og to suppleanter."),
        P("Enstemmigt vedtaget."),
        Item("§4", "Indkomne forslag"),
        P("a) Forslag om hønsehus i gården. Forslaget blev forkastet med 5 stemmer mod 14."),
        P("b) Forslag om fælles cykelparkering. Enstemmigt vedtaget."),
        Item("§5", "Eventuelt"),
        P("Intet under eventuelt."),
        Blank(),
        P("Referat vedtaget af:"),
        P("Karin Vestergaard"),
    ],
    expected=meeting(
        "referat", "Beboerforeningen Lindegården", "2023-03-14",
        items=[it("1", "Valg af dirigent"), it("2", "Regnskab for 2022"),
               it("3", "Forslag til ændringer i vedtægterne"), it("4", "Indkomne forslag"),
               it("5", "Eventuelt")],
        decisions=[
            dec("1", "Karin Vestergaard stiller op som dirigent. Enstemmigt vedtaget", "approved"),
            dec("2", "udskydes til næste generalforsamling", "postponed"),
            dec("3", "Kontingentet fastsættes", "approved"),
            dec("4", "Forslaget blev forkastet", "rejected"),
            dec("4", "Forslag om fælles cykelparkering. Enstemmigt vedtaget", "approved"),
            dec("5", "Intet under eventuelt", "none"),
        ],
        notes=(
            "'Enstemmigt vedtaget.' on its own adopts what was proposed before it: the "
            "candidacy (§1), the proposal to postpone (§2: postponed, the vote does not make it "
            "'approved'), the list of amendments (§3, one decision), and inside a list entry "
            "only that entry (§4 b, not the rejected a). 'Referat vedtaget af:' starts the "
            "signatures, no decision."
        ),
    ),
)

fixture(
    name="decision_block_with_dissent",
    about="council minutes: 'Punkt N:' with a case number, the decision under 'Beslutninger' "
    "with the parties that could not agree, then the proposal ('BESLUTNINGSFORSLAG FRA V', "
    "'Beslutningspunkter: Det indstilles: At 1) …') and its history",
    blocks=[
        Title("REFERAT Kærby Byråd"),
        P("Mødedato Onsdag d. 12. marts 2025 kl. 17:00"),
        Blank(),
        Item("Punkt 1:", "Godkendelse af dagsorden"),
        P("EMN-2025-000217"),
        Label("Beslutninger"),
        P("Godkendt."),
        Item("Punkt 2:", "Svar på forslag fra K om nye cykelstier ved Skovvej"),
        P("EMN-2025-003310"),
        Label("Beslutninger"),
        P("Tilbagesendes By og Natur med bemærkning, at byrådet i sit møde den 12. marts "
          "2025 har tiltrådt Økonomiudvalgets indstilling af 4. marts 2025."),
        P("Enhedslisten kunne ikke tiltræde indstillingen."),
        P("By og Natur udarbejder en plan for cykelstierne."),
        Label("BESLUTNINGSFORSLAG FRA K"),
        P("Det Konservative Folkeparti ønsker flere cykelstier ved Skovvej."),
        Label("Beslutningspunkter"),
        P("Det indstilles:"),
        P("At 1) forslaget indgår i den kommende trafikplan."),
        Label("Sagsforløb"),
        P("Sagens behandling blev udsat i byrådets møde den 5. februar 2025."),
        Item("Punkt 3:", "Forslag fra F om grøn festival i Kærby"),
        P("EMN-2025-005561"),
        Label("Beslutninger"),
        P("Oversendes til Kultur og Fritid med henblik på udarbejdelse af en indstilling."),
        P("Sagen bedes forelagt byrådet igen via Økonomiudvalget."),
    ],
    expected=meeting(
        "referat", "Kærby Byråd", "2025-03-12",
        items=[it("1", "Godkendelse af dagsorden"),
               it("2", "Svar på forslag fra K om nye cykelstier ved Skovvej"),
               it("3", "Forslag fra F om grøn festival i Kærby")],
        decisions=[
            dec("1", "Godkendt.", "approved"),
            dec("2", "har tiltrådt Økonomiudvalgets indstilling", "approved"),
            dec("2", "By og Natur udarbejder en plan", "action"),
            dec("3", "Oversendes til Kultur og Fritid", "referred"),
        ],
        actions=[act("2", "By og Natur", "udarbejder en plan")],
        proposals=[prop("2", "forslaget indgår i den kommende trafikplan")],
        notes=(
            "'Tilbagesendes … med bemærkning, at byrådet … har vedtaget' is an approval (the "
            "case goes back because it was adopted); a party's 'kunne ikke tiltræde' "
            "is a note on that decision, not a rejection of its own; 'Sagen bedes tilbagesendt "
            "…' belongs to the referral before it. The proposal text after the decision is a "
            "proposal; 'blev udsat' in the case history is an earlier body's step, not this "
            "meeting's decision."
        ),
    ),
)

fixture(
    name="meetings_without_year",
    about="a logbook of meetings under headings 'Tirsdag d. 11/02' that never writes the "
    "year: the weekdays give it; 'Til næste møde (d. 25/2)' opens no meeting",
    blocks=[
        Title("Logbog for projektgruppe 4"),
        Head("Tirsdag d. 11/02", level=2),
        Label("Dagsorden"),
        Bullets(["Lav samarbejdsaftale", "Påbegynd projektforslag"]),
        Label("Udeblivende medlemmer"),
        Bullets(["Kristian (syg)"]),
        Label("Referat af gruppemøde"),
        Bullets(["Samarbejdsaftalen blev skrevet"]),
        Label("Til næste møde (d. 18/2)"),
        Bullets(["Færdiggør projektforslaget"]),
        Head("Tirsdag d. 18/02", level=2),
        Label("Dagsorden"),
        Bullets(["Godkend kontrakter"]),
        Head("Søndag d. 15/03", level=2),
        Label("Dagsorden"),
        Bullets(["Forbered vejledermøde"]),
    ],
    expected={
        "meetings": [
            meeting("referat", "projektgruppe 4", "2020-02-11", participants=[person("Kristian", absent=True)]),
            meeting("referat", "projektgruppe 4", "2020-02-18"),
            meeting("referat", "projektgruppe 4", "2020-03-15"),
        ],
        "notes": (
            "Three meetings in one file under headings of a weekday and a day/month; the year "
            "is nowhere, and 2020 is the one recent year in which 11 February and 18 February "
            "are Tuesdays and 15 March a Sunday. The bullets are no agenda items. 'Udeblivende "
            "medlemmer' lists who was away ('(syg)' is a reason, no organisation). The title "
            "'Logbog for projektgruppe 4' names the group (forum of all three meetings)."
        ),
    },
)


fixture(
    name="participant_table_empty_cells",
    about="a participant table whose rows leave cells empty (no organisation, no role, "
    "attendance only where someone was away): each cell keeps its column (caught: the empty "
    "cells were dropped and the next cell read as the one before). DOCX, Markdown and PDF "
    "have the cells; a plain-text table of columns has only gaps",
    formats=("md", "docx", "pdf"),
    blocks=[
        Title("Referat – Seniorrådet"),
        P("Dato: 9. oktober 2025 kl. 10.00–12.00"),
        P("Sted: Byrådssalen, Kystby Rådhus"),
        Label("Deltagere"),
        Table(
            widths=[50, 50, 35, 30],
            rows=[
                ["Navn", "Organisation", "Rolle", "Afbud"],
                ["Grethe Holm", "", "formand", ""],
                ["Bent Kure", "Ældre Sagen Kystby", "", "Afbud"],
                ["Lis Winther", "", "", ""],
                ["Aksel Dam", "Kystby Kommune", "sekretær", ""],
            ],
            txt="columns",
        ),
        Item("1.", "Godkendelse af dagsorden"),
        Label("Beslutning"),
        P("Dagsordenen blev godkendt."),
        Item("2.", "Høring om budget 2026 for ældreområdet"),
        Label("Beslutning"),
        P("Seniorrådet afgiver høringssvar."),
    ],
    expected=meeting(
        "referat", "Seniorrådet", "2025-10-09",
        items=[it("1", "Godkendelse af dagsorden"),
               it("2", "Høring om budget 2026 for ældreområdet")],
        decisions=[dec("1", "Dagsordenen blev godkendt", "approved"),
                   dec("2", "Seniorrådet afgiver høringssvar", "approved", body="Seniorrådet")],
        participants=[
            person("Grethe Holm", role="formand"),
            person("Bent Kure", "Ældre Sagen Kystby", absent=True),
            person("Lis Winther"),
            person("Aksel Dam", "Kystby Kommune", role="sekretær"),
        ],
        notes=(
            "Under the header Navn | Organisation | Rolle | Afbud an empty cell is no value: "
            "Grethe Holm has no organisation (not 'formand'), Bent Kure no role (not "
            "'Afbud'); 'Afbud' in the last column marks him absent."
        ),
    ),
)

# The blind sets (scripts/holdout_specs.py): documents written and judged before the pipeline
# ran on them, kept as regression fixtures once measured.
from holdout_specs import HOLDOUT, SECOND  # noqa: E402

FIXTURES.extend(HOLDOUT + SECOND)
