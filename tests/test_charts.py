"""Pictures from the records: the level steps and the case charts, with their text alternatives.

Read from the real records' built site; the numbers drawn are counted again here from the
catalogue the site was built from.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def catalogue(real_catalogue):
    return real_catalogue


def svg(built_site, name: str) -> ET.Element:
    return ET.parse(built_site / "kaaviot" / f"{name}.svg").getroot()


def bars(root: ET.Element) -> dict[str, int]:
    """Label -> number as drawn: texts come in (label, number) pairs, one pair per bar."""
    texts = [text.text for text in root.iter(f"{SVG}text")]
    return {label: int(value) for label, value in zip(texts[::2], texts[1::2])}


def test_pictures_are_self_contained_and_described(built_site):
    pictures = sorted((built_site / "kaaviot").glob("*.svg"))
    assert len(pictures) == 3
    for picture in pictures:
        text = picture.read_text(encoding="utf-8")
        root = ET.fromstring(text)
        assert root.get("role") == "img"
        assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
        assert "style" not in text and "http" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_case_charts_count_the_records(built_site, catalogue):
    by_level = bars(svg(built_site, "esimerkit-tasoittain"))
    assert by_level == {level["name"]: sum(level["id"] in case.levels for case in catalogue.cases)
                        for level in catalogue.levels}
    by_year = bars(svg(built_site, "esimerkit-aloitusvuosittain"))
    assert sum(by_year.values()) == sum(case.data["years"].get("start") is not None for case in catalogue.cases)


def test_case_list_page_shows_the_charts_with_their_numbers_as_tables(built_site):
    html = (built_site / "esimerkit" / "index.html").read_text(encoding="utf-8")
    images = re.findall(r'<img alt="([^"]+)" class="chart" src="../kaaviot/([\w-]+).svg"', html)
    assert [name for _, name in images] == ["esimerkit-tasoittain", "esimerkit-aloitusvuosittain"]
    assert all("taulukkona" in alt for alt, _ in images)
    year_table = html.split("Esimerkit aloitusvuoden mukaan taulukkona", 1)[1].split("</table>", 1)[0]
    assert re.search(r"<td>2019</td>\s*<td>\d+</td>", year_table)


def test_level_overview_shows_the_levels_with_method_counts_as_text_and_as_a_picture(built_site, catalogue):
    """Text that wraps on a phone (the picture's labels were 6 px there); the picture is for slides."""
    html = (built_site / "tasot" / "index.html").read_text(encoding="utf-8")
    overview = html.split('<ul class="level-overview"', 1)[1].split("</ul>", 1)[0]
    links = re.findall(r'<a class="level-overview__link" href="([^"]+)">(.*?)</a>', overview)
    texts = [text.text for text in svg(built_site, "osallisuuden-tasot").iter(f"{SVG}text")]
    assert [href for href, _ in links] == [f"{level['id']}/" for level in catalogue.levels]
    for level, (_, label) in zip(catalogue.levels, links):
        count = len(catalogue.at_level(catalogue.methods, level["id"]))
        assert f"{count} menetelmää" in label and f"{count} menetelmää" in texts
        assert re.sub(r"<[^>]+>|\u00ad", "", label).startswith(level["name"])
    assert 'href="../kaaviot/osallisuuden-tasot.svg"' in html
    for level in catalogue.levels:
        assert f'href="../loyda/?taso={level["id"]}"' in html
