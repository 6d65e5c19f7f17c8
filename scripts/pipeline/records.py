"""Load record files: front matter and body, with the line of every field.

This is the only place that reads ``methods/*.md`` and ``cases/*.md``. It never raises on
bad input: every problem (too big, not UTF-8, no front matter, broken YAML, anchors,
impossible dates) becomes a :class:`Problem` that names the file and line, so an editor
sees all of them at once and the build never shows a traceback.

Front matter is read as YAML 1.1 with PyYAML's safe loader, the same loader MkDocs uses, so
what is validated is what a page would get: ``2024-05-01`` is a date, ``no`` is ``false``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from scripts.pipeline.problems import FieldPath, Problem, format_field
from scripts.project import Project
from scripts.rules.kinds import KINDS

MAX_BYTES = 256 * 1024


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML was built with it
    """The safe loader, minus two costs of the Python calls its C parser makes for every node.

    The safe loader has no path resolvers, so descending and ascending need no bookkeeping; and
    the tag of a plain (unquoted) scalar depends on its text alone, so the same values, met in
    record after record (vocabulary keys, years, field names), are resolved once."""

    _plain_tags: dict[str, str] = {}  # shared by every loader; emptied when it grows large

    def descend_resolver(self, current_node, current_index) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode or not implicit[0]:
            return super().resolve(kind, value, implicit)
        tag = self._plain_tags.get(value)
        if tag is None:
            if len(self._plain_tags) >= 100_000:
                self._plain_tags.clear()
            tag = self._plain_tags[value] = super().resolve(kind, value, implicit)
        return tag


# The closing `---` line, found from the newline before it: a search for a pattern that starts
# with a fixed character jumps from one to the next instead of trying every position.
_FENCE = re.compile(r"\n---[ \t]*$", re.MULTILINE)



@dataclass
class SourceFile:
    """A record file as read from disk, before validation."""

    kind: str
    path: Path
    rel: str
    data: dict[str, Any]
    body: str
    body_line: int
    lines: dict[FieldPath, int] = field(default_factory=dict)

    @cached_property
    def stem(self) -> str:
        return self.path.stem

    def line_of(self, path: FieldPath) -> int:
        """Line of the field at ``path``, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: FieldPath, message: str) -> Problem:
        return Problem(self.rel, self.line_of(path), format_field(path), message)


def record_files(project: Project) -> list[tuple[str, Path]]:
    """Every record file of the project, as (kind, path), methods first, in name order."""
    found = []
    for kind in KINDS:
        folder = project.records_dir(kind)
        if folder.is_dir():
            found += [(kind, path) for path in sorted(folder.glob("*.md"), key=lambda path: path.name)]
    return found


def load_all(project: Project) -> tuple[list[SourceFile], list[Problem]]:
    sources, problems = [], []
    for kind, path in record_files(project):
        source, found = load_record(path, kind, project)
        problems += found
        if source is not None:
            sources.append(source)
    return sources, problems


def normalised(text: str) -> str:
    """Without a byte order mark and with Unix line ends, as every step reads a record."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def load_record(path: Path, kind: str, project: Project) -> tuple[SourceFile | None, list[Problem]]:
    """Read one record file. Returns ``None`` when it cannot be read far enough to validate."""
    rel = project.relative(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [too_big(rel, size)]
    return read_record(path.read_bytes(), kind, path, rel)


def too_big(rel: str, size: int) -> Problem:
    """A record file over :data:`MAX_BYTES`, refused unread."""
    return Problem(rel, 1, "tiedosto", f"tiedosto on liian suuri ({size // 1024} kt, enintään {MAX_BYTES // 1024} kt). "
                   "Lyhennä tekstiä tai jaa se useaksi tietueeksi; kuvia ei upoteta tietueisiin.")


def read_record(raw: bytes, kind: str, path: Path, rel: str) -> tuple[SourceFile | None, list[Problem]]:
    """A record file's bytes, already read (the record cache hashes them first), as :func:`load_record`."""

    def fail(line: int, message: str, where: str = "tiedosto"):
        return None, [Problem(rel, line, where, message)]

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return fail(line, "tiedosto ei ole UTF-8-merkistössä (virheellinen tavu tällä rivillä). "
                          "Tallenna tiedosto editorissa UTF-8-muodossa.")
    text = normalised(text)
    if not text.strip():
        return fail(1, "tiedosto on tyhjä. Aloita kopioimalla malliksi jokin olemassa oleva tietue "
                       f"kansiosta {KINDS[kind].folder}/.")
    if "\x00" in text:
        return fail(text[: text.index("\x00")].count("\n") + 1,
                    "tiedostossa on NUL-merkki; se ei ole tekstitiedosto. Tallenna se UTF-8-tekstinä.")

    if text.partition("\n")[0].rstrip() != "---":
        return fail(1, "tiedoston pitää alkaa etuliitteellä (front matter): ensimmäisellä rivillä "
                       "pelkkä `---`, sitten kentät ja lopuksi taas `---`.")
    closing = _FENCE.search(text, 3)
    if closing is None:
        return fail(1, "etuliitteen (front matter) loppumerkki `---` puuttuu. "
                       "Lisää rivi `---` kenttien jälkeen ennen leipätekstiä.")
    header = text[4 : closing.start() + 1]
    body = text[closing.end() + 1 :]
    body_line = text.count("\n", 0, closing.end()) + 2

    data, line_map, problems = _parse_front_matter(header, rel)
    if data is None:
        return None, problems
    return SourceFile(kind, path, rel, data, body, body_line, line_map), problems


