"""Python-Markdown extension: record tables that can turn into cards on a phone.

A table inside ``<div class="record-table" markdown>`` stays a real table for wide screens;
``docs/stylesheets/lists.css`` shows each of its rows as a card on a narrow screen, so no
column is hidden behind sideways scrolling. For that, this gives every data cell its
column's name (``data-label``, which the card prints before the value) and every element
its table role: CSS ``display: block`` makes some browsers drop the table from what screen
readers hear, and the explicit roles keep rows, headers and cells announced as such.

Runs after the inline patterns (priority below 20), so the header text is final.
Registered in ``mkdocs.yml`` as ``scripts.adapters.table_cards``.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

WRAPPER_CLASS = "record-table"
# Header cells keep their implicit role inside an explicit row: the theme draws its own sort
# icon on every ``th[role=columnheader]``.
ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row", "td": "cell"}


def label_of(cell) -> str:
    """A header's visible text: soft hyphens (line-break hints in long level names) dropped."""
    return " ".join("".join(cell.itertext()).replace("\u00ad", "").split())


def label_table(table) -> None:
    head = table.find("thead")
    labels = [label_of(cell) for cell in head.iter("th")] if head is not None else []
    for element in table.iter():
        if element.tag in ROLES:
            element.set("role", ROLES[element.tag])
    body = table.find("tbody")
    for row in body.iter("tr") if body is not None else ():
        for cell, label in zip(row.findall("td"), labels):
            if (cell.text or "").strip() or len(cell):  # an empty cell is left out of its card
                cell.set("data-label", label)


class TableCards(Treeprocessor):
    def run(self, root):
        for wrapper in root.iter("div"):
            if WRAPPER_CLASS in wrapper.get("class", "").split():
                for table in wrapper.iter("table"):
                    label_table(table)


class TableCardsExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(TableCards(md), "table_cards", 6)


def makeExtension(**kwargs):
    return TableCardsExtension(**kwargs)
