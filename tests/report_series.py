"""Three years of a network group's minutes (2019–2021) for the report and diff tests, in
the formats of :mod:`series_docs` (TXT, Markdown, DOCX) and read by the real pipeline.

What happens in it — the numbers the report tests check are worked out here:

* Participants are listed by organisation ("Holbæk Kommune:" then the names), apologies
  under "Afbud:". Dorte Møller (Køge) sends apologies more and more often: 1 of 2 meetings in
  2019, 2 of 3 in 2020, 3 of 3 in 2021. Eva Kirk (Region Sjælland) joins in 2020.
* The framework agreement comes back every year under a case number: "Rammeaftale 2020"
  (19/0456) postponed in March 2019, approved in September; "Rammeaftale 2021-2022" (20/0789)
  postponed in June 2020, approved in November; in 2021 the same case is **renamed**
  "Udmøntning af rammeaftale 2021-2022": an action for Bo Lind in March, noted in June.
* Peer support: an action in September 2019, noted (settled) in February 2020.
* Corona is the theme of 2020 (two items) and gone in 2021; the recovery college is the new
  theme of 2021.
* The recovery college is approved in March 2021; "Recovery-college og undervisning" (a
  matter of its own) is postponed in June and stays open.
* Closed items ("Lukket punkt"): a personnel matter in 2020, a complaint in 2021 whose
  referral stays open — left out of reports unless asked for.
* Open at the end (as of 2022-01-31): the referral to KKR of November 2020, the
  postponement of the recovery college of June 2021 (and the closed complaint's referral).
* The last meeting plans the meetings of 2022.
"""

from __future__ import annotations

from pathlib import Path

from series_docs import Meeting, write_series

FORUM = "Netværksgruppen for Socialpsykiatri"
AS_OF = "2022-01-31"

HOLBAEK, ROSKILDE, REGION, KOEGE = ("Holbæk Kommune", "Roskilde Kommune", "Region Sjælland",
                                    "Køge Kommune")


def people(present: dict[str, list[str]], absent: dict[str, list[str]]) -> list[str]:
    """A participant list by organisation, then the apologies."""
    lines = ["Deltagere:"]
    for org, names in present.items():
        lines += [f"{org}:", *names]
    if absent:
        lines += ["", "Afbud:"]
        for org, names in absent.items():
            lines += [f"{org}:", *names]
    return lines


DAGSORDEN = ("1", "Godkendelse af dagsorden", [("Beslutning", "Godkendt.")])


def eventuelt(number: str) -> tuple[str, str, list[tuple[str, str]]]:
    return (number, "Eventuelt", [("Beslutning", "Intet.")])


