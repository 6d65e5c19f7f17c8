"""Pictures generated from the catalogue at build time: the five levels and case statistics.

Plain SVG written next to the pages, so no chart library is loaded and nothing is fetched.
Only presentation attributes, no ``style``, so the pictures obey the site's strict
Content-Security-Policy. Each picture has a title and description, and the pages give
its numbers as a table too (a picture is never the only way to the data).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from scripts.site.views import plural


FONT = 'font-family="sans-serif"'
INK = "#1a1a1a"
BAR = "#3949ab"  # white text on it has a contrast of 7:1
FOLDER = "kaaviot"


@dataclass
class Chart:
    name: str  # file name without .svg
    title: str
    rows: list[tuple[str, int]]  # label, value
    label: str  # what the rows are, in the table's column header

    @property
    def path(self) -> str:
        return f"{FOLDER}/{self.name}.svg"


def _svg(width: int, height: int, title: str, description: str, body: list[str]) -> str:
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'role="img" aria-labelledby="title desc">',
        f'<title id="title">{escape(title)}</title>',
        f'<desc id="desc">{escape(description)}</desc>',
        *body,
        "</svg>",
    ]) + "\n"


def bar_chart(chart: Chart) -> str:
    """Horizontal bars, longest value full width, each labelled with its name and number."""
    label_width, bar_width, row, top = 210, 360, 26, 8
    largest = max((value for _, value in chart.rows), default=1) or 1
    body = []
    for index, (label, value) in enumerate(chart.rows):
        y = top + index * row
        length = round(bar_width * value / largest)
        body += [
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" font-size="14" fill="{INK}" {FONT}>{escape(label)}</text>',
            f'<rect x="{label_width}" y="{y + 3}" width="{max(length, 1)}" height="{row - 8}" fill="{BAR}"/>',
            f'<text x="{label_width + length + 6}" y="{y + 17}" font-size="14" fill="{INK}" {FONT}>{value}</text>',
        ]
    description = "; ".join(f"{label}: {value}" for label, value in chart.rows)
    return _svg(label_width + bar_width + 50, top * 2 + row * len(chart.rows), chart.title, description, body)


def _two_lines(name: str) -> tuple[str, str]:
    """A level name on two lines so it fits its step: "Tieto-" / "osallisuus"."""
    if "-" in name:
        head, _, tail = name.rpartition("-")
        return f"{head}-", tail
    if name.endswith("osallisuus") and len(name) > len("osallisuus"):
        return f"{name[:-len('osallisuus')]}-", "osallisuus"
    return name, ""


def level_steps(levels: list[dict], method_counts: list[int]) -> str:
    """The five levels side by side as equal blocks, each with its name and number of methods.

    Equal on purpose: the levels answer different questions and are not a ranking, which
    rising steps or bars of different heights would suggest."""
    step, gap, height = 150, 6, 90
    body = []
    for index, (level, count) in enumerate(zip(levels, method_counts)):
        x, tall, y = index * step, height, 0
        first, second = _two_lines(level["name"])
        body += [
            f'<rect x="{x}" y="{y}" width="{step - gap}" height="{tall}" rx="4" fill="{BAR}"/>',
            f'<text x="{x + 10}" y="{y + 24}" font-size="15" font-weight="bold" fill="#ffffff" {FONT}>{escape(first)}</text>',
            f'<text x="{x + 10}" y="{y + 43}" font-size="15" font-weight="bold" fill="#ffffff" {FONT}>{escape(second)}</text>',
            f'<text x="{x + 10}" y="{y + 70}" font-size="14" fill="#ffffff" {FONT}>{escape(plural(count, "menetelmä", "menetelmää"))}</text>',
        ]
    description = ("Viisi osallisuuden tasoa rinnakkain: "
                   + ", ".join(f"{level['name']} ({plural(count, 'menetelmä', 'menetelmää')})" for level, count in zip(levels, method_counts))
                   + ". Tasot eivät ole paremmuusjärjestys, vaan kukin vastaa eri kysymykseen.")
    return _svg(step * len(levels), height, "Osallisuuden viisi tasoa", description, body)


def case_charts(catalogue) -> list[Chart]:
    """Cases by level and by starting year, from the catalogue's derived values (by region: the
    tile map of :mod:`scripts.site.region_map`)."""
    by_level = [(level["name"], len(catalogue.at_level(catalogue.cases, level["id"]))) for level in catalogue.levels]
    by_year: dict[int, int] = {}
    for case in catalogue.cases:
        start = case.data["years"].get("start")
        if start is not None:
            by_year[start] = by_year.get(start, 0) + 1
    return [
        Chart("esimerkit-tasoittain", "Esimerkit osallisuuden tasoittain", by_level, "Taso"),
        Chart("esimerkit-aloitusvuosittain", "Esimerkit aloitusvuoden mukaan",
              [(str(year), count) for year, count in sorted(by_year.items())], "Aloitusvuosi"),
    ]


def chart_files(catalogue) -> dict[str, str]:
    """Every generated picture: path under ``docs/`` -> SVG."""
    counts = [len(catalogue.at_level(catalogue.methods, level["id"])) for level in catalogue.levels]
    files = {f"{FOLDER}/osallisuuden-tasot.svg": level_steps(catalogue.levels, counts)}
    files.update({chart.path: bar_chart(chart) for chart in case_charts(catalogue)})
    return files
