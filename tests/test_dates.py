import datetime as dt

import pytest

from referatkit import dates
from referatkit.dates import date_from_filename, find_dates, find_time, parse_date


@pytest.mark.parametrize(
    "text, year, expected",
    [
        ("Onsdag d. 9. december 2020 kl. 8.30 – 11.30", None, "2020-12-09"),
        ("FREDAG DEN 26. marts 2021 KL. 9.00 – 10.00", None, "2021-03-26"),
        ("den 15. maj 2020", None, "2020-05-15"),
        ("mødet 15/5 blev aflyst", 2020, "2020-05-15"),
        ("15.05.2020", None, "2020-05-15"),
        ("2020-05-15", None, "2020-05-15"),
        ("Dato: 04.12.2012", None, "2012-12-04"),
        ("4.december2017", None, "2017-12-04"),
        ("d. 27-08-2025", None, "2025-08-27"),
        ("29 Sep 2014", None, "2014-09-29"),
        ("March 13, 2023", None, "2023-03-13"),
        ("torsdag den 28. februar", 2019, "2019-02-28"),
        ("den 3. jan. 2022", None, "2022-01-03"),
        ("tirsdag den 4. DECEMBER 2012, kl. 13:00", None, "2012-12-04"),
        ("måndag 9 juli 2019", None, "2019-07-09"),
    ],
)
def test_danish_date_forms(text: str, year: int | None, expected: str) -> None:
    assert parse_date(text, year) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(
    "text",
    [
        "afsnit 4.1 og 2021-22",  # section numbers and year spans are not dates
        "Maj Skårhøj fremlagde",  # a name, not a month
        "uge 9 og 25",
        "1. halvår 2018",
        "15/5",  # no year to give it
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_weekday_is_noticed() -> None:
    (d,) = find_dates("Onsdag d. 9. december 2020")
    assert d.has_weekday and d.has_year


@pytest.mark.parametrize(
    "text, expected",
    [
        ("kl. 8.30 – 11.30", "08:30–11:30"),
        ("KL. 9.00 – 10.00", "09:00–10:00"),
        ("Kl. 10:30", "10:30"),
        ("kl. 13", "13:00"),
        ("ingen tid her", None),
    ],
)
def test_time(text: str, expected: str | None) -> None:
    assert find_time(text) == expected


def test_date_from_filename() -> None:
    assert date_from_filename("Generalforsamling20160222.pdf") == dt.date(2016, 2, 22)
    assert date_from_filename("2014-09-04.md") == dt.date(2014, 9, 4)
    assert date_from_filename("referat.pdf") is None


def test_year_from_weekdays() -> None:
    text = "Tirsdag d. 11/02\nOnsdag d. 19/02\nSøndag d. 15/03\nMandag d. 16/03"
    assert dates.year_from_weekdays(text) == 2020
    # two dates that fit several years of one calendar cycle give none
    assert dates.year_from_weekdays("Tirsdag d. 11/02 og onsdag den 19. februar") is None
    assert dates.year_from_weekdays("Onsdag d. 9. december") is None


def test_day_month_with_a_dash_after_d() -> None:
    (d,) = dates.find_dates("Gruppemøde d. 17-11", 2025)
    assert d.date.isoformat() == "2025-11-17"
    assert dates.find_dates("kl. 8-10 og 17-11", 2025) == []
