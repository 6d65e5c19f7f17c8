"""The three-question guide on /loyda/ and the front page's goals that open it, in Chromium at
phone (390 px) and desktop (1280 px) width: reasons from each record's own fields, the stated
order, answers in the address, an unmatched answer said aloud with alternatives, "show all"
keeping every answer, and no WCAG violations on the answered guide and the front page.

Expected suggestions come from the catalogue in Python (``real_catalogue``), so the browser's
ranking is checked against the records, not against itself.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from conftest import answer_guide, axe_violations
from scripts.pipeline.model import finnish_sort_key
from scripts.project import REPO_ROOT
from scripts.site.facets import KIND_PARAM
from scripts.site.guide_data import ADDRESS

WIDTHS = [390, 1280]

@pytest.fixture(scope="module")
def catalogue(real_catalogue):
    return real_catalogue


@pytest.fixture(scope="module")
def resource_order(catalogue) -> list[str]:
    return catalogue.schemas.field("method", "resources.level")["enum"]


@pytest.fixture(scope="module")
def expected(catalogue, resource_order):
    def ranked(level: str, group: str = "", resources: str | None = None) -> list:
        """Methods that fit, in the order the page states: main level, most cases, title."""
        within = resource_order[:resource_order.index(resources) + 1] if resources else resource_order
        fitting = [method for method in catalogue.methods if level in method.levels
                   and (not group or group in method.data["target_groups"])
                   and method.data["resources"]["level"] in within]
        return sorted(fitting, key=lambda method: (method.levels[0] != level, -len(catalogue.used_by[method.id]),
                                                   finnish_sort_key(method.title)))
    return ranked


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def page(request, browser, site_url):
    context = browser.new_context(base_url=site_url, locale="fi-FI",
                                  viewport={"width": request.param, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def label(catalogue, vocabulary: str, key: str) -> str:
    return dict(catalogue.vocabulary_entries(vocabulary))[key]


def suggestion_titles(page) -> list[str]:
    return page.locator(".guide-list > li h4").all_inner_texts()


def test_guide_data_has_every_method_and_its_own_address_names(built_site, catalogue):
    data = json.loads((built_site / "opas.json").read_text(encoding="utf-8"))
    assert [method["title"] for method in data["methods"]] == [method.title for method in catalogue.methods]
    bikva = next(method for method in data["methods"] if method["title"] == "Bikva")
    record = catalogue.methods_by_id["bikva"]
    assert bikva["time"] == record.data["resources"]["time"]
    assert bikva["caseCount"] == len(catalogue.used_by["bikva"])
    # Where the cases were, short enough to read: at most three municipalities named.
    by_url = {case.url: case for case in catalogue.cases}
    shown = [(entry, by_url[entry["url"]]) for method in data["methods"] for entry in method["cases"]]
    entry, case = next((entry, case) for entry, case in shown if len(case.data["municipalities"]) > 3)
    municipalities = case.data["municipalities"]
    assert entry["places"] == f"{', '.join(municipalities[:3])} ja {len(municipalities) - 3} muuta kuntaa"
    # The finder's filter names: the guide's radio buttons carry them, "show all" links with them.
    form = BeautifulSoup((built_site / "loyda" / "index.html").read_text(encoding="utf-8"), "html.parser").find(id="guide-form")
    assert form.find("input", type="radio")["name"] == data["finder"]["level"]
    assert {radio["name"] for radio in form.find_all("input", type="radio")} == \
        {data["finder"][question] for question in ("level", "group", "resources")}
    assert data["finder"]["kind"] == KIND_PARAM and data["words"]["many"] == "menetelmää"
    # The finder reads its filters from the query; the guide's names differ from every one.
    facet_params = {item["param"] for item in yaml.safe_load((REPO_ROOT / "data" / "facets.yml").read_text("utf-8"))}
    assert data["address"] == ADDRESS
    assert not set(ADDRESS.values()) & (facet_params | {KIND_PARAM})


def test_suggestions_say_why_they_fit_and_what_they_take(page, catalogue, expected):
    # "We want clients with a substance abuse history to evaluate our service."
    page.goto("loyda/")
    answer_guide(page, "Arviointiosallisuus", "Mielenterveys- ja päihdekuntoutujat", "Paljon")
    expect(page.locator("#guide-answer h3")).to_be_focused()
    methods = expected("arviointiosallisuus", "mielenterveys-ja-paihdekuntoutujat", "vaativa")
    assert suggestion_titles(page) == [method.title for method in methods[:5]]
    expect(page.locator(".guide-order")).to_contain_text(
        "ensin menetelmät, joiden päätaso on arviointiosallisuus, sitten ne, joille arviointiosallisuus on yksi muista")
    items = page.locator(".guide-list > li")
    for index, method in enumerate(methods[:5]):
        item = items.nth(index)
        main = method.levels[0] == "arviointiosallisuus"
        expect(item.locator(".guide-why")).to_contain_text(
            "Päätaso on arviointiosallisuus." if main else "Sopii myös tasolle arviointiosallisuus")
        expect(item.locator(".guide-why")).to_contain_text("mielenterveys- ja päihdekuntoutujat")
        expect(item.locator(".guide-needs")).to_contain_text(method.data["resources"]["time"])
        expect(item.locator(".guide-needs")).to_contain_text(method.data["resources"]["money"])
    # The reasons are the records' own: two suggestions do not say the same thing.
    texts = items.all_inner_texts()
    assert len(set(texts)) == len(texts)
    first_cases = catalogue.used_by[methods[0].id]
    if first_cases:
        expect(items.first.locator(".guide-cases")).to_contain_text("Esimerkit:")


def test_answers_live_in_the_address_and_survive_reload_and_sharing(page, browser, site_url, catalogue, expected):
    page.goto("loyda/")
    answer_guide(page, "Suunnitteluosallisuus", "Nuoret", "Vähän")
    expect(page).to_have_url(re.compile(r"#tavoite=suunnitteluosallisuus&ryhma=nuoret&varat=kevyt$"))
    titles = [method.title for method in expected("suunnitteluosallisuus", "nuoret", "kevyt")[:5]]
    expect(page.locator(".guide-list > li h4")).to_have_text(titles)
    page.reload()
    expect(page.locator(".guide-list > li h4")).to_have_text(titles)
    expect(page.locator("#guide-form input[value=nuoret]")).to_be_checked()
    expect(page.locator("#guide-form input[value=kevyt]")).to_be_checked()
    # A shared link, opened by someone else: the guide is open and answered.
    shared = browser.new_context(base_url=site_url, locale="fi-FI").new_page()
    shared.goto(urlsplit(page.url).path.lstrip("/") + "#" + urlsplit(page.url).fragment)
    expect(shared.locator("#guide")).to_have_attribute("open", "")
    expect(shared.locator(".guide-list > li h4")).to_have_text(titles)
    shared.context.close()


def test_an_answer_with_no_match_is_said_aloud_with_alternatives(page, catalogue, expected, resource_order):
    lightest = resource_order[0]
    level, group = next((level["id"], key) for level in catalogue.levels
                        for key, _ in catalogue.vocabulary_entries("target_groups")
                        if not expected(level["id"], key, lightest) and expected(level["id"], "", lightest))
    level_name = next(entry["name"] for entry in catalogue.levels if entry["id"] == level)
    page.goto("loyda/")
    answer_guide(page, level_name, label(catalogue, "target_groups", group), "Vähän")
    status = page.get_by_role("status").filter(has_text="ei sovi yhtään menetelmää")
    expect(status).to_contain_text("Lähimmät vaihtoehdot")
    expect(status).to_contain_text("Mikä tahansa kohderyhmä")
    expect(page.locator("#guide-answer h3")).to_have_text("Ei sopivia menetelmiä")
    page.get_by_role("link", name=re.compile("^Mikä tahansa kohderyhmä")).click()
    titles = [method.title for method in expected(level, "", lightest)[:5]]
    expect(page.locator(".guide-list > li h4")).to_have_text(titles)
    expect(page.locator("#guide-form input[value='']")).to_be_checked()
    assert level_name.lower() in page.locator(".guide-order").inner_text()


def test_show_all_keeps_every_answer(page, expected):
    page.goto("loyda/")
    answer_guide(page, "Toimintaosallisuus", "Ikääntyneet", "Jonkin verran")
    count = len(expected("toimintaosallisuus", "ikaantyneet", "kohtalainen"))
    page.get_by_role("link", name=f"Näytä kaikki {count} sopivaa menetelmää suodattimissa").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"tyyppi": ["method"], "taso": ["toimintaosallisuus"], "kohderyhma": ["ikaantyneet"],
                     "resurssit": ["kevyt", "kohtalainen"]}


def test_front_page_goal_lands_in_the_answered_guide(page, catalogue, expected):
    page.goto("")
    goals = page.get_by_role("region", name="Mitä haluatte saavuttaa?").get_by_role("link")
    expect(goals).to_have_count(len(catalogue.levels))
    goals.filter(has_text="Toimintaosallisuus").click()
    expect(page).to_have_url(re.compile(r"/loyda/#tavoite=toimintaosallisuus$"))
    expect(page.locator("#guide-form input[value=toimintaosallisuus]")).to_be_checked()
    methods = expected("toimintaosallisuus")
    expect(page.locator(".guide-list > li h4")).to_have_text([method.title for method in methods[:5]])
    expect(page.get_by_role("status").filter(has_text="sopii vastauksiinne")).to_contain_text(
        f"{len(methods)} menetelmää sopii vastauksiinne: taso toimintaosallisuus, mikä tahansa kohderyhmä")
    expect(page.locator(".guide-partial")).to_be_visible()
    # The front page's other ways in are still there.
    page.go_back()
    expect(page.get_by_role("link", name="Selaa osallisuuden tasoja")).to_be_visible()
    expect(page.get_by_role("link", name="Lisää oma esimerkki").first).to_be_visible()


@pytest.mark.parametrize("address", ["", "loyda/#tavoite=arviointiosallisuus&ryhma=&varat=vaativa",
                                     "loyda/#tavoite=paatososallisuus&ryhma=potilaat&varat=kevyt"])
def test_front_page_and_answered_guide_have_no_wcag_violations(page, address):
    page.goto(address)
    if address:
        expect(page.locator("#guide-answer h3")).to_be_visible()
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_guide_says_so_when_its_data_cannot_be_loaded(page):
    page.route("**/opas.json", lambda route: route.fulfill(status=404))
    page.goto("loyda/")
    answer_guide(page, "Tieto-osallisuus", "Nuoret", "Vähän")
    expect(page.get_by_role("status").filter(has_text="Ehdotuksia ei voitu ladata")).to_be_visible()
