"""The site's search index: Finnish base forms in Pagefind, and the tables the browser reads a query with.

Pagefind (https://pagefind.app/) splits an index into chunks, so a browser fetches only what
a query needs however many records there are. It is given one document per searchable page,
written here rather than read from the page's HTML: the words of a record stand in it as
their Finnish base forms and compound parts (:mod:`scripts.site.lemmas`, Voikko), in
sections weighted by where they come from (names and aliases above places, places above the
summary, the summary above the facts and body), and the index is built without a stemmer
(language ``unknown``), so *kunta* is not *kun* and *Lappi* is not *lapsi*. A case carries
its municipalities, former municipalities and regions as the filter :data:`PLACE_FILTER`.
Each document also keeps what a result shows (kind, summary, levels, place and years) and
the base forms of its title and summary words, by which the browser highlights matches.

Beside the bundle, in :data:`WORDS_DIR`, the build writes what the browser needs to read a
query (``docs/javascripts/lib/search-query.js``):

- ``sanasto.json``: the names (methods and their aliases as base-form sequences, municipalities,
  regions and former municipalities), the words typos are corrected to, the synonyms and the
  words a query ignores (``data/synonyms.yml``), and where the word-form table is;
- ``muodot-<hash>/<n>.json``: the word-form table in buckets (by :func:`bucket`), every word form
  of the indexed text and the inflected forms of the names, each with its base forms, so that
  the browser finds the bucket of a typed word without loading the rest.

Hand-written pages (about, accessibility, performance) are read from the built HTML: the
part marked ``data-pagefind-body``, without ``data-pagefind-ignore`` parts or heading links.

:class:`SearchIndex` builds it in two halves: the records' documents from the catalogue, which
:func:`scripts.site.build.build_site` has made in a child process while the site generator
runs (:mod:`scripts.site.index_beside`), and the hand-written pages after it. The live-preview
hook runs both halves after each rebuild (:func:`index_site`), so the local preview searches
the same way as the published site.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from scripts.pipeline.model import Catalogue, Record
from scripts.rules.kinds import KINDS
from scripts.site.commands import BuildError, run_child
from scripts.site.lemmas import Lemmatiser, normal, words
from scripts.site.views import Views

BUNDLE = "pagefind"
WORDS_DIR = "haku"
WORDS_FILE = "sanasto.json"
PLACE_FILTER = "paikka"  # a case's municipalities, former municipalities and regions
METHOD_FILTER = "menetelma"  # a method's own address, by which the browser finds a method it names
# Pagefind weights (0-10) of a document's sections.
NAME, PLACE, SUMMARY, FACTS, BODY = 10, 8, 3, 2, 1
FORMS_PER_BUCKET = 200
# Ends every indexed base form, so that a base form is searched as a whole word ("asia_" is
# not "asiakas_"), while a typed prefix still finds the words it begins ("asiakasr").
# Pagefind keeps "_" inside words.
WORD_END = "_"
RESULTS_PER_PAGE = 5
# What the search box says (docs/javascripts/search.js reads these from the page contract).
TEXTS = {
    "prompt": "Kirjoita hakusana, esimerkiksi menetelmän nimi, kohderyhmä tai kunta.",
    "none": "Ei osumia haulla ”{query}”.",
    "one": "1 osuma haulla ”{query}”.",
    "many": "{count} osumaa haulla ”{query}”.",
    "shown": "Näytetään {shown} parasta.",
    "corrected": "Tarkoititko ”{corrected}”?",
    "unavailable": "Haku ei ole käytettävissä juuri nyt. Kokeile selata menetelmiä tai esimerkkejä.",
    "levels": "Tasot",
}
_MARKDOWN_LINK = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")
_PARENTHESES = re.compile(r"\s*\(([^)]*)\)")


def search_contract() -> dict:
    """The search's part of the page contract (scripts/site/contract.py): where its files are,
    the filters the build set, how many results a page shows and the texts it says."""
    return {"bundle": f"{BUNDLE}/", "folder": f"{WORDS_DIR}/", "vocabulary": WORDS_FILE,
            "filters": {"place": PLACE_FILTER, "method": METHOD_FILTER}, "wordEnd": WORD_END,
            "page": RESULTS_PER_PAGE, "texts": TEXTS}


@dataclass
class Document:
    """One searchable page: its address, weighted texts, what its result shows and its places."""

    url: str
    title: str
    sections: list[tuple[int, str]]
    meta: dict[str, str] = field(default_factory=dict)
    shown: str = ""  # the summary or description shown in the result
    filters: dict[str, list[str]] = field(default_factory=dict)


def plain(markdown: str) -> str:
    """Markdown as words: link targets and bare addresses dropped."""
    return _MARKDOWN_LINK.sub("]", markdown)


def record_document(record: Record, catalogue: Catalogue, views: Views) -> Document:
    data = record.data
    names = [record.title, *data.get("aliases", [])]
    facts = [item.text for fact in views.facts(record) for item in fact.items]
    meta = {"kind": record.kind, "levels": ", ".join(views.level_names(record.levels))}
    places: list[str] = []
    if record.kind == "case":
        places = [*data["municipalities"], *(data.get("historical_places") or []), *catalogue.regions(record)]
        meta.update(place=views.places(record), years=views.years(record))
    place_text = " ".join([*places, data.get("organisation") or ""])
    free_text = [record.body, *(data.get("outcomes") or []), data.get("reached") or "", data.get("purpose") or ""]
    sections = [(NAME, " ".join(names)), (PLACE, place_text), (SUMMARY, data["summary"]),
                (FACTS, " ".join(facts)), (BODY, plain(" ".join(text for text in free_text if isinstance(text, str))))]
    filters = {PLACE_FILTER: places} if places else {METHOD_FILTER: ["/" + record.url]} if record.kind == "method" else {}
    return Document("/" + record.url, record.title, sections, meta, data["summary"], filters)


class _PageText(HTMLParser):
    """The searchable text of a built page: inside ``data-pagefind-body``, outside ignored parts."""

    SKIPPED = {"script", "style", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the body
        self.skip_depth = 0  # open elements inside an ignored part
        self.heading = False
        self.title: list[str] = []
        self.text: list[str] = []
        self.description = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content") or ""
        if tag in self.VOID:
            return
        if self.depth == 0:
            if "data-pagefind-body" in attributes:
                self.depth = 1
            return
        self.depth += 1
        ignored = ("data-pagefind-ignore" in attributes or tag in self.SKIPPED or
                   "headerlink" in (attributes.get("class") or "").split())
        if self.skip_depth or ignored:
            self.skip_depth += 1
        if tag == "h1":
            self.heading = True

    def handle_endtag(self, tag):
        if tag in self.VOID or self.depth == 0:
            return
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
        if tag == "h1":
            self.heading = False

    def handle_data(self, data):
        if self.depth and not self.skip_depth:
            (self.title if self.heading else self.text).append(data)


def hand_written(folder: str) -> bool:
    """Whether a built page's folder ("" or "." for the front page) may hold a hand-written page:
    not a record's page (nor an old address of one) and not the search's own files."""
    parts = [part for part in folder.split("/") if part not in ("", ".")]
    record_folders = {kind.url_prefix for kind in KINDS.values()}
    return not parts or not ((parts[0] in record_folders and len(parts) > 1) or parts[0] in (BUNDLE, WORDS_DIR))


def page_documents(site_dir: Path, record_urls: set[str]) -> list[Document]:
    """Built pages outside the record folders that mark searchable content (hand-written pages)."""
    documents = []
    for page in sorted(site_dir.rglob("index.html")):
        relative = page.parent.relative_to(site_dir).as_posix()
        url = "/" if relative == "." else f"/{relative}/"
        if url in record_urls or not hand_written(relative):
            continue
        source = page.read_text(encoding="utf-8")
        if "data-pagefind-body" not in source:
            continue
        parser = _PageText()
        parser.feed(source)
        title = " ".join("".join(parser.title).split())
        if not title:
            continue
        body = " ".join(" ".join(parser.text).split())
        documents.append(Document(url, title, [(NAME, title), (BODY, body)], {}, parser.description))
    return documents


def highlight_key(lemmatiser: Lemmatiser, text: str) -> str:
    """Each word's base forms and parts, "|"-separated, a space between words; "=" for a word that is its own base form.

    The browser splits the shown title and summary into words the same way and marks a word
    whose forms include a query's base form."""
    keys = []
    for word in words(text):
        analysis = lemmatiser.analyse(word)
        forms = [*analysis.lemmas, *analysis.parts]
        keys.append("=" if forms == [normal(word)] else "|".join(forms))
    return " ".join(keys)


