from referatkit.model import Block, RawDocument
from referatkit.redact import CPR_MASK, redact, redact_cpr


def test_cpr_numbers_are_masked() -> None:
    text, n = redact_cpr("Borgeren (cpr 010203-1234) klagede. Sag 2012-202935.")
    assert n == 1
    assert "010203-1234" not in text and CPR_MASK in text
    assert "2012-202935" in text  # a case number is not a date


def test_implausible_dates_and_other_numbers_are_kept() -> None:
    for s in ("Sagsnr. 450299-1234", "tlf. 12345678", "Budget 2021-2022", "konto 1234-567890"):
        assert redact_cpr(s) == (s, 0)


def test_bare_ten_digits_only_in_cpr_context() -> None:
    assert redact_cpr("Faktura 0102031234")[1] == 0
    assert redact_cpr("CPR-nr.: 0102031234")[1] == 1


def test_redact_document_warns() -> None:
    raw = RawDocument(path="x", format="txt", blocks=[Block("CPR 311299-1111"), Block("ok")])
    out = redact(raw)
    assert out.blocks[0].text == f"CPR {CPR_MASK}"
    assert out.warnings == ["1 CPR number(s) redacted"]
