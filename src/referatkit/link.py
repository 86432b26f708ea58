"""The link step: read the archive, follow matters across meetings, write the links back.

Run by :func:`referatkit.ingest.ingest` at the end of every run, and by the commands that
record a person's choice (closing a decision, merging forums). It reads with SELECTs, decides
with the pure functions of :mod:`referatkit.matters`, and writes only through
:class:`~referatkit.store.Store` methods.

Incremental per forum: each forum's *fingerprint* (its documents' content ids, the matcher
version) is stored with its links; a forum whose fingerprint is unchanged is not linked
again. The forum clustering is recomputed every time (it is cheap: one row per written name).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from referatkit import matters as M
from referatkit import workers
from referatkit.ids import normalise_key, short_hash
from referatkit.store import LinkChanges, Store, chunks, open_store


@dataclass(slots=True)
class LinkReport:
    forums: int = 0  # forums in the archive
    linked: list[str] = field(default_factory=list)  # forum ids linked in this call
    removed: int = 0  # forums whose links were dropped (no documents any more)
    matters: int = 0  # matters of the forums linked
    open_decisions: int = 0  # open decisions in the forums linked
    reused_meetings: int = 0  # meetings whose links were taken over from the last link


def load_choices(st: Store) -> list[M.ForumChoice]:
    return [
        M.ForumChoice(name_key=r["name_key"], name=r["name"], choice=r["choice"],
                      target=r["target"])
        for r in st.rows("SELECT * FROM forum_aliases ORDER BY created_at, name_key")
    ]


def load_marks(st: Store) -> list[M.Mark]:
    return [
        M.Mark(decision_id=r["decision_id"], state=r["state"], note=r["note"],
               marked_at=r["marked_at"] or "", overrides=r["overrides"], forum=r["forum"],
               meeting_date=r["meeting_date"], item_number=r["item_number"],
               item_title=r["item_title"], kind=r["kind"] or "decision", text=r["text"] or "")
        for r in st.rows("SELECT * FROM decision_marks ORDER BY marked_at, decision_id")
    ]


def load_documents(st: Store) -> list[M.DocIn]:
    """The documents, each with the forum it is from: as written, else as its title names it
    (:func:`referatkit.matters.forum_label`), else as the documents of the same date in the
    same folder name it (:func:`referatkit.matters.fill_forums`)."""
    return M.fill_forums([
        M.DocIn(id=r["id"], forum=M.forum_label(r["forum"], r["title"]),
                meeting_date=r["meeting_date"], doc_type=r["doc_type"] or "other",
                path=r["path"], part=r["part"])
        for r in st.rows("SELECT id, forum, title, meeting_date, doc_type, path, part "
                         "FROM documents ORDER BY path, part")
    ])


def clustering(st: Store, docs: Sequence[M.DocIn] | None = None) -> M.ForumClustering:
    """The forums of the archive as they are now (documents + the people's choices)."""
    docs = load_documents(st) if docs is None else docs
    return M.cluster_forums(Counter(d.forum for d in docs), load_choices(st))


def fingerprint(forum_id: str, doc_ids: Iterable[str]) -> str:
    return short_hash("link", M.MATCHER_VERSION, forum_id, *sorted(doc_ids))


def relink(st: Store, *, force: bool = False, forums: Iterable[str] | None = None,
           rules: M.MatchRules = M.RULES, jobs: int = 1,
           pool: Executor | None = None) -> LinkReport:
    """Bring the derived links in line with the documents and the people's choices.

    ``forums``: forum ids to link again whatever their fingerprint (after a person's close or
    reopen in that forum); ``force``: link every forum again. ``jobs`` > 1 links forums in
    that many worker processes (each reads its forum from the archive and returns the rows;
    this process writes them): the links are the same whatever ``jobs`` is. ``pool``: worker
    processes already running (an ingest's), used instead of starting others.
    """
    docs = load_documents(st)
    cl = M.cluster_forums(Counter(d.forum for d in docs), load_choices(st), rules)
    forum_of = {d.id: cl.forum_of(d.forum) for d in docs}
    unnamed = cl.unnamed
    meetings = M.group_meetings(docs, forum_of, apart=unnamed)
    docs_of: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        docs_of[forum_of[d.id]].append(d.id)
    meetings_of: dict[str, list[M.Meeting]] = defaultdict(list)
    for m in meetings:
        meetings_of[m.forum_id].append(m)
    st.replace_forums(_forum_rows(cl, docs, meetings))

    stored = {r["forum_id"]: r["fingerprint"] for r in st.rows("SELECT * FROM link_state")}
    wanted = set(forums or ())
    prints = {f: fingerprint(f, ids) for f, ids in docs_of.items()}
    todo = sorted(f for f in prints if force or f in wanted or stored.get(f) != prints[f])
    gone = sorted(f for f in stored if f not in prints)
    report = LinkReport(forums=len(prints), linked=todo, removed=len(gone))
    if not todo and not gone:
        return report
    marks = load_marks(st)
    by_id = {d.id: d for d in docs}
    # Forums gone first, then a forum at a time with its fingerprint, writing only the rows
    # that differ: memory holds a few forums' rows, never the archive's, and an interrupted
    # run keeps the forums it committed (the others keep their old links and fingerprints,
    # and are linked next time).
    if gone:
        st.drop_links(gone)
    # The last link's decisions are taken over where they still hold (see
    # matters.PriorLinks), unless everything is to be matched again or by other rules.
    reuse = not force and rules == M.RULES
    tasks = [_Task(f, {i: by_id[i] for i in docs_of[f]}, meetings_of[f], marks,
                   cl.by_name_key, rules, apart=f in unnamed, reuse=reuse) for f in todo]
    # Forums committed together for a second at a time (a commit is a disk sync), each forum
    # whole: what is committed is always whole forums with their fingerprints.
    with st.batch() as batch:
        for done in _linked(st, tasks, jobs, pool):
            report.matters += done.matters
            report.open_decisions += done.open_decisions
            report.reused_meetings += done.reused
            batch.open()
            st.write_link_changes(done.forum, done.changes, prints[done.forum])
            batch.done()
    return report


@dataclass(slots=True)
class _Task:
    forum: str
    docs: dict[str, M.DocIn]
    meetings: list[M.Meeting]
    marks: list[M.Mark]
    by_name_key: dict[str, str]
    rules: M.MatchRules
    apart: bool = False  # the documents without a forum: each folder linked on its own
    reuse: bool = False  # take over the last link's decisions for unchanged meetings


@dataclass(slots=True)
class _Done:
    forum: str
    changes: LinkChanges  # what differs from the forum's stored rows
    matters: int
    open_decisions: int
    reused: int = 0  # meetings whose links were taken over


def link_task(st: Store, task: _Task) -> _Done:
    """One forum: read its items and decisions, follow its matters, apply the people's
    marks, and return the rows to write, compared with those it has (pure reading: a worker
    process may run it)."""
    prior = prior_links(st, task.forum) if task.reuse and not task.apart else None
    # Linked afresh, every item is matched: the texts are read with the rest.
    items, decisions, infos = _load_forum(st, task.docs, task.forum, texts=prior is None)
    texts = None if prior is None else _StoredTexts(st, items, decisions)
    if task.apart:
        links = M.link_apart(task.forum, task.meetings, task.docs, items, decisions, task.rules)
    else:
        links = M.link_forum(task.forum, task.meetings, task.docs, items, decisions, task.rules,
                             prior=prior, texts=texts)
    del items, decisions
    if texts is not None:  # the decisions' texts a mark may be compared with
        dates = M.mark_dates(task.marks, {i.id for i in infos}, task.forum, task.by_name_key)
        compared = [i for i in infos if i.meeting_date in dates]
        for info, text in zip(compared, texts.decision_texts([i.id for i in compared]),
                              strict=True):
            info.text = text
    M.apply_marks(links.decisions,
                  M.attach_marks(task.marks, infos, task.by_name_key, task.rules))
    tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
    _link_rows(links, tables)
    return _Done(task.forum, st.link_changes(task.forum, tables), len(links.matters),
                 sum(1 for s in links.decisions.values() if s.open), links.reused)


def prior_links(st: Store, forum: str) -> M.PriorLinks | None:
    """The forum's last link as stored, or None when there is none or it is not whole and of
    this matcher (its fingerprint is not that of the documents its meetings hold)."""
    stored = st.scalar("SELECT fingerprint FROM link_state WHERE forum_id = ?", [forum])
    if stored is None:
        return None
    docs_of: dict[str, set[str]] = defaultdict(set)
    for doc_id, meeting in st._exec("SELECT document_id, meeting_id FROM meeting_documents "
                                    "WHERE forum_id = ?", [forum]):
        docs_of[meeting].add(doc_id)
    if fingerprint(forum, [d for ds in docs_of.values() for d in ds]) != stored:
        return None
    statuses: dict[str, set[str]] = defaultdict(set)
    for occ, status in st._exec("SELECT occurrence_id, status FROM decision_state "
                                "WHERE forum_id = ?", [forum]):
        statuses[occ].add(status)
    items_of: dict[str, set[str]] = defaultdict(set)
    for item_id, occ in st._exec("SELECT item_id, occurrence_id FROM occurrence_items "
                                 "WHERE forum_id = ?", [forum]):
        items_of[occ].add(item_id)
    return M.PriorLinks(
        meetings={mid: (when, frozenset(docs_of[mid])) for mid, when in st._exec(
            "SELECT id, meeting_date FROM meetings WHERE forum_id = ?", [forum])},
        occurrences={oid: M.PriorOccurrence(matter, how, score, via, frozenset(items_of[oid]),
                                            meeting, title or "", _cases(cases),
                                            frozenset(statuses.get(oid, ())), content)
                     for oid, matter, how, score, via, meeting, title, cases, content in st._exec(
                         "SELECT id, matter_id, how, score, via, meeting_id, title, case_numbers, "
                         "content FROM occurrences WHERE forum_id = ?", [forum])})


def _cases(stored: str | None) -> tuple[str, ...]:
    # written by _json_list: most are empty
    return tuple(json.loads(stored)) if stored and stored != "[]" else ()


# Forums handed to the workers ahead of the one being written, per worker: memory holds the
# rows of at most this many forums per worker, whatever the archive's size.
IN_FLIGHT_PER_JOB = 2
# Linking fewer documents than this is faster here than in worker processes started for it
# (about 4 ms of CPU per document against about a second to start the workers).
POOL_MIN_DOCUMENTS = 400


def _linked(st: Store, tasks: list[_Task], jobs: int,
            running: Executor | None = None) -> Iterator[_Done]:
    """The tasks done, in their order: here, or with ``jobs`` > 1 and two forums or more to
    link, in worker processes — ``running`` ones, else new ones where the work is worth their
    start (when they cannot start, here after all)."""
    if jobs <= 1 or len(tasks) < 2 or (
            running is None and sum(len(t.docs) for t in tasks) < POOL_MIN_DOCUMENTS):
        for task in tasks:
            yield link_task(st, task)
        return
    pending: deque[Future[_Done]] = deque()
    queue = deque(tasks)
    given = 0  # tasks whose result was yielded
    path = str(st.path)
    try:
        with (nullcontext(running) if running is not None
              else workers.pool(min(jobs, len(tasks)), workers.ignore_interrupt)) as pool:
            while queue or pending:
                while queue and len(pending) < jobs * IN_FLIGHT_PER_JOB:
                    with workers.interrupt_deferred():
                        pending.append(pool.submit(_worker_link, path, queue.popleft()))
                done = pending.popleft().result()
                given += 1
                yield done
    except workers.BrokenProcessPool:
        # The workers could not start (a script without a __main__ guard) or one died:
        # linking is pure reading, so what is left is linked here.
        for task in tasks[given:]:
            yield link_task(st, task)


# A worker's read-only connection to the archive, opened by its first forum (a worker of the
# ingest has had no connection: it only read files).
_worker_stores: dict[str, Store] = {}


def _worker_link(path: str, task: _Task) -> _Done:
    st = _worker_stores.get(path)
    if st is None:
        st = _worker_stores[path] = open_store(path, create=False, readonly=True)
    return link_task(st, task)


def _load_forum(st: Store, docs: dict[str, M.DocIn], forum: str, texts: bool = True
                ) -> tuple[dict[str, list[M.ItemIn]], dict[str, list[M.DecisionIn]],
                           list[M.DecisionInfo]]:
    """The forum's items and decisions, and what a mark is matched against; ``texts``
    False: without their texts (see _StoredTexts)."""
    # Only the columns the matcher reads, as tuples: a forum linked again reads every item,
    # section and decision of its meetings, and building a dict per row was a fifth of that.
    items: dict[str, list[M.ItemIn]] = defaultdict(list)
    decisions: dict[str, list[M.DecisionIn]] = defaultdict(list)
    infos: list[M.DecisionInfo] = []
    item_of: dict[str, M.ItemIn] = {}
    text_column = "text" if texts else "''"
    for chunk in chunks(sorted(docs)):
        marks = ", ".join("?" for _ in chunk)
        section_texts: dict[str, list[str]] = defaultdict(list)
        if texts:
            for item_id, text in st._exec(_SECTION_TEXTS.format(
                    f"document_id IN ({marks}) AND item_id IS NOT NULL"), chunk):
                section_texts[item_id].append(text)
        for iid, doc_id, ordinal, number, title, case_number in st._exec(
                "SELECT id, document_id, ordinal, number, title, case_number FROM items "
                f"WHERE document_id IN ({marks}) ORDER BY document_id, ordinal", chunk):
            item = item_of[iid] = M.ItemIn(
                id=iid, document_id=doc_id, ordinal=ordinal, number=number, title=title or "",
                case_number=case_number, text="\n\n".join(section_texts.get(iid, ())))
            items[doc_id].append(item)
        for did, iid, doc_id, ordinal, kind, status, text in st._exec(
                f"SELECT id, item_id, document_id, ordinal, kind, status, {text_column} "
                f"FROM decisions WHERE document_id IN ({marks}) "
                "ORDER BY document_id, item_id, ordinal", chunk):
            decisions[iid].append(M.DecisionIn(
                id=did, item_id=iid, document_id=doc_id, ordinal=ordinal, kind=kind,
                status=status, text=text or ""))
            it = item_of.get(iid)
            infos.append(M.DecisionInfo(
                id=did, forum_key=forum, meeting_date=docs[doc_id].meeting_date,
                item_number=it.number if it else None, item_title=it.title if it else "",
                kind=kind, text=text or ""))
    return items, decisions, infos


# The section texts of items, each item's in order (its sections joined make its text).
_SECTION_TEXTS = ("SELECT item_id, text FROM sections WHERE {} AND text != '' "
                  "ORDER BY item_id, ordinal")

# Once the items whose texts were read a meeting or a matter at a time would be more than
# this share of a forum's, the rest are read at once (matched again after an edit early in
# its timeline, a forum reads most of them, and one query is quicker than one per meeting).
TEXTS_AT_ONCE_SHARE = 0.25


class _StoredTexts:
    """matters.TextSource over the archive: the section texts of items and the texts of
    their decisions, read when the matcher first reads them. A forum linked again for one
    new meeting reads the texts of the items that meeting is compared with, where reading
    all of the forum's was a third of linking it."""

    def __init__(self, st: Store, items: dict[str, list[M.ItemIn]],
                 decisions: dict[str, list[M.DecisionIn]]) -> None:
        self.st = st
        self.items = items  # by document id, as _load_forum read them
        self.decisions = decisions  # by item id
        self.done: set[str] = set()  # item ids read
        self.total = sum(map(len, items.values()))

    def read(self, items: Sequence[M.ItemIn]) -> None:
        by_id = {it.id: it for it in items if it.id not in self.done}
        if not by_id:
            return
        if len(self.done) + len(by_id) > TEXTS_AT_ONCE_SHARE * self.total:
            for chunk in chunks(sorted(d for d, its in self.items.items()
                                       if any(it.id not in self.done for it in its))):
                self._fill([it for d in chunk for it in self.items[d] if it.id not in self.done],
                           "document_id", chunk)
            return
        for chunk in chunks(list(by_id)):
            self._fill([by_id[i] for i in chunk], "item_id", chunk)

    def _fill(self, items: list[M.ItemIn], column: str, keys: list[str]) -> None:
        """Fill in ``items``, the unread items of those whose ``column`` is one of ``keys``."""
        where = f"[{column}] IN ({', '.join('?' for _ in keys)}) AND item_id IS NOT NULL"
        texts: dict[str, list[str]] = defaultdict(list)
        for item_id, text in self.st._exec(_SECTION_TEXTS.format(where), keys):
            texts[item_id].append(text)
        decision_texts = dict(self.st._exec(f"SELECT id, text FROM decisions WHERE {where}",
                                            keys))
        for it in items:
            it.text = "\n\n".join(texts.get(it.id, ()))
            self.done.add(it.id)
            for d in self.decisions.get(it.id, ()):
                d.text = decision_texts.get(d.id) or ""

    def decision_texts(self, ids: list[str]) -> list[str]:
        """The texts of these decisions, in their order."""
        got: dict[str, str] = {}
        for chunk in chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            got.update((did, text or "") for did, text in self.st._exec(
                f"SELECT id, text FROM decisions WHERE id IN ({marks})", chunk))
        return [got[i] for i in ids]


def _forum_rows(cl: M.ForumClustering, docs: Sequence[M.DocIn],
                meetings: Sequence[M.Meeting]) -> dict[str, list[dict[str, Any]]]:
    dates: dict[str, list[str]] = defaultdict(list)
    n_meetings: Counter[str] = Counter()
    for m in meetings:
        n_meetings[m.forum_id] += 1
        if m.meeting_date:
            dates[m.forum_id].append(m.meeting_date)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        names[normalise_key(d.forum)][d.forum or M.NO_FORUM] += 1
    return {
        "forums": [
            {"id": f.id, "name": f.name, "names": json.dumps(f.names, ensure_ascii=False),
             "how": f.how, "documents": f.documents, "meetings": n_meetings[f.id],
             "first_date": min(dates[f.id], default=None),
             "last_date": max(dates[f.id], default=None)}
            for f in cl.forums
        ],
        "forum_names": [
            {"name_key": k, "name": names[k].most_common(1)[0][0] if names[k] else None,
             "forum_id": fid, "documents": sum(names[k].values())}
            for k, fid in sorted(cl.by_name_key.items())
        ],
        "forum_suggestions": [
            {"forum_id": s.forum_id, "other_id": s.other_id, "score": s.score}
            for s in cl.suggestions
        ],
    }


def _link_rows(links: M.ForumLinks, out: dict[str, list[dict[str, Any]]]) -> None:
    f = links.forum_id
    for m in links.meetings:
        out["meetings"].append({"id": m.id, "forum_id": f, "meeting_date": m.meeting_date,
                                "documents": len(m.document_ids)})
        for doc_id in m.document_ids:
            out["meeting_documents"].append({"document_id": doc_id, "meeting_id": m.id,
                                             "forum_id": f})
    for matter in links.matters:
        dated = [o.meeting_date for o in matter.occurrences if o.meeting_date]
        decision_ids = {d.id for o in matter.occurrences for d in o.decisions}
        out["matters"].append({
            "id": matter.id, "forum_id": f, "title": matter.title, "standing": matter.standing,
            "first_date": min(dated, default=None), "last_date": max(dated, default=None),
            "occurrences": len(matter.occurrences),
            "open_decisions": sum(1 for d in decision_ids
                                  if links.decisions.get(d) and links.decisions[d].open),
        })
        for ordinal, o in enumerate(matter.occurrences):
            out["occurrences"].append({
                "id": o.id, "matter_id": matter.id, "meeting_id": o.meeting_id, "forum_id": f,
                "meeting_date": o.meeting_date, "ordinal": ordinal, "number": o.number,
                "title": o.title, "case_numbers": _json_list(o.case_numbers),
                "how": o.how, "score": o.score, "via": o.via, "content": M.content_key(o),
            })
            for item_id, doc_id in zip(o.item_ids, o.document_ids, strict=True):
                out["occurrence_items"].append({"item_id": item_id, "occurrence_id": o.id,
                                                "document_id": doc_id, "forum_id": f})
    for s in links.decisions.values():
        out["decision_state"].append({
            "id": s.id, "forum_id": f, "matter_id": s.matter_id, "occurrence_id": s.occurrence_id,
            "meeting_id": s.meeting_id, "meeting_date": s.meeting_date, "status": s.status,
            "open": int(s.open), "closed_by": s.closed_by, "settled_by": s.settled_by,
            "settled_on": s.settled_on, "mark_id": s.mark_id, "note": s.note,
            "reopened": int(s.reopened), "settlements": _json_list(s.settlements),
        })


def _json_list(values: Sequence[Any]) -> str:
    # Most occurrences have no case number and most decisions no settlement: building a
    # forum's rows spent about half its time in the JSON encoder, mostly on empty lists.
    return json.dumps(values, ensure_ascii=False) if values else "[]"
