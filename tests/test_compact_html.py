"""The build removes the theme's indentation from pages without changing what they show.

A code test on a page fragment, and a look at one real record page of the built site.
"""

from __future__ import annotations

import re

from scripts.site.compact_html import compact


def test_indentation_goes_but_preformatted_text_and_scripts_stay():
    page = ("<div>\n    <p>teksti</p>\n  <pre><code>  sisennetty\n    koodi</code></pre>\n"
            "  <textarea>\n  kenttä</textarea>\n<script>\n  var a = 1;\n</script>\n</div>")
    assert compact(page) == ("<div>\n<p>teksti</p>\n<pre><code>  sisennetty\n    koodi</code></pre>\n"
                             "<textarea>\n  kenttä</textarea>\n<script>\n  var a = 1;\n</script>\n</div>")


def test_built_record_pages_have_no_indentation_outside_code(built_site):
    html = (built_site / "menetelmat" / "bikva" / "index.html").read_text(encoding="utf-8")
    outside = re.sub(r"<(pre|script|textarea)\b.*?</\1>", "", html, flags=re.S)
    assert not re.search(r"\n[ \t]+<", outside)
    assert '<code>Osallisuuden menetelmäpankki. (2026, 22. marraskuuta). Bikva.' in html  # the citation block is intact
