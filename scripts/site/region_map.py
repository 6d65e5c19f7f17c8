"""The map of cases by region: one square tile per region (maakunta), shaded by its number of cases.

A tile map needs no boundary data: where each region's tile goes is data
(``data/region-tiles.yml``, checked with the other configuration files), and this module only
counts and measures. The count of a region is the finder's own: the cases whose region facet
(``data/facets.yml``, :class:`~scripts.site.facets.Facets`) has the region, so a tile's
number is what its link to the finder's filter then shows. The template
``overrides/records/_region_map.md`` draws the SVG inline, so each tile is a link that
keyboard and screen reader reach, and gives the same numbers as a table.

Like :mod:`scripts.site.charts`, colours are presentation attributes (the Content-Security-
Policy allows no ``style``); the colour is never the only cue, as every tile prints its number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urlencode

from scripts.pipeline.model import Catalogue, finnish_sort_key
from scripts.site.facets import KIND_PARAM, Facets
from scripts.site.views import plural

TILE_WIDTH, TILE_HEIGHT, GAP = 108, 80, 6
FINDER_ADDRESS = "loyda/"  # the page SINGLE_PAGES renders from finder.md, with directory URLs


@dataclass(frozen=True)
class Shade:
    """Tiles with at least ``lowest`` cases: their fill, and the colour of their text on it."""

    lowest: int
    fill: str
    ink: str


# Light to dark with the count; text on every fill has a contrast of at least 4.5:1
# (tests/test_region_map.py computes it) and every tile has an outline of 3:1 against the page.
SHADES = (
    Shade(0, "#f7f7f7", "#1a1a1a"),
    Shade(1, "#dde1f4", "#1a1a1a"),
    Shade(2, "#a9b2e2", "#1a1a1a"),
    Shade(5, "#5462b8", "#ffffff"),
    Shade(10, "#1f2a78", "#ffffff"),
)
OUTLINE = "#6b6b6b"


def cases_word(count: int) -> str:
    return "ei esimerkkejä" if count == 0 else plural(count, "esimerkki", "esimerkkiä")


@dataclass(frozen=True)
class Tile:
    region: str
    count: int
    column: int
    row: int
    query: str  # the finder's filter for the region's cases; "" for a region without cases

    @property
    def x(self) -> int:
        return self.column * (TILE_WIDTH + GAP)

    @property
    def y(self) -> int:
        return self.row * (TILE_HEIGHT + GAP)

    @property
    def lines(self) -> tuple[str, ...]:
        """The name on one line, or two at its hyphen ("Pohjois-" / "Pohjanmaa") so it fits the tile."""
        head, hyphen, tail = self.region.partition("-")
        return (head + hyphen, tail) if hyphen else (self.region,)

    @property
    def shade(self) -> Shade:
        return [shade for shade in SHADES if self.count >= shade.lowest][-1]

    @property
    def name(self) -> str:
        """What a screen reader says for the tile: "Pirkanmaa: 4 esimerkkiä"."""
        return f"{self.region}: {cases_word(self.count)}"


@dataclass(frozen=True)
class RegionMap:
    tiles: list[Tile]  # in the order of data/region-tiles.yml
    without_region: int  # nationwide cases and those without a municipality: not on the map
    tile_width: ClassVar[int] = TILE_WIDTH
    tile_height: ClassVar[int] = TILE_HEIGHT
    outline: ClassVar[str] = OUTLINE

    @property
    def width(self) -> int:
        return max(tile.x for tile in self.tiles) + TILE_WIDTH

    @property
    def height(self) -> int:
        return max(tile.y for tile in self.tiles) + TILE_HEIGHT

    @classmethod
    def of(cls, catalogue: Catalogue, facets: Facets) -> RegionMap:
        param = facets.param_of("regions")
        counts: dict[str, int] = {}
        without = 0
        for case in catalogue.cases:
            regions = facets.values_of(case)[param] if param else catalogue.regions(case)
            without += not regions
            for region in regions:
                counts[region] = counts.get(region, 0) + 1
        tiles = []
        for place in catalogue.config.region_tiles:
            count = counts.get(place.region, 0)
            query = urlencode([(KIND_PARAM, "case"), (param, place.region)]) if count and param else ""
            tiles.append(Tile(place.region, count, place.column, place.row, query))
        return cls(tiles, without)

    @property
    def rows(self) -> list[Tile]:
        """The table's rows: regions in alphabetical order."""
        return sorted(self.tiles, key=lambda tile: finnish_sort_key(tile.region))

    @property
    def legend(self) -> list[tuple[Shade, str]]:
        """Each shade with the counts it stands for: "0", "1", "2–4", "5–9", "10 tai enemmän"."""
        entries = []
        for shade, above in zip(SHADES, [*SHADES[1:], None]):
            if above is None:
                label = f"{shade.lowest} tai enemmän"
            elif above.lowest - 1 == shade.lowest:
                label = str(shade.lowest)
            else:
                label = f"{shade.lowest}–{above.lowest - 1}"
            entries.append((shade, label))
        return entries

    @staticmethod
    def finder(page: str) -> str:
        """The finder's address relative to the generated page ``page`` (a path under ``docs/``),
        for links in raw HTML, which MkDocs does not rewrite: "esimerkit/index.md" -> "../loyda/"."""
        depth = page.count("/") + (0 if page.rsplit("/", 1)[-1] == "index.md" else 1)
        return "../" * depth + FINDER_ADDRESS