def _terms(tokens: list[str]) -> str:
    """Index terms as a text, each ending in :data:`WORD_END`."""
    return (WORD_END + " ").join(tokens) + WORD_END if tokens else ""


def document_html(document: Document, lemmatiser: Lemmatiser) -> str:
    """The page Pagefind indexes: base forms in weighted sections, shown values as metadata."""
    escape = html.escape
    meta = {"title": document.title, "summary": document.shown, **document.meta,
            "hl": highlight_key(lemmatiser, f"{document.title} {document.shown}")}
    head = "".join(f'<meta data-pagefind-meta="{key}[content]" content="{escape(value)}">'
                   for key, value in meta.items() if value)
    head += "".join(f'<meta data-pagefind-filter="{name}[content]" content="{escape(value)}">'
                    for name, values in document.filters.items() for value in values)
    body = "".join(f'<p data-pagefind-weight="{weight}">{escape(_terms(lemmatiser.tokens(text)))}</p>'
                   for weight, text in document.sections if text)
    return f'<!DOCTYPE html><html lang="unknown"><head>{head}</head><body><main data-pagefind-body>{body}</main></body></html>'


def name_variants(title: str) -> list[str]:
    """A method title and the names inside it: "Alueraati (aluetoimikunta)" -> itself, "Alueraati", "aluetoimikunta"."""
    names = [title]
    inner = [part.strip() for found in _PARENTHESES.findall(title) for part in found.split(",")]
    outer = _PARENTHESES.sub("", title).strip()
    names += [outer, *inner, *(part.strip() for part in re.split(r"\s[–—-]\s", outer))]
    return [name for name in dict.fromkeys(names) if name]


