"""Groups of close relatives for the page "Lähimenetelmät rinnakkain" (``data/comparisons.yml``).

Which methods are compared is an editorial choice kept as data; the table's columns come
from the method records, so the page never repeats what the records say.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import yaml

from scripts.records import Problem


@dataclass(frozen=True)
class Comparison:
    title: str
    intro: str
    methods: list[str]
    lines: list[int]


def load_comparisons(path: Path) -> list[Comparison]:
    """The groups with the line of each method id, for error messages."""
    if not path.exists():
        return []
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    groups = []
    for group in root.value if root else []:
        fields = {key.value: value for key, value in group.value}
        groups.append(Comparison(fields["title"].value, " ".join(fields["intro"].value.split()),
                                 [item.value for item in fields["methods"].value],
                                 [item.start_mark.line + 1 for item in fields["methods"].value]))
    return groups


def check_comparisons(groups: list[Comparison], method_ids: set[str], rel: str) -> Iterator[Problem]:
    for index, group in enumerate(groups):
        for position, (method_id, line) in enumerate(zip(group.methods, group.lines)):
            if method_id not in method_ids:
                yield Problem(rel, line, f"[{index}].methods[{position}]", f"tuntematon menetelmä {method_id!r}. "
                              "Käytä menetelmän tiedostonimeä ilman .md-päätettä tai poista se vertailusta.")
