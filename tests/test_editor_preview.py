"""The preview (`make serve`) keeps serving while a record is invalid and says on every page what to fix.

Code test on a project copy with fixture records, through the README's own command
(``scripts.tools.serving.preview``).
"""

from __future__ import annotations

import time

from conftest import fixture_text, write_record
from scripts.tools.serving import page_text, preview, wait_until

NOTICE = "Esikatselu ei ole ajan tasalla"


def wait_without(url: str, text: str, seconds: float) -> str:
    """Poll a page until it loads without ``text``; its text."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        page = page_text(url)
        if page and text not in page:
            return page
        time.sleep(0.2)
    raise TimeoutError(f"{url} näytti yhä tekstin {text!r} {seconds} sekunnin jälkeen.")


def test_preview_shows_broken_records_and_recovers(empty_project):
    write_record(empty_project, "method", "testimenetelma", fixture_text("method.md"))
    case = fixture_text("case.md")
    broken = case.replace("summary: Lyhyt kuvaus esimerkistä.", "summary: Kuvaus: lyhyt")
    line = broken.splitlines().index("summary: Kuvaus: lyhyt") + 1
    write_record(empty_project, "case", "testiesimerkki", broken)
    with preview(empty_project.root) as url:
        # Started with a broken record: the hand-written pages are served, each with the notice.
        about = wait_until(url + "tietoa/", NOTICE, 120) and page_text(url + "tietoa/")
        assert f"cases/testiesimerkki.md:{line}" in about
        assert "YAML-virhe: arvossa on kaksoispiste ja välilyönti" in about
        assert "1 virhe 1 tiedostossa" in about
        assert NOTICE in page_text(url)  # the front page too, though no record page could be made yet

        write_record(empty_project, "case", "testiesimerkki", case)  # fixed: the notice goes away
        wait_until(url + "esimerkit/testiesimerkki/", "Testiesimerkki Oulussa", 60)
        assert NOTICE not in wait_without(url + "tietoa/", NOTICE, 60)

        write_record(empty_project, "case", "testiesimerkki", broken)  # broken again while serving
        wait_until(url + "menetelmat/testimenetelma/", NOTICE, 60)
        for page in ("", "tietoa/", "menetelmat/testimenetelma/", "esimerkit/testiesimerkki/"):
            text = page_text(url + page)
            assert NOTICE in text and f"cases/testiesimerkki.md:{line}" in text, page
        assert "Testimenetelmä" in page_text(url + "menetelmat/testimenetelma/")  # still browsable

        write_record(empty_project, "case", "testiesimerkki", case)
        for page in ("tietoa/", "menetelmat/testimenetelma/"):
            assert NOTICE not in wait_without(url + page, NOTICE, 60)