def lemma_sequence(lemmatiser: Lemmatiser, text: str) -> str:
    return " ".join(lemmatiser.lemma(word) for word in words(text))


def vocabulary(catalogue: Catalogue, lemmatiser: Lemmatiser, synonyms: dict) -> tuple[dict, dict[str, bool]]:
    """The names table (``sanasto.json`` without the form table's place) and the words of method and
    place names to inflect, each with whether its plural forms are wanted (not for place names)."""
    methods = []
    for method in catalogue.methods:
        names = [name for title in [method.title, *method.data.get("aliases", [])] for name in name_variants(title)]
        sequences = list(dict.fromkeys(lemma_sequence(lemmatiser, name) for name in names))
        parts = sorted({part for name in names for word in words(name) for part in lemmatiser.analyse(word).parts})
        methods.append(["/" + method.url, method.title, [sequence for sequence in sequences if sequence], parts])
    vocabularies = catalogue.vocabularies
    used_historical = {place for case in catalogue.cases for place in case.data.get("historical_places") or []}
    place_names = [*vocabularies["municipalities"], *vocabularies["regions"], *sorted(used_historical)]
    places = [[name, lemma_sequence(lemmatiser, name)] for name in place_names]
    labels = [entry.get("name", key) for name in ("target_groups", "service_areas", "levels")
              for key, entry in vocabularies[name].items()]
    name_words = {word for _, _, sequences, _ in methods for sequence in sequences for word in sequence.split()}
    place_words = {word for _, sequence in places for word in sequence.split()}
    label_words = {lemmatiser.lemma(word) for label in labels for word in words(label)}
    surface = {normal(word) for name in [*(n for m in catalogue.methods for n in [m.title, *m.data.get("aliases", [])]),
                                         *place_names, *labels] for word in words(name)}
    corrections = sorted(word for word in (name_words | label_words | surface) if len(word) >= 5)
    table = {
        "methods": methods,
        "places": places,
        "corrections": corrections,
        "synonyms": synonym_table(lemmatiser, synonyms["synonyms"]),
        "ignore": sorted({normal(word) for word in synonyms["ignore"]}),
    }
    return table, {**dict.fromkeys(name_words, True), **dict.fromkeys(place_words - name_words, False)}


