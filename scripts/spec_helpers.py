"""The ground truth of a spec as data: small builders for the ``expected`` of a fixture, in the
format of ``../shared/samples/*/expected.json`` (see ``referatkit.evaluate``). Shared by
``fixture_specs.py`` and ``holdout_specs.py``."""

from __future__ import annotations

from typing import Any


def it(number: str | None, title: str, closed: bool | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"number": number, "title": title}
    if closed is not None:
        d["closed"] = closed
    return d


def dec(item: str, text: str, status: str, body: str | None = None) -> dict[str, Any]:
    d = {"item": item, "text_contains": text, "status": status}
    if body:
        d["body"] = body
    return d


def act(item: str, owner: str, text: str, due: str | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"item": item, "owner": owner, "text_contains": text}
    if due:
        d["due"] = due
    return d


def person(name: str, org: str | None = None, absent: bool = False,
           role: str | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"name": name, "organisation": org, "absent": absent}
    if role:
        d["role"] = role
    return d


def att(item: str, title: str) -> dict[str, Any]:
    return {"item": item, "title_contains": title}


def prop(item: str, text: str) -> dict[str, Any]:
    return {"item": item, "text_contains": text}


def prior(item: str, text: str, date: str, body: str) -> dict[str, Any]:
    return {"item": item, "text_contains": text, "date": date, "body": body}


def meeting(doc_type: str, forum: str, date: str | None, *, items=(), decisions=(), actions=(),
            participants=(), attachments=(), **extra: Any) -> dict[str, Any]:
    d: dict[str, Any] = {
        "doc_type": doc_type,
        "forum": forum,
        "meeting_date": date,
        "items": list(items),
        "decisions": list(decisions),
        "actions": list(actions),
        "participants": list(participants),
        "attachments": list(attachments),
    }
    d.update(extra)
    return d