def _parse_front_matter(header: str, rel: str):
    """YAML text -> (JSON-like dict, field lines, problems). Lines are 1-based in the file."""
    offset = 2  # the header starts on line 2 of the file
    loader = _Loader(header)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as error:
            return None, {}, [yaml_problem(error, rel, offset, "etuliite", header)]

        if root is None:
            return None, {}, [Problem(rel, offset, "etuliite", "etuliite on tyhjä. Lisää tietueen "
                                      "kentät `---`-rivien väliin.")]
        shared = _first_shared_node(root) if "*" in header else None  # no alias without its `*`
        if shared is not None:
            return None, {}, [Problem(rel, shared.start_mark.line + offset, "etuliite", NO_ALIASES)]
        if not isinstance(root, yaml.MappingNode):
            return None, {}, [Problem(rel, root.start_mark.line + offset, "etuliite",
                                      "etuliitteen pitää olla `kenttä: arvo` -rivejä.")]

        data: dict[str, Any] = {}
        line_map: dict[FieldPath, int] = {(): offset}
        problems: list[Problem] = []
        for key_node, value_node in root.value:
            line = key_node.start_mark.line + offset
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or not key:
                problems.append(Problem(rel, line, "etuliite", "kentän nimen pitää olla tekstiä."))
                continue
            if key in data:
                problems.append(Problem(rel, line, key, f"kenttä on kahdesti (ensin rivillä "
                                        f"{line_map[(key,)]}). Poista toinen."))
                continue
            lines = {(key,): line}
            try:
                try:
                    value = _construct(value_node, (key,), lines, offset, loader)
                except _Unusual:
                    value = to_json_compatible(loader.construct_object(value_node, deep=True))
                    _map_lines(value_node, (key,), lines, offset)
            except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
                reason = getattr(error, "problem", None) or str(error)
                problems.append(Problem(rel, value_node.start_mark.line + offset, key,
                                        f"arvoa ei voi lukea ({reason}). Päivämäärä kirjoitetaan "
                                        "muodossa VVVV-KK-PP ja sen pitää olla oikea päivä."))
                continue
            data[key] = value
            line_map.update(lines)
        return data, line_map, problems
    finally:
        loader.dispose()


_TEXT, _LIST, _FIELDS = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Unusual(Exception):
    """A node :func:`_construct` leaves to PyYAML's constructor: a key that is not text (a merge
    key ``<<`` among them) or a list or group with a tag of its own."""


def _construct(node: yaml.Node, path: FieldPath, lines: dict, offset: int, loader) -> Any:
    """A field's value, JSON-like, and the line of everything in it, in one walk.

    The same value and lines as ``to_json_compatible(loader.construct_object(node, deep=True))``
    with :func:`_map_lines`, which walked every value three times.
    Text, lists and groups of fields are taken from the nodes as they are; other scalars
    (numbers, dates, true and false) are made by PyYAML's safe constructor."""
    kind = type(node)
    if kind is yaml.ScalarNode:
        return node.value if node.tag == _TEXT else to_json_compatible(loader.construct_object(node, deep=True))
    if kind is yaml.SequenceNode and node.tag == _LIST:
        items = []
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + offset
            items.append(_construct(item, path + (index,), lines, offset, loader))
        return items
    if kind is yaml.MappingNode and node.tag == _FIELDS:
        fields = {}
        for key, value in node.value:
            if type(key) is not yaml.ScalarNode or key.tag != _TEXT:
                raise _Unusual
            lines[path + (key.value,)] = key.start_mark.line + offset
            fields[key.value] = _construct(value, path + (key.value,), lines, offset, loader)
        return fields
    raise _Unusual


NO_ALIASES = "YAML-ankkurit ja -viittaukset (& ja *) eivät ole sallittuja. Kirjoita arvo auki jokaiseen kohtaan."


UNCLOSED_QUOTE = re.compile(r"""^\s*(?:-\s+|[^\s:#][^:#]*:\s+)(?:"(?:[^"\\]|\\.)*|'(?:[^']|'')*)$""")
VALUE_AFTER_QUOTE = re.compile(r"""^\s*(?:-\s+|[^\s:#][^:#]*:\s+)("[^"]*"|'[^']*')\s*[^\s#]""")