def synonym_table(lemmatiser: Lemmatiser, entries: list[dict]) -> list[list]:
    """Base form of a word -> base forms it also finds, both ways: a synonym is a synonym whichever
    of the two a person types (vanhukset -> ikääntyneet, ikääntyneet -> vanhukset)."""
    table: dict[str, list[str]] = {}
    for entry in entries:
        word = lemma_sequence(lemmatiser, entry["word"])
        for also in (lemma_sequence(lemmatiser, text) for text in entry["also"]):
            for key, value in ((word, also), (also, word)):
                if key != value and value not in table.setdefault(key, []):
                    table[key].append(value)
    return [[key, values] for key, values in table.items()]


def bucket(form: str, buckets: int) -> int:
    """The bucket of a word form: FNV-1a over its UTF-16 code units (as search-words.js computes it)."""
    value = 0x811C9DC5
    data = form.encode("utf-16-le")
    for index in range(0, len(data), 2):
        value = ((value ^ (data[index] | data[index + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return value % buckets


def name_forms(lemmatiser: Lemmatiser, name_words: dict[str, bool]) -> list[tuple[str, str]]:
    """(inflected form, name word) for the words of method and place names; the slow part of the form
    table (a Voikko analysis per guessed form), which needs only the catalogue."""
    return [(form, word) for word, plural in sorted(name_words.items()) for form in lemmatiser.forms_of(word, plural)]


def form_table(lemmatiser: Lemmatiser, corpus_forms: set[str], names: list[tuple[str, str]]) -> dict[str, str]:
    """Word form -> its base forms, space-separated; "" when the form is its own (only) base form."""
    table: dict[str, tuple[str, ...]] = {form: lemmatiser.analyse(form).lemmas for form in corpus_forms}
    for form, word in names:
        table[form] = tuple(dict.fromkeys([*table.get(form, ()), word]))
    return {form: ("" if lemmas == (form,) else " ".join(lemmas)) for form, lemmas in sorted(table.items())}


def write_words(site_dir: Path, table: dict, forms: dict[str, str], pages: int) -> None:
    """``haku/sanasto.json`` and the form buckets; buckets in a folder named by their content, so a
    cached bucket of an older build is never read with a newer table."""
    count = max(1, math.ceil(len(forms) / FORMS_PER_BUCKET))
    buckets: list[dict[str, str]] = [{} for _ in range(count)]
    for form, lemmas in forms.items():
        buckets[bucket(form, count)][form] = lemmas
    texts = [json.dumps(part, ensure_ascii=False, separators=(",", ":")) for part in buckets]
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:10]
    target = site_dir / WORDS_DIR
    if target.exists():
        shutil.rmtree(target)
    folder = target / f"muodot-{digest}"
    folder.mkdir(parents=True)
    for number, text in enumerate(texts):
        (folder / f"{number}.json").write_text(text, encoding="utf-8")
    words_file = {"pages": pages, "forms": {"folder": folder.name + "/", "buckets": count}, **table}
    (target / WORDS_FILE).write_text(json.dumps(words_file, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def bundle_command(documents_dir: Path, output: Path) -> list[str]:
    """Pagefind's command line over the written documents, without a stemmer (language ``unknown``)."""
    return [sys.executable, "-m", "pagefind", "--site", str(documents_dir), "--output-path", str(output),
            "--force-language", "unknown", "--silent"]


def write_documents(documents: list[tuple[str, str]], folder: Path) -> None:
    """Each document as ``<url>/index.html`` under ``folder``, so Pagefind gives it that address."""
    for url, content in documents:
        page = folder / url.strip("/") / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(content, encoding="utf-8")


_LEMMATISER: list[Lemmatiser] = []


def shared_lemmatiser() -> Lemmatiser:
    """One analyser per process: the live preview re-indexes after every edit and reuses its analyses."""
    if not _LEMMATISER:
        _LEMMATISER.append(Lemmatiser())
    return _LEMMATISER[0]


class SearchIndex:
    """The index in two halves, so that the slow half runs while the site generator builds the pages.

    Made from the catalogue alone: the records' documents (Voikko's base forms of every word,
    written as pages for Pagefind into ``folder``), the names table and the inflected forms of
    the names. :meth:`add_pages` adds the hand-written pages, which exist only in the built
    site, and :meth:`write` runs Pagefind over all of them and writes the query tables. The
    halves use one analyser, so the words of the hand-written pages join the same form table."""

    def __init__(self, catalogue: Catalogue, folder: Path) -> None:
        self.folder = folder
        self.pages = 0
        self.lemmatiser = shared_lemmatiser()
        self.lemmatiser.seen = set()
        views = Views(catalogue)
        documents = [record_document(record, catalogue, views) for record in catalogue.records]
        self.add_pages(documents)
        self.table, name_words = vocabulary(catalogue, self.lemmatiser, catalogue.config.synonyms)
        self.names = name_forms(self.lemmatiser, name_words)

    def add_pages(self, documents: list[Document]) -> None:
        write_documents([(document.url, document_html(document, self.lemmatiser)) for document in documents], self.folder)
        self.pages += len(documents)

    def write(self, site_dir: Path) -> float:
        """The Pagefind bundle and the query tables into the built site; Pagefind's memory peak in MB."""
        forms = form_table(self.lemmatiser, set(self.lemmatiser.seen), self.names)
        output = site_dir / BUNDLE
        if output.exists():
            shutil.rmtree(output)
        _, peak = run_child(bundle_command(self.folder, output), site_dir, "Hakuhakemiston luominen")
        write_words(site_dir, self.table, forms, self.pages)
        return peak


def record_urls(catalogue: Catalogue) -> set[str]:
    """The addresses of the records' documents, which :func:`page_documents` leaves out."""
    return {"/" + record.url for record in catalogue.records}


def build_index(site_dir: Path, catalogue: Catalogue) -> float:
    """Everything :func:`index_site` writes, in one go; Pagefind's memory peak in MB."""
    with tempfile.TemporaryDirectory(prefix="haku-") as folder:
        index = SearchIndex(catalogue, Path(folder))
        index.add_pages(page_documents(site_dir, record_urls(catalogue)))
        return index.write(site_dir)


def index_site(site_dir: Path, catalogue: Catalogue) -> tuple[float, float]:
    """Write the Pagefind bundle and the query tables into the built site; (seconds, peak MB).

    The live preview's way, after each rebuild; :func:`scripts.site.build.build_site` builds the
    same index beside the site generator (:mod:`scripts.site.index_beside`). Takes the
    catalogue the build (or the live preview) already loaded: records are read once."""
    start = time.perf_counter()
    try:
        child_peak = build_index(site_dir, catalogue)
    except BuildError:
        raise
    except (OSError, RuntimeError) as error:
        raise BuildError(f"Hakuhakemiston luominen epäonnistui: {error}") from error
    return time.perf_counter() - start, max(child_peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

