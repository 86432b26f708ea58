"""The vocabulary of minutes, as data.

Everything a secretary writes that the pipeline recognises lives here: month and weekday
names, document-type words, section labels, participant labels, decision phrases and their
statuses, action verbs. The stages (normalise, segment, classify) hold the mechanisms; this
module holds the words. Danish first; Norwegian, Swedish and English forms are included
because real archives mix them.

Patterns are regular-expression *fragments* (case-insensitive unless noted) so they can be
combined; each list is ordered where order matters.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- dates

MONTHS: dict[str, int] = {
    # Danish / Norwegian / Swedish / English full names
    "januar": 1, "januari": 1, "january": 1,
    "februar": 2, "februari": 2, "february": 2,
    "marts": 3, "mars": 3, "march": 3,
    "april": 4,
    "maj": 5, "mai": 5, "may": 5,
    "juni": 6, "june": 6,
    "juli": 7, "july": 7,
    "august": 8, "augusti": 8,
    "september": 9,
    "oktober": 10, "october": 10,
    "november": 11,
    "december": 12, "desember": 12,
    # abbreviations (a trailing dot is optional in the pattern)
    "jan": 1, "feb": 2, "febr": 2, "mar": 3, "mrt": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12, "des": 12,
}

WEEKDAYS: tuple[str, ...] = (
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",  # da, nb
    "måndag", "tisdag", "lördag", "söndag",  # sv
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "man", "tirs", "ons", "tors", "fre", "lør", "søn",
)

# Words that introduce a meeting date in a labelled header field.
DATE_LABELS: tuple[str, ...] = (
    "mødedato", "dato", "møde dato", "tidspunkt", "tid", "datum", "date", "mødetidspunkt",
)

# A sentence that says when the meeting took place outranks a header field.
MEETING_HELD = r"\b(?:mødet|generalforsamlingen|årsmødet|møtet|mötet|the\s+meeting)\s+(?:blev\s+|ble\s+|was\s+)?(?:holdt|afholdt|afholdtes|avholdt|hölls|held)\b"
# A letterhead's reference line: its date is the letter's.
LETTER_REFERENCE = r"\b(?:sagsnr|sags\s*nr|j\.\s*nr|journalnr|dok\.?\s*nr|vores\s+ref|jeres\s+ref|ref\.?\s*nr)\b"

PLACE_LABELS: tuple[str, ...] = (
    "mødested", "sted", "lokale", "lokation", "plats", "location", "place", "adresse",
)

TIME_LABELS: tuple[str, ...] = ("kl", "klokken", "kl.", "tid", "tidspunkt")

# --------------------------------------------------------------------------- document types

# (doc_type, pattern) — tried on the title zone in order; the first match wins.
DOC_TYPE_PATTERNS: list[tuple[str, str]] = [
    ("dagsorden+referat", r"\bdagsorden\s*(?:og|\+|&|/|med)\s*(?:referat|beslutningsprotokol)\b"),
    ("dagsorden+referat", r"\breferat\s*(?:og|\+|&|/)\s*dagsorden\b"),
    # a "Beslutningsprotokol" alone is the record of a meeting's decisions: minutes
    ("referat", r"\bbeslutningsprotokol\b"),
    ("aarsrapport", r"\bårs(?:rapport|beretning|berätelse|melding)\b"),
    ("notat", r"\bnotat\b"),
    ("referat", r"\breferat\b|\breferatet\b|\breferater\b|\bmødereferat\b|\bprotokoll?\b|\bminutes\b"),
    ("referat", r"\bmøtereferat\b|\bprotokol\b|\bbeslutningsreferat\b"),
    ("dagsorden", r"\bdagsorden\b|\bdagordning\b|\bagenda\b|\bindkaldelse\b|\binnkalling\b"),
]

# --------------------------------------------------------------------------- forums

# Words that name a deciding body; a header line holding one is likely the forum.
BODY_WORDS: tuple[str, ...] = (
    "udvalg", "udvalget", "udvalgets", "styregruppe", "styregruppen", "forum", "fora",
    "netværk", "netværket", "netværksgruppe", "netværksgruppen", "byråd", "byrådet",
    "regionsråd", "regionsrådet", "kommunalbestyrelse", "kommunalbestyrelsen", "bestyrelse",
    "bestyrelsen", "råd", "rådet", "forening", "foreningen", "grundejerforening",
    "kantineforening", "gruppe", "gruppen", "arbejdsgruppe", "arbejdsgruppen", "kommission",
    "komité", "komite", "komiteen", "sekretariat", "sekretariatet", "magistrat", "magistraten",
    "klynge", "klyngestyregruppe", "driftsforum", "kkr", "hovedstyret", "hovedstyre",
    "styret", "styrelsen", "styrelse", "fagutvalg", "fagutvalget", "linjeforening",
    "byalag", "fastighetsägareförening", "committee", "board", "council", "group",
    "laug", "arkiv", "klub", "selskab", "forbund", "institut", "network", "association",
    "society", "club", "panel", "taskforce", "følgegruppe", "følgegruppen", "ældreråd",
    "handicapråd", "kommunalbestyrelse",
    "generalforsamling", "generalforsamlingen", "årsmøde", "årsmöte", "repræsentantskab",
    "repræsentantskabet", "formandskab", "formandskabet",
)

# What stands before the body's name in a title line ("Referat af ordinært møde i Ældrerådet",
# "Referater 2019 – Bestyrelsen for …", "Minutes of the steering committee meeting"): cut off.
FORUM_LEAD = (
    r"^(?:(?:åbent|lukket|endeligt?|godkendt|udkast\s+til)\s+)?"
    r"(?:(?:referat(?:er|et)?|dagsorden|notat|mødereferat|protokoll?|minutes|agenda|beslutningsprotokol|draft|"
    r"logbog|logbook|dagbog)\b)?"
    r"(?:\s*[-–:]\s*|\s+)?(?:(?:af|fra|for|of|from|til|förd?t?\s+vid|från|vid)\s+)?(?:(?:det|den|the)\s+)?"
    r"(?:(?:ordinære?|ordinært|ekstraordinære?|ekstraordinært|konstituerende|konstituerande|årlige?|extraordinary|ordinary|annual)\s+)?"
    r"(?:(?:\w*møde(?:t)?|\w*möte(?:t)?|\w*møte(?:t)?|generalforsamling(?:en)?|meeting|sammankomst)\b\s*)?"
    r"(?:(?:i|for|in|of|hos)\s+)?"
)
# "Arrangeret af Børne- og Skoleudvalget": the body that held the meeting follows.
FORUM_SOURCE_LEAD = r"^(?:arrangeret|afholdt|indkaldt|hosted|organi[sz]ed|convened)\s+(?:af|by)\s+"
# A document word after the name: "Kommunalbestyrelsen – Referat".
FORUM_TRAIL = (
    r"(?i:\s*[-–:|]\s*(?:referat(?:et)?|dagsorden|notat|mødereferat|protokoll?|minutes|agenda|[\wæøå]*(?:møde|møte|möte)t?)\s*$)"
    r"|\s+(?:REFERAT|DAGSORDEN|PROTOKOLL?|MINUTES|AGENDA)\s*$"
)

# Bodies known by an acronym that is also a word ("tag det …"): only in capitals.
BODY_ACRONYMS: tuple[str, ...] = ("TAG", "KKR", "TSC", "PUK", "MED", "HS", "A/B", "E/F", "G/F")

# Header-field labels whose value is the forum.
FORUM_LABELS: tuple[str, ...] = (
    "forum", "mødeforum", "udvalg", "til", "møde i", "organ", "gruppe", "mötesform",
    "committee", "styregruppe", "møde", "møte", "meeting", "body",
)

# Other keys of a meeting header kept as "key <column gap> value" (a two-column header table
# printed as text): "Møde      Styregruppen …".
HEADER_FIELD_LABELS: tuple[str, ...] = (
    "møde", "mødetype", "emne", "fra", "mødeleder", "ordstyrer", "meeting", "time", "møte",
    "möte", "tema",
)

# Words that name a meeting in a header line ("Bestyrelsesmøde 12. februar 2019",
# "Referat fra vejledermøde 30/09/2025"); compounds ending in them count.
MEETING_WORDS = (
    r"\w*(?:møde|møte|möte|meeting|sammankomst)|referat\w*|dagsorden|generalforsamling\w*|"
    r"årsmøde|årsmöte|protokoll?|minutes|konference"
)
# … unless they point at another meeting: "Til næste møde (fredag d. 03/10)".
OTHER_MEETING = r"\b(?:næste|kommende|næstkommende|forrige|sidste|seneste|neste|nästa|next|previous|last|ekstra)\s+(?:\w+\s+)?\w*(?:møde|møte|möte|meeting)"

# --------------------------------------------------------------------------- items

# Words before an item number: "Pkt. 3", "Punkt 3", "Ad 3", "Ad pkt. 3", "Sag 4", "Sak 1/2019".
ITEM_WORDS: tuple[str, ...] = (
    r"ad\s+pkt\.?", r"ad\s+punkt", r"pkt\.?", r"punkt", r"ad", r"sag", r"sak",
    r"item", r"topic\s*#?", r"dagsordenspunkt", r"point",
)

# Titles of agenda items that are about the next meeting: planning statements under them are
# agreements (approved), not postponements of the item itself.
NEXT_MEETING_TITLE = r"næste\s+møde|kommende\s+møde|mødeplan|mødekalender|neste\s+møte|nästa\s+möte"

# --------------------------------------------------------------------------- sections

# label (regex, matched at line start, case-insensitive) → section kind.
# Order matters: longer / more specific labels first.
SECTION_LABELS: list[tuple[str, str]] = [
    (r"beslutningstema", "background"),
    (r"beslutningspunkter", "proposal"),
    (r"beslutningsforslag", "proposal"),
    (r"beslutninger", "decision"),
    (r"beslutning", "decision"),
    (r"konklusion(?:er)?", "decision"),
    (r"aftaler?", "decision"),
    (r"afgørelse", "decision"),
    (r"vedtak", "decision"),
    (r"vedtatt", "decision"),
    (r"beslut", "decision"),
    (r"decision(?:s)?", "decision"),
    (r"resolution", "decision"),
    (r"referat", "minutes"),
    (r"uddybning", "minutes"),
    (r"drøftelser?", "minutes"),
    (r"drøftelse og beslutning", "decision"),
    (r"opfølgning", "minutes"),
    (r"diskussion", "minutes"),
    (r"notes", "minutes"),
    (r"indstilling(?:er)?", "proposal"),
    (r"det indstilles", "proposal"),
    (r"forslag til beslutning", "proposal"),
    (r"innstilling", "proposal"),
    (r"forslag til vedtak", "proposal"),
    (r"baggrund", "background"),
    (r"sagsfremstilling", "background"),
    (r"supplerende sagsfremstilling", "background"),
    (r"sagsforløb", "background"),
    (r"resum[ée]", "background"),
    (r"sammendrag", "background"),
    (r"økonomi(?: og (?:finansiering|organisatoriske konsekvenser))?", "background"),
    (r"økonomiske konsekvenser(?: og finansiering)?", "background"),
    (r"høring", "background"),
    (r"formål", "background"),
    (r"begrundelse", "background"),
    (r"lovgrundlag", "background"),
    (r"kommunikation", "background"),
    (r"sagen afgøres i", "background"),
    (r"beslutningen træffes af", "background"),
    (r"følgende\s+deltog\s+ikke(?:\s+i\s+(?:behandlingen|sagens\s+behandling)(?:\s+af\s+(?:punktet|sagen))?)?", "other"),
    (r"ansvarlig\s*/\s*frist", "responsible"),
    (r"ansvar\s*/\s*frist", "responsible"),
    (r"ansvarlige?", "responsible"),
    (r"ansvar", "responsible"),
    (r"tovholdere?", "responsible"),
    (r"frist", "responsible"),
    (r"deadline", "responsible"),
    (r"bilag(?:\s+vedlagt)?", "attachments"),
    (r"vedlagte bilag", "attachments"),
    (r"vedlegg", "attachments"),
    (r"attachments?", "attachments"),
]

# A label followed by "– punkt N" ("Referat – punkt 3:") belongs to item N.
LABEL_ITEM_SUFFIX = r"\s*[-–—]?\s*(?:punkt|pkt\.?)\s*(?P<labelnum>\d+[a-zA-Z]?)"

# Earlier bodies' decisions inside an item: "Beslutning i Økonomiudvalget den 04-12-2012",
# "Økonomiudvalgets beslutning den 04.12.2012", "Sundheds- og Forebyggelsesudvalgets beslutning".
PRIOR_DECISION_PATTERNS: list[str] = [
    r"beslutning\s+i\s+(?P<body>.+?)\s+den\s+(?P<date>\S+(?:\s+\S+\s+\d{4})?)\s*(?:punkt\s*\d+)?\s*:?$",
    r"(?P<body>.+?s)\s+beslutning(?:\s+den\s+(?P<date>[\d.\-/]+|\d{1,2}\.\s*[a-zæøå]+\.?\s+\d{4}))?(?:\s+punkt\s*\d+)?\s*:?$",
]

# --------------------------------------------------------------------------- people

# "Fra forvaltningen:", "Fra udvalget deltog:" — a list of people from one body.
FROM_BODY_LABEL = r"(?:fra|from)\s+(?P<org>[\wæøåÆØÅ\-]+(?:\s+[\wæøåÆØÅ\-]+){0,3}?)(?:\s+(?:deltog|deltager|deltok|present))?"

# label → role of the people listed under it ("absent" marks absence).
PARTICIPANT_LABELS: list[tuple[str, str]] = [
    (r"deltagere(?:\s+i\s+[\wæøåÆØÅ\- ]+)?", "present"),
    (r"deltagende", "present"),
    (r"deltog(?:\s+i\s+mødet)?", "present"),
    (r"til\s+stede\s+var", "present"),
    (r"til\s*stede", "present"),
    (r"tilstede", "present"),
    (r"fremmødte", "present"),
    (r"mødt(?:e)?", "present"),
    (r"medlemmer", "present"),
    (r"tilstedeværende", "present"),
    (r"present", "present"),
    (r"attendees", "present"),
    (r"närvarande", "present"),
    (r"deltakere", "present"),
    (r"til stede", "present"),
    (r"tsc members present", "present"),
    (r"others present", "present"),
    (r"stedfortrædere?", "present"),
    (r"mødt\s+som\s+stedfortræder", "present"),
    (r"guests", "guest"),
    (r"gæster", "guest"),
    (r"afbud(?:\s*/\s*fraværende)?(?:\s+fra)?", "absent"),
    (r"fraværende", "absent"),
    (r"ikke\s+til\s*stede", "absent"),
    (r"mangler", "absent"),
    (r"forfall", "absent"),
    (r"regrets", "absent"),
    (r"absent", "absent"),
    (r"udeblivende(?:\s+medlemmer)?", "absent"),
    (r"frånvarande", "absent"),
    (r"referent(?:er)?", "referent"),
    (r"sekretær", "referent"),
    (r"scribes?", "referent"),
    (r"mødeleder", "chair"),
    (r"ordstyrer", "chair"),
    (r"dirigent", "chair"),
    (r"chairs?", "chair"),
    (FROM_BODY_LABEL, "present"),
]

# Titles written before a name ("Borgmester Anders Lykke, Hedelund Kommune"): no part of the
# name; the person's role where nothing else gives one.
HONORIFICS: tuple[str, ...] = (
    "borgmester", "viceborgmester", "overborgmester", "rådmand", "rådkvinde", "regionsrådsformand",
    "kommunaldirektør", "regionsdirektør", "direktør", "formand", "næstformand", "byrådsmedlem",
    "kommunalbestyrelsesmedlem", "regionsrådsmedlem", "udvalgsformand", "skoleleder", "dr.", "professor",
    "ordfører", "mayor", "councillor", "ordförande", "ordfører",
)

# Role words inside a participant line ("Maj Skårhøj – Klinikchef (Medformand) - mødeleder").
ROLE_WORDS: tuple[str, ...] = (
    "formand", "næstformand", "medformand", "kommunal medformand", "mødeleder", "referent",
    "sekretær", "ordstyrer", "dirigent", "kasserer", "leder", "chair", "scribe",
    "tr", "amr", "tillidsrepræsentant", "arbejdsmiljørepræsentant", "suppleant", "revisor",
    "observatør", "gæst", "oplægsholder", "secretary", "co-chair", "vice chair",
    "leiar", "nestleder", "kasserar", "ordförande", "sekreterare", "note taker", "notetaker",
    "minute taker", "facilitator", "moderator",
)

# A one-word function in brackets ends like this ("skolechef", "afdelingsleder").
ROLE_SUFFIXES: tuple[str, ...] = (
    "chef", "leder", "formand", "direktør", "konsulent", "koordinator", "sekretær",
    "medarbejder", "rådgiver", "fuldmægtig", "overlæge", "sygeplejerske", "terapeut",
    "assistent", "pedel", "repræsentant",
)

# Words that make a participant "name" something else (an organisation, a heading).
NOT_A_NAME_WORDS: tuple[str, ...] = (
    "kommune", "region", "referat", "dagsorden", "møde", "side", "udvalget", "punkt", "bilag",
    "indholdsfortegnelse", "godkendelse", "dato", "kl.", "sekretariat", "forvaltning",
    "afdeling", "center",
    # the time column of a rota ("Klokkeslett | Carolina og Frederik")
    "tidspunkt", "klokkeslæt", "klokkeslett", "klockslag",
)

# A participant line that names a group, not a person ("Alle", "Samtlige medlemmer"), and
# the words after which it names the ones missing ("Alle pånær Kristian", "alle undtagen
# Hans og Grete", "Alle (Ingen Kristian - meldt)").
COLLECTIVE_WORDS: tuple[str, ...] = ("alle", "samtlige", "everyone", "all", "ingen", "none")
EXCEPT_WORDS: tuple[str, ...] = ("pånær", "på nær", "undtagen", "bortset fra", "minus",
                                 "except", "but", "ingen", "ikke")

# Column headers of a member table ("Navn | Kommune | E-mail") → the field the column holds.
PARTICIPANT_COLUMNS: dict[str, str] = {
    **dict.fromkeys(("navn", "name", "deltager", "deltagere", "medlem", "medlemmer", "person",
                     "fornavn og efternavn", "namn"), "name"),
    **dict.fromkeys(("kommune", "organisation", "org", "org.", "forvaltning", "virksomhed",
                     "parti", "institution", "repræsenterer", "repræsentant for", "enhed",
                     "arbejdssted", "myndighed", "organization", "affiliation", "region",
                     "afdeling", "organisasjon", "kommun", "country", "land"), "organisation"),
    **dict.fromkeys(("rolle", "titel", "funktion", "stilling", "role", "title", "position",
                     "hverv"), "role"),
    **dict.fromkeys(("e-mail", "email", "mail", "telefon", "tlf", "tlf.", "phone", "mobil",
                     "adresse", "e-post", "epost"), "contact"),
    **dict.fromkeys(("afbud", "fremmøde", "deltog", "til stede", "fremmødt"), "attendance"),
}


# Suffixes marking a listed person as absent.
ABSENT_MARKERS: tuple[str, ...] = ("afbud", "meldt afbud", "fraværende", "forfall", "regrets")
# Why someone is away, written in brackets after the name: "Kristian (syg)", "Kenneth (meldt)".
ABSENCE_REASONS: tuple[str, ...] = (
    "syg", "meldt", "meldt fra", "ferie", "barsel", "orlov", "undskyldt", "lovligt undskyldt",
    "kursus", "sick", "on leave", "excused", "apologies",
)

# "Der var mødt 44 personer", "62 personer ... (43 husstande)", "Fremmødte 20 + 4".
HEAD_COUNT_PATTERNS: list[str] = [
    r"(?:der\s+var\s+)?mødt\s+(?:i\s+alt\s+)?(?P<n>\d+)\s+(?:personer|deltagere|medlemmer)",
    r"(?P<n>\d+)\s+(?:personer|deltagere|medlemmer)\s+(?:var\s+)?(?:mødt|til\s+stede|fremmødt)",
    r"fremmødte:?\s*(?P<n>\d+(?:\s*\+\s*\d+)?)",
    r"(?P<n>\d+)\s+fremmødte",
    r"antal\s+(?:fremmødte|deltagere):?\s*(?P<n>\d+)",
    r"^(?P<n>\d+)\s+(?:deltagere|fremmødte|personer)\b",  # "11 deltagere, heraf de 5 fra bestyrelsen"
]

# Functions the meeting elects someone to ("Ove Madsen, F5 blev valgt som dirigent", "Som
# dirigent blev valgt Jens Rosenquist"): the person took part in that role.
ELECTED_ROLES = r"dirigent|referent|ordstyrer|mødeleder|stemmetæller|sekretær|chair|ordförande|møteleder"
ELECTION_PATTERNS: list[str] = [
    # case-sensitive names, case-insensitive words
    r"(?:^|(?<=[\s.;]))(?P<name>[A-ZÆØÅ][\wæøåÆØÅ\-]+(?:\s+[A-ZÆØÅ][\wæøåÆØÅ\-]+){0,3})(?:,\s*[\w\-]{1,8})?\s+"
    r"(?i:(?:blev\s+)?(?:valgt|genvalgt)\s+(?:som|til)\s+(?P<role>" + ELECTED_ROLES + r"))\b",
    r"(?i:\bsom\s+(?P<role>" + ELECTED_ROLES + r")\s+blev\s+(?:valgt|genvalgt))\s+(?P<name>[A-ZÆØÅ][\wæøåÆØÅ\-]+(?:\s+[A-ZÆØÅ][\wæøåÆØÅ\-]+){0,3})",
]

# --------------------------------------------------------------------------- decisions

# Statuses in the order they are tried: the first rule whose pattern occurs decides.
# (Negation before approval, referral before postponement, a concrete task before "noted".)
STATUS_RULES: list[tuple[str, str]] = [
    # "Intet.", "Intet at bemærke", "Intet under eventuelt", "Ingen bemærkninger til punktet"
    ("none", r"^(?:intet|ingen|nothing)(?:\s+(?:at\s+bemærke|til\s+referat|nyt|bemærkninger|yderligere|at\s+referere))?"
             r"(?:\s+(?:under|til)\s+(?:eventuelt|punktet|dette\s+punkt))?\s*[.!]?$"),
    ("none", r"^ingen\s+bemærkninger\.?$|^intet\s+til\s+(?:referat|punktet)\.?$|^-$"),
    # "Ingen forslag modtaget", "Der var ingen indkomne forslag", "Der er ingen punkter til
    # eventuelt", "Ingen saker.", "None."
    ("none", r"^(?:der\s+(?:er|var)\s+)?(?:ingen|inga|none|no)(?:\s+(?:indkomne|indkommende|rettidigt\s+indkomne|nye|øvrige|övriga|andre|andra|flere|other|further))?"
             r"(?:\s+(?:forslag|punkter|sager|saker|ärenden|frågor|spørsmål|kommentarer|spørgsmål|emner|bemærkninger|meddelelser|items|business))?"
             r"(?:\s+(?:modtaget|fra\s+\w+|til\s+(?:eventuelt|punktet|behandling)|under\s+\w+))?\s*[.!]?$"),
    ("rejected", r"\bikke\s+(?:godkendt|godkendes|vedtaget|tiltrådt|anbefalet|bevilget|imødekommet)\b"),
    ("rejected", r"\b(?:kunne|kan)\s+ikke\s+(?:anbefale|godkende|tiltræde|støtte|bakke\s+op|gå\s+ind\s+for|acceptere)\b|\bbakker\s+ikke\s+op\b|\bafvist\b|\bafvises\b|\bforkastet\b|\bforkastes\b|\bfaldt\b|\bnedstemt\b|\bstemt\s+ned\b"),
    ("rejected", r"\bikke\s+(?:vedtatt|godkjent)\b|\bavslått\b|\bavslogs\b|\bavslag\b|\brejected\b|\bnot\s+approved\b"),
    # "Tilbagesendes X med bemærkning, at byrådet … har vedtaget …": returned because adopted
    ("approved", r"\bmed\s+bemærkning(?:en)?,?\s+at\s+.{0,120}?\bhar\s+(?:vedtaget|godkendt|tiltrådt|taget\s+\w+\s+til\s+efterretning)\b"),
    ("referred", r"\b(?:oversendes|oversendt|videresendes|videresendt|fremsendes|fremsendt|sendes\s+videre|sendes\s+til|adresseres\s+til|bringer\s+videre|henvises\s+til|overdrages\s+til|tilbagesendes|forelægges|sendes\s+(?:i|til)\s+(?:offentlig\s+)?høring|sendes\s+tilbage\s+til)\b"),
    # a committee recommending to the council: "Anbefales over for Byrådet", "Indstilles til godkendelse"
    ("referred", r"\banbefales\s+(?:over\s+for|overfor|til)\b|^indstilles\s+til\s+(?:godkendelse|vedtagelse|byrådet|kommunalbestyrelsen|regionsrådet)\b|\banbefaler\s+(?:byrådet|kommunalbestyrelsen|regionsrådet|økonomiudvalget)\b"),
    ("referred", r"\bdagsordenssætter\s+punktet\s+(?:der|i|på)\b|\bsættes\s+på\s+dagsordenen\s+(?:i|hos)\b"),
    ("referred", r"\b(?:referred\s+to|oversendes|sendes\s+vidare|oversendt\s+til)\b"),
    ("postponed", r"\b(?:udsat|udsættes|udskydes|udskudt|genoptages|tages\s+op\s+igen|(?:drøftes|behandles|genbehandles)\s+igen|genoptaget\s+på|dagsordenssættes|sættes\s+på\s+(?:igen|næste)|(?:sættes|tages)\s+på\s+(?:dagsordenen\s+)?(?:til|på)\s+(?:det\s+)?(?:næste|kommende|senere|et\s+senere)\s+møde|tilbagevende\s+punkt|tages\s+op\s+(?:igen|på\s+(?:et\s+)?(?:næste|senere|kommende|fremtidigt))|på\s+et\s+(?:senere|fremtidigt|kommende)\s+møde|afventer|afventes)\b"),
    ("postponed", r"\b(?:utsatt|utsettes|utsätts|utsattes|bordlagt|bordlegges|bordlägg(?:s|es)|bordlades|bordlagd|postponed|deferred|tabled)\b"),
    ("action", r"\bbesluttede\s+at\s+(?:undersøge|udarbejde|afklare|indhente|nedsætte|igangsætte)\b"),
    ("noted", r"\b(?:til\s+efterretning|orienteringen\s+(?:blev\s+)?taget|til\s+orientering|tog\s+orientering|orienteringen\s+tages|blev\s+orienteret|er\s+orienteret|(?:punktet|sagen|emnet|forslaget|orienteringen)\s+blev\s+drøftet|blev\s+(?:[a-zæøå]+\s+og\s+)?drøftet(?=\s*[.!]?$))\b|^drøftet\b"),
    ("noted", r"\b(?:tatt\s+til\s+orientering|tas\s+til\s+orientering|tas\s+til\s+etterretning|tatt\s+til\s+etterretning|lades\s+till\s+handlingarna|lagt\s+till\s+handlingarna|noted)\b"),
    ("approved", r"\b(?:godkendt|godkendte|godkendes|godkender|tiltrådt|tiltrådte|tiltræder|tiltrædes|vedtaget|vedtages|vedtog|besluttede|besluttet|blev\s+besluttet|det\s+blev\s+aftalt|aftalt|aftaltes|bakker\s+op|bakkede\s+op|valgt|genvalgt|nyvalgt|blev\s+valgt|enstemmigt|fastsat|bevilget|bevilges|imødekommet|følges|(?<!ikke\s)(?:enighed|enige)\s+om|enedes\s+om|afgiver\s+(?:et\s+)?høringssvar|afgive\s+(?:et\s+)?høringssvar|finansieres\s+(?:af|via|over|inden\s+for)|(?:afholdes|dækkes)\s+(?:af|inden\s+for|over)\s+(?:\w+\s+){0,2}(?:reserve|ramme|budget|pulje|midler|konto)\w*)\b"),
    ("approved", r"\b(?:vedtatt|vedtas|vedtok|godkjent|godkjennes|godkjente|valgt\s+ved|beslutade|beslutar|beslutades|godkändes|godkänd|godkänt|fastställdes|valdes|approved|adopted|agreed|resolved|carried|accepted)\b"),
]

# Phrases that make a sentence in free text (not under a Beslutning label) a decision at all.
# Verb stems are not followed by a noun ending: "godkendes" is a decision, "Godkendelse af
# dagsorden" is a title, "deres vedtagelse" is not a vote.
_NOT_NOUN = r"(?!else|elsen|elser|ning|ningen|ninger)"
DECISION_CUES = (
    rf"\b(?:godkend{_NOT_NOUN}|tiltræd{_NOT_NOUN}|vedtag{_NOT_NOUN}|vedtog|vedtok|besluttede|beslutte[ts]|aftalt|"
    r"udsat|udsættes|udskydes|udskudt|genoptages|tages\s+op\s+igen|dagsordenssæt|oversendes|videresendes|"
    r"fremsendes|tilbagesendes|sendes\s+videre|til\s+efterretning|til\s+orientering|taget\s+til|"
    r"afvist|afvises|forkast|valgt|valgte|genvalgt|nyvalgt|enstemmigt|næste\s+(?:netværks)?møde|"
    r"tilbagevende\s+punkt|vedtatt|godkjent|beslutade|bakker\s+op|bakkede\s+op|anbefales\s+(?:over\s*for|til)|"
    r"approved|agreed|resolved|adopted|deferred|postponed|tabled|tiltrådt|bevilge|fastsat|faldt|nedstemt|"
    r"(?:er|blev|var)\s+enige\s+om|enedes\s+om|(?:drøftes|behandles)\s+igen|sendes\s+tilbage\s+til|"
    r"blev\s+(?:[a-zæøå]+\s+og\s+)?drøftet(?=\s*[.!]?$)|"
    r"godkänd|valdes|omvaldes|nyvaldes|bordlad|beslutades|antogs|fastställdes|utsattes|bifölls|avslogs)"
)

# "Næste møde: torsdag den 16. juni 2022 kl. 9.00": the next meeting stated, nothing decided.
NEXT_MEETING_FIELD = r"^(?:næste|kommende|neste|nästa|next)\s+(?:\w+)?(?:møde|møte|möte|meeting)\s*:"
# "Mødet hævet kl. 19.40", "Mødet sluttede 20.15": the meeting ends, nothing is decided.
MEETING_CLOSED = (
    r"^(?:mødet|generalforsamlingen|møtet|mötet|the\s+meeting)\s+(?:blev\s+|ble\s+|was\s+)?"
    r"(?:hævet|hævedes|afsluttet|afsluttedes|sluttede|slut|lukket|avsluttet|avslutades|closed)\b"
)

# A vote that adopts what was proposed just before it ("Der foreslås at …. Enstemmigt
# vedtaget.", "Mathias stiller op som dirigent. Enstemmigt vedtaget."): one decision of both.
BARE_ADOPTION = (
    r"^(?:(?:forslag(?:et)?|dette|det|indstillingen|beretningen)\s+(?:blev\s+|er\s+)?)?(?:enstemmigt\s+)?"
    r"(?:vedtaget|godkendt|vedtages|godkendes|tiltrådt|antaget|vedtatt|godkjent|godkänt|bifallet|approved|adopted|agreed|carried)"
    r"(?:\s+(?:enstemmigt|uden\s+bemærkninger|med\s+(?:stort\s+|et\s+)?flertal|ved\s+akklamasjon|unanimously))?\s*[.!]?$"
)
# What such a vote adopts: a proposal, a candidacy.
PROPOSAL_WORDS = (
    r"\b(?:foreslå\w*|forslag\w*|stiller\s+op|op\s+som|genopstiller|opstiller|kandidat\w*|indstiller|"
    r"indstilles|proposed|proposal|moved)\b"
)
# A minority's note after a decision belongs to it: "Socialdemokratiets byrådsgruppe kunne ikke
# tiltræde indstillingen", "V tog forbehold", "A stemte imod".
DISSENT = (
    r"\b(?:kunne\s+ikke\s+tiltræde|tog\s+forbehold|tager\s+forbehold|stemte\s+imod|undlod\s+at\s+stemme|"
    r"ønskede\s+(?:sig\s+)?(?:sin\s+\w+\s+)?(?:ført\s+)?til\s+protokol(?:len)?|mindretalsudtalelse|"
    r"(?:ønskede|ønsker|bad\s+om\s+at\s+få)\s+(?:følgende\s+|sin\s+\w+\s+|det\s+)?ført\s+til\s+(?:referat|protokol)(?:len|et)?|"
    r"et\s+mindretal\b.{0,80}?\bstemte\s+(?:imod|for)|(?:for|imod)\s+stemte\s+\d+|"
    r"henholdt\s+sig\s+til|deltog\s+ikke\s+i\s+(?:sagens\s+)?behandling)\b"
)
# A paragraph under a decision label that only names the case or asks for it back belongs to
# the decision before it: "Forslag om …", "Indstillingen vedrører …", "Endelig vedtagelse af
# forslag til …", "Sagen bedes tilbagesendt byrådet via Magistraten."
EXPLAINS_DECISION = (
    r"^(?:(?:endelig\s+)?(?:vedtagelse|godkendelse)\s+af\s+|forslag(?:et)?\s+(?:om|til)\b|indstilling(?:en)?\s+vedrører\b|"
    r"(?:sagen|punktet|forslaget)\s+bedes\b|anlægsbevilling\s+til\b|bevilling\s+til\b)"
)

# Lines after which a section holds signatures, not decisions.
SIGNATURE_LINES = (
    r"^(?:referat(?:et)?\s+(?:er\s+)?(?:vedtaget|godkendt|underskrevet|læst\s+og\s+godkendt)\s+af|"
    r"godkendelse\s+af\s+referat(?:et)?\s*:|underskrift(?:er|sside)?\s*:?$|dirigent\s*/|"
    r"(?:som\s+)?referent\s*/)"
)

# "Styregruppen besluttede", "Driftsforum tager orienteringen til efterretning":
# a capitalised body word before a deciding verb names the deciding body.
DECIDING_VERBS = (
    r"besluttede|besluttet|beslutter|godkendte|godkender|tiltrådte|tiltræder|vedtog|vedtager|"
    r"tog|tager|bakker|bakkede|anbefaler|anbefalede|drøftede|konkluderede|aftalte|"
    r"vedtok|godkjente|beslutade|beslutar|fastställde|agreed|approved|resolved|decided|"
    r"valgte|meddelte|bevilgede|kunne\s+ikke|kan\s+ikke|ønsker|ønskede|anbefalede\s+ikke|udpegede|udpeger|"
    r"afgiver|afgav|bakker\s+ikke"
)

# "Indstillingen godkendt", "Indstillingen følges", "Indstillingen tiltrådt".
PROPOSAL_REFERENCE = (
    r"\b(?:indstilling(?:en)?|forslaget|innstillingen|förslaget)\b[^.]{0,40}?"
    r"\b(?:godkendt|godkendes|følges|fulgt|tiltrådt|tiltrædes|vedtaget|anbefales|godkjent|vedtatt|bifalles)\b"
)

# "Det indstilles, at …", "X indstiller, at …" — proposals, not decisions.
PROPOSAL_CUES = r"^(?:det\s+indstilles|.{0,60}\bindstiller\b|det\s+foreslås|det\s+anbefales|at\s+\d\))"

# --------------------------------------------------------------------------- actions

# Verbs of a concrete task, present/future tense: "X undersøger", "X følger op".
ACTION_VERBS = (
    r"undersøger|følger\s+op|tilbagemelder|melder\s+tilbage|udarbejder|indkalder|sender|"
    r"kontakter|tager\s+kontakt|sørger\s+for|vil\s+drøfte|vil\s+undersøge|vil\s+følge\s+op|"
    r"vil\s+sende|vil\s+udarbejde|vil\s+kontakte|planlægger|samler\s+op|dagsordenssætter|"
    r"er\s+ansvarlige?|har\s+ansvaret|tager\s+(?:sig\s+af|ansvar)|afklarer|indhenter|"
    r"laver|skriver|booker|inviterer|orienterer|præsenterer\s+på|opdaterer|"
    r"undersøker|følger\s+opp|sjekker|lager|kontakter|skal\s+(?:undersøge|sende|lave)|"
    r"undersöker|kontaktar|tar\s+fram|søger(?!\s+om\b)|lægger(?!\s+op\s+til)|vender\s+tilbage|drøfter\s+\w+\s+med|arbejder\s+videre|"
    r"indsamler|udsender|fremsender|står\s+for|tager\s+initiativ|koordinerer|afholder|bestiller|"
    r"arrangerer|indkøber|reserverer|forbereder|tilmelder|"
    r"vil\s+kontakte|vil\s+tage\s+kontakt|vil\s+orientere|circulates?|will\s+\w+"
)

# A task without an owner, in the passive: "Det undersøges.", "Odense Kommune kontaktes igen."
PASSIVE_TASKS = (
    r"\b(?:undersøges|afklares|kontaktes|følges\s+op|indhentes|udsendes|tilbagemeldes|rundsendes|"
    r"udarbejdes|sendes\s+ud|laves|indkaldes|tilrettes|revideres|opdateres|bestilles|afprøves|testes)\b"
)

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DUE_WEEKDAY = r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday)"

# Words that mark the start of a due date expression.
DUE_PATTERNS: list[tuple[str, str]] = [
    # "senest fredag i uge 16", "inden uge 12": a week of the meeting's year (its Friday unless a day is named)
    ("week", rf"\b(?:senest|inden|før|i\s+løbet\s+af|by)\s+(?:(?P<wd>{_DUE_WEEKDAY})\s+(?:i\s+)?)?(?:uge|week)\s+(?P<week>\d{{1,2}})\b"),
    # "inden udgangen af marts", "ultimo april", "medio maj" (approximate)
    ("month_part", rf"\b(?:(?:inden|senest\s+ved|senest|ved|før|til|i)\s+(?P<part>udgangen|slutningen|midten|starten|begyndelsen)\s+af|(?P<part2>ultimo|medio|primo))\s+(?P<mon>{_MONTH_ALT})\.?(?:\s+(?P<year>(?:19|20)\d\d))?\b"),
    ("date", r"\b(?:senest|inden|før|innen|senast|by|before)\s+(?:" + _DUE_WEEKDAY + r"\s+)?(?:den\s+|d\.\s*|the\s+)?(?P<date>\d{1,2}\.?\s*[a-zæøå]+\.?(?:\s+\d{4})?|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?)"),
    ("next_meeting", r"\b(?:på|til|inden|før)\s+(?:det\s+)?(?:næste|næstkommende|kommende|neste)\s+(?:\w+)?møde\b|\bnext\s+meeting\b"),
    ("approx", r"\bom\s+(?:ca\.\s+|cirka\s+)?(?P<n>½|\d+(?:[.,]\d+)?|en|et|to|tre|fire|seks)\s+(?P<unit>år|måned(?:er)?|uger?|dage?)\b"),
]

# Where the minutes name their next meeting (its date follows): "Næste møde: …", "Næste
# netværksmøde afholdes …", "Next meeting: …".
NEXT_MEETING_MENTION = r"\b(?:næste|kommende|næstkommende|neste|nästa|next)\s+(?:\w+)?(?:møde|møte|möte|meeting)\b"

# --------------------------------------------------------------------------- closed items

CLOSED_ITEM = r"^(?:lukket\s+punkt|lukket|fortroligt|fortrolig|personpunkt|personsag|lukket\s+møde|unntatt\s+offentlighet|closed)\b\s*[:\-–]?"
# The same said in a sentence under the title ("Punktet er lukket.", "Sagen behandles for
# lukkede døre") or in brackets after it ("Ejendomshandel – grund ved sygehuset (Lukket)").
CLOSED_NOTE = (
    r"^(?:punktet|sagen|dette\s+punkt)\s+(?:er\s+(?:et\s+)?lukket(?:\s+punkt)?|er\s+fortroligt?|"
    r"behandles\s+(?:for\s+lukkede\s+døre|i\s+lukket\s+møde))\s*[.!]?$"
)
CLOSED_SUFFIX = r"\s*[(\[]\s*(?:lukket(?:\s+punkt)?|fortroligt?|lukket\s+møde|personsag|closed)\s*[)\]]\s*$"

# --------------------------------------------------------------------------- furniture

PAGE_NUMBER_LINES: list[str] = [
    r"side\s+\d+\s*(?:af|/|of|av)\s*\d+(?:\s+sider)?",
    r"side\s+\d+",
    r"sida\s+\d+(?:\s*\(\d+\))?",
    r"page\s+\d+(?:\s+of\s+\d+)?",
    r"\d+\s*(?:of|af|av|/)\s*\d+",
    r"-\s*\d+\s*-",
    r"\d{1,3}",
]

ATTACHMENT_FILE_SUFFIX = r"\.(?:pdf|docx?|xlsx?|pptx?|msg|txt|odt|ods|odp|png|jpe?g|csv|zip)\b"