SERIES: list[Meeting] = [
    Meeting("2019-03-14-referat", "txt", FORUM, "Torsdag den 14. marts 2019 kl. 10.00", [
        DAGSORDEN,
        ("2", "Recovery og peerstøtte", [
            ("Baggrund", "Kommunerne arbejder med recovery-orienterede indsatser og peerstøtte."),
            ("Beslutning", "Netværket godkendte planen for peerstøtte."),
        ]),
        ("3", "Rammeaftale 2020", [
            ("", "Sagsnr.: 19/0456"),
            ("Baggrund", "Udkast til rammeaftale 2020 for det specialiserede socialområde."),
            ("Beslutning", "Punktet udsættes til næste møde."),
        ]),
        eventuelt("4"),
    ], folder="2019", preamble=people(
        {HOLBAEK: ["Anne Holm"], ROSKILDE: ["Bo Lind"], REGION: ["Carl Dahl"],
         KOEGE: ["Dorte Møller"]}, {})),
    Meeting("2019-09-19-referat", "md", FORUM, "Torsdag den 19. september 2019", [
        DAGSORDEN,
        ("2", "Rammeaftale 2020", [
            ("", "Sagsnr.: 19/0456"),
            ("Beslutning", "Rammeaftalen blev godkendt."),
        ]),
        ("3", "Peerstøtte i praksis", [
            ("Beslutning", "Sekretariatet udarbejder en oversigt over peerstøtte i kommunerne."),
        ]),
        eventuelt("4"),
    ], folder="2019", preamble=people(
        {HOLBAEK: ["Anne Holm"], ROSKILDE: ["Bo Lind"], REGION: ["Carl Dahl"]},
        {KOEGE: ["Dorte Møller"]})),
    Meeting("2020-02-12-referat", "txt-cp1252", FORUM, "Onsdag den 12. februar 2020 kl. 10.00", [
        DAGSORDEN,
        ("2", "Peerstøtte i praksis", [
            ("Baggrund", "Sekretariatet har samlet en oversigt over peerstøtte i kommunerne."),
            ("Beslutning", "Netværket tog orienteringen til efterretning."),
        ]),
        ("3", "Corona og hjemmebesøg", [
            ("Beslutning", "Netværket tog orienteringen om hjemmebesøg under corona til "
                           "efterretning."),
        ]),
        ("4", "Lukket punkt: Personalesag", [("Beslutning", "Godkendt.")]),
        eventuelt("5"),
    ], folder="2020", preamble=people(
        {HOLBAEK: ["Anne Holm"], ROSKILDE: ["Bo Lind"], REGION: ["Carl Dahl", "Eva Kirk"],
         KOEGE: ["Dorte Møller"]}, {})),
    Meeting("2020-06-10-referat", "docx", FORUM, "Onsdag den 10. juni 2020", [
        DAGSORDEN,
        ("2", "Corona og digitale møder", [
            ("Beslutning", "Netværket tog orienteringen om digitale møder under corona til "
                           "efterretning."),
        ]),
        ("3", "Rammeaftale 2021-2022", [
            ("", "Sagsnr.: 20/0789"),
            ("Baggrund", "Udkast til rammeaftale 2021-2022 er sendt i høring hos kommunerne."),
            ("Beslutning", "Punktet udsættes."),
        ]),
        eventuelt("4"),
    ], folder="2020", preamble=people(
        {HOLBAEK: ["Anne Holm"], REGION: ["Carl Dahl", "Eva Kirk"]},
        {ROSKILDE: ["Bo Lind"], KOEGE: ["Dorte Møller"]})),
    Meeting("2020-11-25-referat", "txt", FORUM, "Onsdag den 25. november 2020", [
        DAGSORDEN,
        ("2", "Rammeaftale 2021-2022", [
            ("", "Sagsnr.: 20/0789"),
            ("Baggrund", "Høringssvarene fra kommunerne er indarbejdet i rammeaftale 2021-2022."),
            ("Beslutning", "Netværket godkendte rammeaftalen."),
        ]),
        ("3", "Kompetenceudvikling for medarbejdere", [
            ("Beslutning", "Sagen oversendes til KKR."),
        ]),
        eventuelt("4"),
    ], folder="2020", preamble=people(
        {HOLBAEK: ["Anne Holm"], ROSKILDE: ["Bo Lind"], REGION: ["Carl Dahl"]},
        {KOEGE: ["Dorte Møller"]})),
    Meeting("2021-03-04-referat", "txt", FORUM, "Torsdag den 4. marts 2021", [
        DAGSORDEN,
        ("2", "Udmøntning af rammeaftale 2021-2022", [
            ("", "Sagsnr.: 20/0789"),
            ("Baggrund", "Sekretariatet har udarbejdet en plan for udmøntning af rammeaftalen."),
            ("Beslutning", "Bo Lind følger op på udmøntningen i kommunerne."),
        ]),
        ("3", "Recovery-college", [
            ("Beslutning", "Netværket godkendte oprettelsen af et recovery-college."),
        ]),
        eventuelt("4"),
    ], folder="2021", preamble=people(
        {HOLBAEK: ["Anne Holm"], ROSKILDE: ["Bo Lind"], REGION: ["Carl Dahl", "Eva Kirk"]},
        {KOEGE: ["Dorte Møller"]})),
    Meeting("2021-06-17-referat", "md", FORUM, "Torsdag den 17. juni 2021", [
        DAGSORDEN,
        ("2", "Udmøntning af rammeaftale 2021-2022", [
            ("", "Sagsnr.: 20/0789"),
            ("Baggrund", "Kommunerne har meldt status på udmøntningen af rammeaftalen."),
            ("Beslutning", "Netværket tog status til efterretning."),
        ]),
        ("3", "Recovery-college og undervisning", [
            ("Beslutning", "Punktet udsættes."),
        ]),
        ("4", "Lukket punkt: Klagesag", [("Beslutning", "Sagen oversendes til forvaltningen.")]),
        eventuelt("5"),
    ], folder="2021", preamble=people(
        {HOLBAEK: ["Anne Holm"], ROSKILDE: ["Bo Lind"], REGION: ["Eva Kirk"]},
        {REGION: ["Carl Dahl"], KOEGE: ["Dorte Møller"]})),
    Meeting("2021-11-24-referat", "docx", FORUM, "Onsdag den 24. november 2021", [
        DAGSORDEN,
        ("2", "Recovery og peerstøtte i kommunerne", [
            ("Baggrund", "Status på recovery og peerstøtte i de fire kommuner."),
            ("Beslutning", "Netværket tog orienteringen til efterretning."),
        ]),
        ("3", "Mødeplan 2022", [
            ("", "Netværket mødes den 3. marts 2022, den 16. juni 2022 og den 1. december 2022."),
        ]),
        eventuelt("4"),
    ], folder="2021", preamble=people(
        {HOLBAEK: ["Anne Holm"], ROSKILDE: ["Bo Lind"], REGION: ["Carl Dahl", "Eva Kirk"]},
        {KOEGE: ["Dorte Møller"]})),
]


def write_network(folder: Path) -> dict[str, Path]:
    return write_series(folder, SERIES)


def build_archive(folder: Path) -> Path:
    """This series and the steering group's (:mod:`series_docs`) ingested into one archive:
    two forums, 2019–2021. Returns the database."""
    from referatkit.ingest import ingest
    from series_docs import SERIES as STEERING

    write_series(folder / "netvaerk", SERIES)
    write_series(folder / "styregruppe", STEERING)
    db = folder / "archive.db"
    report = ingest([folder / "netvaerk", folder / "styregruppe"], db)
    assert report.failed == 0, report.failures
    return db
