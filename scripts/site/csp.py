"""Content-Security-Policy for the built site: nothing runs but the site's own scripts.

The theme puts a small script inline in every page (and the redirect pages one); instead
of allowing inline script in general, the build lists their SHA-256 hashes. The policy is
written to ``csp.txt`` at the site root for the host to send as the
``Content-Security-Policy`` header; the tests load pages under it in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# Data blocks (application/json, application/ld+json) are not run, so the policy need not list them.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S)
FIXED = ("default-src 'self'; img-src 'self' data:; style-src 'self'; font-src 'self'; connect-src 'self'; "
         "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


# The browser editor (/muokkaa/, scripts/editors/cms.py) carries its own policy in a <meta> tag,
# because Decap CMS needs what no other page may have: 'unsafe-eval' (it compiles its configuration
# schema with `new Function`; measured: without it the editor stops at "Error loading the CMS
# configuration"), inline styles (its components style themselves) and the GitHub API. Its own
# files come from the site; the local backend (decap-server, `make muokkain`) is on loopback.
# A host that sends csp.txt as a header must not send it for /muokkaa/ (two policies both apply).
EDITOR_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data: blob:; font-src 'self' data:; "
                 "connect-src 'self' https://api.github.com http://localhost:* http://127.0.0.1:*; "
                 "worker-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; "
                 "form-action 'self'")


def inline_script_hashes(site_dir: Path) -> list[str]:
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for script in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def policy(site_dir: Path) -> str:
    # 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly; it allows no JavaScript eval.
    return f"{FIXED}; script-src 'self' 'wasm-unsafe-eval' {' '.join(inline_script_hashes(site_dir))}"


def write_policy(site_dir: Path) -> str:
    header = policy(site_dir)
    (site_dir / "csp.txt").write_text(header + "\n", encoding="utf-8")
    return header