def yaml_problem(error: yaml.YAMLError, rel: str, offset: int, where: str, text: str = "") -> Problem:
    """PyYAML's (or libyaml's) error as a Finnish sentence naming the cause, at the line where the
    editor fixes it. ``text`` is the YAML that failed, for finding the cause on its lines."""
    problem = (getattr(error, "problem", None) or "").strip()
    context = (getattr(error, "context", None) or "").strip()
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context_mark = getattr(error, "context_mark", None) or mark
    lines = text.split("\n")
    row = mark.line if mark else 0
    line_text = lines[row] if row < len(lines) else ""
    unclosed = next((number for number, line in enumerate(lines[: row + 1]) if UNCLOSED_QUOTE.match(line)), None)
    if "tab" in problem or ("cannot start any token" in problem and "\t" in line_text):
        if "\t" not in line_text and context_mark and context_mark.line < len(lines) and "\t" in lines[context_mark.line]:
            row = context_mark.line
        message = ("rivillä on sarkainmerkki (tab). YAML sallii sisennyksiksi ja välistyksiksi vain välilyönnit: "
                   "korvaa sarkain välilyönneillä (sisennys kaksi välilyöntiä tasoa kohden).")
    elif unclosed is not None:
        row = unclosed
        message = ("lainausmerkki jää sulkematta: tällä rivillä alkaa lainausmerkeissä oleva arvo, jonka "
                   "loppumerkki puuttuu. Lisää loppuun sama lainausmerkki (\" tai ').")
    elif problem.startswith("mapping values are not allowed"):
        message = ("arvossa on kaksoispiste ja välilyönti (`: `), jota YAML pitää uuden kentän alkuna. Kirjoita arvo "
                   "lainausmerkkeihin, esim. `title: \"Asukasraati: kokemuksia\"`.")
    elif "cannot start any token" in problem:
        column = mark.column if mark else 0
        char = line_text[column] if column < len(line_text) else "?"
        message = (f"arvo alkaa merkillä {char}, jolla YAML ei salli arvon alkavan. Kirjoita arvo lainausmerkkeihin, "
                   f"esim. `kenttä: \"{char}…\"`.")
    elif "quoted scalar" in context:
        row = context_mark.line
        message = ("lainausmerkki jää sulkematta: tällä rivillä alkaa lainausmerkeissä oleva arvo, jonka "
                   "loppumerkki puuttuu. Lisää loppuun sama lainausmerkki (\" tai ').")
    elif "simple key" in context and "expected ':'" in problem:
        row = context_mark.line
        message = ("riviltä puuttuu kaksoispiste: jokainen kenttä kirjoitetaan muodossa `kenttä: arvo`. Jos rivi on "
                   "edellisen arvon jatkoa, sisennä se tai kirjoita koko arvo yhdelle riville.")
    elif "flow" in context:
        row = context_mark.line
        message = ("hakasulkeissa [ ] tai aaltosulkeissa { } alkava arvo jää sulkematta. Lisää loppusulje tai "
                   "kirjoita lista riveinä, jotka alkavat `- `.")
    elif VALUE_AFTER_QUOTE.match(line_text):
        message = "lainausmerkeissä olevan arvon perässä on vielä tekstiä. Kirjoita koko arvo lainausmerkkien sisään."
    elif "block" in context or "expected key" in problem or problem.startswith("expected <block end>"):
        message = ("sisennys ei täsmää: saman listan rivit (`- `) ja saman ryhmän kentät pitää sisentää yhtä monella "
                   "välilyönnillä kuin edellinen rivi.")
    else:
        message = (f"muoto on rikki ({problem or 'tuntematon virhe'}). Tarkista sisennykset (välilyönnit, ei "
                   "sarkaimia), kaksoispisteet ja lainausmerkit; kirjoita arvo, jossa on kaksoispiste tai #-merkki, "
                   "lainausmerkkeihin.")
    return Problem(rel, row + offset, where, f"YAML-virhe: {message}")


def parse_yaml(text: str, rel: str) -> tuple[Any, dict[FieldPath, int], list[Problem]]:
    """A whole YAML file (configuration, not a record) -> (data, line of each value, problems).

    Read the same way as front matter: safe loader, no anchors, dates as ISO strings."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, {(): 1}, []
        shared = _first_shared_node(root)
        if shared is not None:
            return None, {}, [Problem(rel, shared.start_mark.line + 1, "tiedosto", NO_ALIASES)]
        data = to_json_compatible(loader.construct_document(root))
    except yaml.YAMLError as error:
        return None, {}, [yaml_problem(error, rel, 1, "tiedosto", text)]
    finally:
        loader.dispose()
    line_map: dict[FieldPath, int] = {(): root.start_mark.line + 1}
    _map_lines(root, (), line_map, 1)
    return data, line_map, []


def _first_shared_node(root: yaml.Node) -> yaml.Node | None:
    """A node reached twice is an alias: reject it, which also defuses anchor bombs."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return None


def _map_lines(node: yaml.Node, path: FieldPath, line_map: dict, offset: int) -> None:
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            line_map[path + (index,)] = item.start_mark.line + offset
            _map_lines(item, path + (index,), line_map, offset)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                line_map[path + (key.value,)] = key.start_mark.line + offset
                _map_lines(value, path + (key.value,), line_map, offset)


def to_json_compatible(value: Any) -> Any:
    """Dates become ISO strings (as in the exports); everything else keeps its YAML type."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): to_json_compatible(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [to_json_compatible(item) for item in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value
