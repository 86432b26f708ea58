"""The evaluator: normalisation, scoring on hand-made expected/actual dicts, and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from referatkit import evaluate as ev
from referatkit.model import Action, Attachment, Decision, Document, Item, Participant

# --- normalisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("beskæftigelses-\nområdet", "beskæftigelsesområdet"),
        ("fo- \n  kusområder", "fokusområder"),
        ("F-\nACT", "F-ACT"),
        ("Rammeaftale 2021-\n22", "Rammeaftale 2021-22"),
        ("KKR-\nregi", "KKR-regi"),
        ("social-\nog sundhedsudvalget", "social- og sundhedsudvalget"),
        ("børne-\neller ungeområdet", "børne- eller ungeområdet"),
        ("Ældre-\nHandicap", "Ældre-Handicap"),
        ("15-40-årige", "15-40-årige"),
        ("a - b", "a - b"),
    ],
)
def test_join_hyphenation(raw, want):
    assert ev.norm_text(raw) == want


def test_norm_text_collapses_whitespace_and_can_keep_hyphenation():
    assert ev.norm_text("  Driftsforum \n tager\torienteringen  ") == "Driftsforum tager orienteringen"
    assert ev.norm_text("fo-\nkus", hyphenation=False) == "fo- kus"
    assert ev.norm_text(None) == ""


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Kort orientering (meget, meget kort …):", "Kort orientering (meget, meget kort …)"),
        ("Psykiatri-initiativer på nationalt og regionalt plan:", "Psykiatri-initiativer på nationalt og regionalt plan"),
        ("Bordet rundt: Efterspørg gerne input til en udfordring …", "Bordet rundt: Efterspørg gerne input til en udfordring"),
        ("Kl. 9.55:  Aftaler om næste møde 28. maj og afslutning", "Kl. 9.55: Aftaler om næste møde 28. maj og afslutning"),
        ("Drøftelse af forslag indenfor beskæftigelses-\nområdet og Psykiatrien", "Drøftelse af forslag indenfor beskæftigelsesområdet og Psykiatrien"),
        ("Eventuelt.", "Eventuelt"),
        ("Hvad fylder lige nu?", "Hvad fylder lige nu?"),
    ],
)
def test_norm_title(raw, want):
    assert ev.norm_title(raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [("4B)", "4B"), ("1.", "1"), ("01", "1"), (" 4 c. ", "4C"), ("715.", "715"),
     ("12/21", "12/21"), (None, ""), (3, "3"), ("1 -", "1")],
)
def test_norm_number(raw, want):
    assert ev.norm_number(raw) == want


def test_forum_ratio_is_casefolded_and_fuzzy():
    assert ev.forum_ratio("Driftsforum Voksenpsykiatri – Klynge MIDT",
                          "driftsforum voksenpsykiatri – klynge midt") == 100
    assert ev.forum_ratio("Driftsforum Voksenpsykiatri – Klynge MIDT",
                          "Driftsforum Voksenpsykiatri - Klynge Midt") >= 90
    assert ev.forum_ratio("Ældrerådet", "Handicaprådet") < 90
    assert ev.forum_ratio(None, None) == 100
    assert ev.forum_ratio("Ældrerådet", None) == 0


def test_prf():
    assert ev.prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert ev.prf(0, 0, 3) == (0.0, 1.0, 0.0)
    assert ev.prf(0, 4, 0) == (0.0, 0.0, 0.0)
    p, r, f = ev.prf(2, 4, 2)
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)


# --- scoring on hand-made dicts ------------------------------------------------------------------

EXPECTED = {
    "doc_type": "referat",
    "forum": "Driftsforum Voksenpsykiatri – Klynge MIDT",
    "meeting_date": "2020-12-09",
    "items": [
        {"number": "1", "title": "Opfølgning på møderne:"},
        {"number": "2", "title": "Drøftelse af samarbejdet indenfor beskæftigelsesområdet"},
        {"number": "4B", "title": "Budget 2022"},
        {"number": "5", "title": "Eventuelt", "closed": False},
    ],
    "decisions": [
        {"item": "1", "text_contains": "Intet at bemærke.", "status": "none"},
        {"item": "2", "text_contains": "tager orienteringen til efterretning", "status": "noted"},
        {"item": "2", "text_contains": "Tine Blach undersøger", "status": "action"},
        {"item": "4B", "text_contains": "Punktet udsættes", "status": "postponed"},
    ],
    "actions": [
        {"item": "2", "owner": "Tine Blach", "text_contains": "Tine Blach undersøger",
         "due": "2021-01-15"},
        {"item": "2", "owner": "Driftsforum", "text_contains": "tager orienteringen"},
    ],
    "participants": [
        {"name": "Maj Skårhøj", "organisation": "Psykiatrien", "absent": False, "role": "mødeleder"},
        {"name": "Anne  Louise Dall", "organisation": "Aalborg Kommune", "absent": True},
        {"name": "Lene Kalstrup", "organisation": "Aalborg Kommune", "absent": False},
    ],
    "attachments": [
        {"item": "1", "title_contains": "Referat fra Klyngestyregruppe"},
        {"item": "2", "title_contains": "Kommissorium"},
    ],
    "notes": "hand-made",
}


def _actual(**over):
    doc = Document(
        path="x.txt", format="txt", doc_type="referat",
        forum="Driftsforum Voksenpsykiatri - Klynge Midt", meeting_date="2020-12-09",
        participants=[
            Participant("maj  skårhøj", "Psykiatrien", role="medformand, mødeleder"),
            Participant("Anne Louise Dall", "Aalborg kommune", absent=False),
            Participant("Someone Else", None),
        ],
        items=[
            Item("1", "Opfølgning på møderne",
                 decisions=[Decision("Intet at\nbemærke.", "none")],
                 attachments=[Attachment("Referat fra Klyngestyregruppe Midt den 19. oktober")]),
            Item("2", "Drøftelse af samarbejdet indenfor beskæftigelses-\nområdet",
                 decisions=[
                     Decision("1. Driftsforum tager orienteringen til efterretning", "noted",
                              owner="Driftsforum"),
                     Decision("Tine Blach undersøger sagen", "approved",
                              actions=[Action("Tine Blach undersøger sagen", owner="Tine Blach",
                                              due="2021-01-15")]),
                     Decision("Der holdes frokost", "approved"),
                 ]),
            Item("4C", "Budget 2022", decisions=[Decision("Punktet udsættes", "postponed")]),
            Item("5", "Eventuelt", closed=True),
            Item("6", "Ekstra punkt"),
        ],
    )
    for k, v in over.items():
        setattr(doc, k, v)
    return doc.export()


def test_score_meeting_exact_numbers():
    s = ev.score_meeting(EXPECTED, _actual())
    # meeting fields
    assert (s["doc_type"].num, s["date"].num, s["forum"].num) == (1, 1, 1)
    assert s.forum_ratio >= 90
    # items: 1, 2 and 5 match (2 only after hyphenation is joined); 4B is extracted as 4C
    assert (s["items_tp"].num, s["items_tp"].den, s["items_prec"].den) == (3, 4, 5)
    p, r, f = s.items_prf()
    assert (p, r) == (0.6, 0.75) and f == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert (s["closed"].num, s["closed"].den) == (0, 1)
    # decisions: 4B's decision sits under item 4C -> not found; 3 of 4 found, 2 statuses right
    assert str(s["decisions"]) == "3/4"
    assert str(s["status"]) == "2/3"
    # extracted 5: four match an expected text of their item, "frokost" and 4C's do not
    assert (s["decisions_prec"].num, s["decisions_prec"].den) == (3, 5)
    # actions: Tine Blach via the action's owner (due right), Driftsforum via decision.owner
    assert str(s["owners"]) == "2/2"
    assert str(s["due"]) == "1/1"
    # participants: Maj (case/space-insensitive) and Anne Louise Dall found, Lene missing
    assert str(s["participants"]) == "2/3"
    assert str(s["absent"]) == "1/2"  # Anne Louise Dall should be absent
    assert str(s["organisation"]) == "2/2"  # casefolded
    assert str(s["role"]) == "1/1"  # "mødeleder" within "medformand, mødeleder"
    assert str(s["attachments"]) == "1/2"
    kinds = [m.kind for m in s.misses]
    assert kinds.count("item") == 1 and kinds.count("item+") == 2
    assert "decision" in kinds and "status" in kinds and "participant" in kinds
    miss = next(m.message for m in s.misses if m.kind == "item")
    assert miss.startswith("item 4B 'Budget 2022' not found; closest is 4C")
    miss = next(m.message for m in s.misses if m.kind == "decision")
    assert "no item 4B extracted" in miss
    miss = next(m.message for m in s.misses if m.kind == "status")
    assert "expected action, got approved" in miss


def test_strict_text_does_not_join_hyphenation():
    s = ev.score_meeting(EXPECTED, _actual(), hyphenation=False)
    assert s["items_tp"].num == 2


def test_empty_expected_and_empty_result_is_perfect():
    exp = {"doc_type": "notat", "forum": "Social- og psykiatriudvalget", "meeting_date": None,
           "items": [], "decisions": [], "actions": [], "participants": [], "attachments": []}
    act = Document(path="n.txt", format="txt", doc_type="notat",
                   forum="Social- og Psykiatriudvalget").export()
    s = ev.score_meeting(exp, act)
    assert s.items_prf() == (1.0, 1.0, 1.0)
    assert s["date"].num == 1 and s["forum"].num == 1
    assert s["decisions"].den == 0 and str(s["decisions"]) == "-"
    invented = Document(path="n.txt", format="txt", doc_type="notat",
                        items=[Item("7", "Anbefaling 7")]).export()
    s = ev.score_meeting(exp, invented)
    assert s.items_prf() == (0.0, 1.0, 0.0)


def test_nothing_extracted_scores_zero():
    s = ev.score_meeting(EXPECTED, None)
    assert s.items_prf() == (0.0, 0.0, 0.0)
    assert str(s["decisions"]) == "0/4" and str(s["owners"]) == "0/2"
    assert s["doc_type"].num == 0 and s["date"].num == 0


def test_decision_found_elsewhere_is_explained():
    act = _actual()
    act["items"][1]["proposals"] = [{"text": "Det indstilles, at Driftsforum tager "
                                             "orienteringen til efterretning"}]
    act["items"][1]["decisions"] = act["items"][1]["decisions"][1:]
    s = ev.score_meeting(EXPECTED, act)
    msg = next(m.message for m in s.misses if m.kind == "decision" and m.message.startswith("[2]"))
    assert "among the item's proposals" in msg


def test_several_meetings_and_leaks():
    m1 = {"doc_type": "referat", "forum": "Bestyrelsen", "meeting_date": "2019-02-12",
          "items": [{"number": "1", "title": "Godkendelse af referat"}],
          "decisions": [], "actions": [], "participants": [], "attachments": [],
          "must_not_appear": ["121212-1212"]}
    m2 = dict(m1, meeting_date="2019-05-07", must_not_appear=[])
    expected = {"meetings": [m1, m2], "notes": "two"}
    assert ev.validate_expected(expected) == []
    one = Document(path="f.txt", format="txt", doc_type="referat", forum="Bestyrelsen",
                   meeting_date="2019-02-12",
                   items=[Item("1", "Godkendelse af referat",
                               decisions=[Decision("cpr 121212-1212 godkendt", "approved")])])
    scores = ev.score_document(expected, [one.export()])
    assert len(scores) == 2
    assert str(scores[0]["parts"]) == "0/1"
    assert str(scores[0]["leaks"]) == "1/1"
    assert scores[0].items_prf()[2] == 1.0
    assert scores[1].items_prf() == (0.0, 0.0, 0.0)  # meeting 2 missing: scored as empty
    two = Document(path="f.txt", format="txt", part=1, doc_type="referat",
                   forum="Bestyrelsen", meeting_date="2019-05-07",
                   items=[Item("1", "Godkendelse af referat")])
    one.items[0].decisions[0].text = "cpr [CPR] godkendt"
    scores = ev.score_document(expected, [one.export(), two.export()])
    assert str(scores[0]["parts"]) == "1/1" and str(scores[0]["leaks"]) == "0/1"
    assert scores[1]["date"].num == 1


def test_aggregate_is_micro_averaged():
    a, b = ev.Score(), ev.Score()
    a["items_tp"], a["items_prec"] = ev.Ratio(1, 1), ev.Ratio(1, 1)
    b["items_tp"], b["items_prec"] = ev.Ratio(1, 3), ev.Ratio(1, 1)
    rows = [ev.Row("s", "a", "txt", "a.txt", 0, 1, a), ev.Row("s", "b", "txt", "b.txt", 0, 1, b)]
    total = ev.aggregate(rows)
    assert total.items_prf()[:2] == (1.0, 0.5)


# --- validation ----------------------------------------------------------------------------------


def test_validate_expected_accepts_the_samples_format():
    assert ev.validate_expected(EXPECTED) == []


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda d: d.pop("items"), "missing 'items'"),
        (lambda d: d.update(doc_type="protokol"), "doc_type"),
        (lambda d: d.update(meeting_date="9.12.2020"), "meeting_date"),
        (lambda d: d["decisions"].append({"item": "9", "text_contains": "x", "status": "noted"}),
         "item '9' is not among the items"),
        (lambda d: d["decisions"].append({"item": "1", "text_contains": "x", "status": "done"}),
         "status 'done'"),
        (lambda d: d["participants"].append({"name": "X", "absent": "no", "organisation": None}),
         "absent has type str"),
        (lambda d: d.update(extra=1), "unknown key 'extra'"),
        (lambda d: d["actions"][0].update(due="snart"), "due 'snart'"),
    ],
)
def test_validate_expected_reports_problems(change, fragment):
    data = json.loads(json.dumps(EXPECTED))
    change(data)
    problems = ev.validate_expected(data)
    assert any(fragment in p for p in problems), problems


# --- the CLI ---------------------------------------------------------------------------------------


def _fixture_dir(tmp_path: Path) -> Path:
    root = tmp_path / "fx"
    good = root / "good_doc"
    good.mkdir(parents=True)
    (good / "expected.json").write_text(json.dumps(EXPECTED, ensure_ascii=False), encoding="utf-8")
    (good / "good_doc.txt").write_text("irrelevant: the pipeline is faked\n", encoding="utf-8")
    (good / "good_doc.md").write_text("# irrelevant\n", encoding="utf-8")
    (good / "notes.json").write_text("{}", encoding="utf-8")  # not a format file
    boom = root / "boom_doc"
    boom.mkdir()
    (boom / "expected.json").write_text(json.dumps(EXPECTED), encoding="utf-8")
    (boom / "boom_doc.pdf").write_bytes(b"%PDF-")
    bad = root / "bad_doc"
    bad.mkdir()
    (bad / "expected.json").write_text('{"doc_type": "referat"}', encoding="utf-8")
    return root


@pytest.fixture
def fake_pipeline(monkeypatch):
    from referatkit import errors, pipeline

    def parse_file(path):
        path = Path(path)
        if path.suffix == ".pdf":
            raise errors.ReadError("no text layer (scanned PDF?)")
        doc = Document(path=str(path), format=path.suffix[1:])
        for k, v in _actual().items():
            if k in ("doc_type", "forum", "meeting_date"):
                setattr(doc, k, v)
        doc.items = [Item("1", "Opfølgning på møderne",
                          decisions=[Decision("Intet at bemærke.", "none")])]
        return [doc]

    monkeypatch.setattr(pipeline, "parse_file", parse_file)


def test_cli_table(tmp_path, capsys, fake_pipeline):
    root = _fixture_dir(tmp_path)
    assert ev.run(["--fixtures", str(root), "--no-samples"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == f"fixtures ({root})"
    assert lines[1].split()[:3] == ["document", "fmt", "type"]
    good = [ln for ln in lines if ln.startswith("good_doc")]
    assert [ln.split()[1] for ln in good] == ["txt", "md"]  # format order, notes.json ignored
    assert good[0].split()[2:9] == ["ok", "ok", "ok", "1.00", "0.25", "0.40", "1/4"]
    boom = next(ln for ln in lines if "boom_doc" in ln)
    assert "ERROR ReadError: no text layer (scanned PDF?)" in boom
    bad = next(ln for ln in lines if "bad_doc" in ln)
    assert "ERROR bad expected.json: missing 'forum'" in bad
    assert "fixtures: items P 1.00 R 0.17 F1 0.29" in out
    assert "errors 2" in out
    assert "Misses" not in out


def test_cli_verbose_only_and_formats(tmp_path, capsys, fake_pipeline):
    root = _fixture_dir(tmp_path)
    assert ev.run(["--fixtures", str(root), "--no-samples", "-v", "--only", "good",
                   "--formats", "md"]) == 0
    out = capsys.readouterr().out
    assert "boom_doc" not in out and "good_doc.txt" not in out
    assert "== fixtures/good_doc [md]" in out
    assert "item         item 2 'Drøftelse af samarbejdet indenfor beskæftigelsesområdet' " \
           "not found" in out
    assert "participant  'Maj Skårhøj' not found" in out


def test_cli_json(tmp_path, capsys, fake_pipeline):
    root = _fixture_dir(tmp_path)
    assert ev.run(["--fixtures", str(root), "--no-samples", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    docs = {(d["name"], d["format"]): d for d in data["documents"]}
    good = docs[("good_doc", "txt")]
    assert good["items"] == {"precision": 1.0, "recall": 0.25, "f1": 0.4}
    assert good["metrics"]["decisions"] == {"num": 1, "den": 4, "value": 0.25}
    assert good["error"] is None and good["misses"]
    assert docs[("boom_doc", "pdf")]["error"].startswith("ReadError")
    scopes = [a["scope"] for a in data["aggregates"]]
    assert scopes == ["fixtures txt", "fixtures pdf", "fixtures md", "fixtures all", "overall all"]


def test_cli_thresholds_and_usage_errors(tmp_path, capsys, fake_pipeline):
    root = _fixture_dir(tmp_path)
    assert ev.run(["--fixtures", str(root), "--no-samples", "--min-f1", "0.2"]) == 0
    assert ev.run(["--fixtures", str(root), "--no-samples", "--min-f1", "0.9",
                   "--min-decision-recall", "0.1"]) == 1
    assert "items F1 0.286 < 0.9" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        ev.run(["--fixtures", str(tmp_path / "nope"), "--no-samples"])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        ev.run(["--fixtures", str(root), "--formats", "odt"])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        ev.run(["--no-fixtures", "--no-samples"])
    assert e.value.code == 2


def test_cli_samples_from_environment(tmp_path, capsys, monkeypatch, fake_pipeline):
    shared = tmp_path / "shared"
    (shared / "samples").mkdir(parents=True)
    root = _fixture_dir(tmp_path)
    (root / "good_doc").rename(shared / "samples" / "good_doc")
    monkeypatch.setenv("REFERATKIT_SHARED", str(shared))
    assert ev.run(["--no-fixtures"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"samples ({shared / 'samples'})\n")
    assert "\ngood_doc " in out and "samples: items" in out
    monkeypatch.setenv("REFERATKIT_SHARED", str(tmp_path / "absent"))
    assert ev.run(["--fixtures", str(root)]) == 0
    assert "samples skipped" in capsys.readouterr().err


def test_cli_extra_truth_outside_the_repository(tmp_path, capsys, monkeypatch, fake_pipeline):
    """Ground truth for documents we may not copy lives elsewhere and names its document:
    relative to the truth file, or to the shared corpus."""
    corpus = tmp_path / "shared" / "corpus" / "realworld" / "club"
    corpus.mkdir(parents=True)
    (corpus / "minutes.txt").write_text("irrelevant: the pipeline is faked\n", encoding="utf-8")
    truth = tmp_path / "truth"
    truth.mkdir()
    (truth / "club-minutes.json").write_text(
        json.dumps({**EXPECTED, "document": "club/minutes.txt"}, ensure_ascii=False), encoding="utf-8")
    (truth / "lost.json").write_text(json.dumps({**EXPECTED, "document": "club/gone.pdf"}), encoding="utf-8")
    monkeypatch.setenv("REFERATKIT_SHARED", str(tmp_path / "shared"))
    monkeypatch.setenv("REFERATKIT_EVAL_EXTRA", str(truth) + ev.os.pathsep + str(tmp_path / "absent"))
    assert ev.run(["--no-fixtures", "--no-samples"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"corpus ({truth})\n")
    row = next(ln for ln in captured.out.splitlines() if ln.startswith("club-minutes"))
    assert row.split()[1:5] == ["txt", "ok", "ok", "ok"]
    assert "ERROR bad truth: document 'club/gone.pdf' not found" in captured.out
    assert "corpus: items" in captured.out and "extra truth skipped" in captured.err
    assert ev.run(["--no-fixtures", "--no-samples", "--formats", "pdf"]) == 0
    assert "club-minutes" not in capsys.readouterr().out


def test_cli_extra_document_folders(tmp_path, capsys, monkeypatch, fake_pipeline):
    """A blind set kept outside the repository until it is measured is laid out like
    fixtures/ (renderings beside an expected.json): --extra scores it under its folder's name,
    and a folder mixing both kinds scores the truth files as well."""
    blind = tmp_path / "holdout"
    doc = blind / "good_doc"
    doc.mkdir(parents=True)
    (doc / "expected.json").write_text(json.dumps(EXPECTED, ensure_ascii=False), encoding="utf-8")
    (doc / "good_doc.txt").write_text("irrelevant: the pipeline is faked\n", encoding="utf-8")
    assert ev.run(["--no-fixtures", "--no-samples", "--extra", str(blind)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"holdout ({blind})\n")
    row = next(ln for ln in out.splitlines() if ln.startswith("good_doc"))
    assert row.split()[1:5] == ["txt", "ok", "ok", "ok"]
    assert "holdout: items" in out and "bad truth" not in out
    (blind / "club-minutes.json").write_text(
        json.dumps({**EXPECTED, "document": str(doc / "good_doc.txt")}, ensure_ascii=False),
        encoding="utf-8")
    assert ev.run(["--no-fixtures", "--no-samples", "--extra", str(blind)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"corpus ({blind})\n")
    assert sum(1 for ln in out.splitlines() if ln.startswith(("good_doc ", "club-minutes "))) == 2


def test_module_runs_with_the_real_pipeline(tmp_path):
    """``python -m referatkit.evaluate`` end to end on one tiny document (scores not asserted:
    the grammar is work in progress; eval must not fail on it)."""
    doc = tmp_path / "fx" / "tiny"
    doc.mkdir(parents=True)
    exp = {"doc_type": "referat", "forum": "Ældrerådet", "meeting_date": "2021-09-08",
           "items": [{"number": "1", "title": "Godkendelse af dagsorden"}],
           "decisions": [{"item": "1", "text_contains": "Godkendt", "status": "approved"}],
           "actions": [], "participants": [], "attachments": [], "notes": "tiny"}
    (doc / "expected.json").write_text(json.dumps(exp, ensure_ascii=False), encoding="utf-8")
    (doc / "tiny.txt").write_text("Referat\nÆldrerådet\nden 8. september 2021\n\n"
                                  "1. Godkendelse af dagsorden\nGodkendt.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "referatkit.evaluate", "--fixtures",
                        str(tmp_path / "fx"), "--no-samples", "--format", "json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [d["name"] for d in data["documents"]] == ["tiny"]


@pytest.mark.parametrize(
    ("expected", "actual", "ok"),
    [
        ("formand", "formand", True),
        ("mødeleder", "medformand, mødeleder", True),
        ("ordstyrer", "chair", True),
        ("referent", "Referent", True),
        ("formand", "næstformand", False),
        ("TR", None, False),
        ("leder", "chair", False),
        (None, "chair", True),
    ],
)
def test_role_matches(expected, actual, ok):
    assert ev.role_matches(expected, actual) is ok


def test_deciding_body_is_scored_where_expected():
    exp = json.loads(json.dumps(EXPECTED))
    exp["decisions"][1]["body"] = "Driftsforum"
    exp["decisions"][0]["body"] = "Formandskabet"
    s = ev.score_meeting(exp, _actual())
    assert str(s["body"]) == "0/2"
    act = _actual()
    act["items"][1]["decisions"][0]["body"] = "driftsforum"
    s = ev.score_meeting(exp, act)
    assert str(s["body"]) == "1/2"
    assert any(m.kind == "body" and "Formandskabet" in m.message for m in s.misses)
