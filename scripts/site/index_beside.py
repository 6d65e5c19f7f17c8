"""The search index built beside the site generator: its slow half in a child process while MkDocs runs.

MkDocs renders the pages on one core. The records' half of the search index (every word of
every record through Voikko, :class:`scripts.site.search_index.SearchIndex`) needs only the
catalogue, so a child process makes it on the other core from the moment the records are
valid, through the page generation and the MkDocs build. Only the hand-written pages, which
exist as HTML once MkDocs has built them, and Pagefind's run over all documents are left for
after; the page compaction runs meanwhile in this process.

The child is forked, so it inherits the catalogue already loaded (records are read once) and
writes its documents into a temporary folder of its own: MkDocs empties ``site_dir`` when it
starts. The hand-written pages are read here, before the compaction rewrites them, and sent
to the child, so no file is read while it is being written. The index is the same as
:func:`scripts.site.search_index.index_site` writes in one go (tests/test_search_index.py
compares the two).
"""

from __future__ import annotations

import multiprocessing
import resource
import shutil
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

from scripts.pipeline.model import Catalogue
from scripts.site.commands import BuildError
from scripts.site.search_index import SearchIndex, page_documents, record_urls

FAILED = "Hakuhakemiston luominen epäonnistui"


def _own_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _index(connection: Connection, catalogue: Catalogue, folder: Path) -> None:
    """The child: the records' half at once, the rest when the built site's pages arrive."""
    try:
        index = SearchIndex(catalogue, folder)
        site_dir, documents = connection.recv()
        index.add_pages(documents)
        peak = index.write(site_dir)
        connection.send(("done", max(peak, _own_peak())))
    except BuildError as error:
        connection.send(("error", str(error)))
    except (OSError, RuntimeError) as error:
        connection.send(("error", f"{FAILED}: {error}"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # after the answer: the build goes on meanwhile


class IndexBeside:
    """Start with the valid catalogue; :meth:`site_built` once the site generator has finished,
    :meth:`wait` for the index; :meth:`close` always (it stops a child the build no longer needs)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._urls = record_urls(catalogue)
        self._folder = Path(tempfile.mkdtemp(prefix="haku-"))
        context = multiprocessing.get_context("fork")
        self._connection, child_end = context.Pipe()
        self._process = context.Process(target=_index, args=(child_end, catalogue, self._folder), daemon=True)
        self._process.start()
        child_end.close()
        self._waited = 0.0
        self._answered = False

    def site_built(self, site_dir: Path) -> None:
        """Read the built hand-written pages and hand them to the child, which then runs Pagefind."""
        start = time.perf_counter()
        self._connection.send((site_dir, page_documents(site_dir, self._urls)))
        self._waited += time.perf_counter() - start

    def wait(self) -> tuple[float, float]:
        """Until the bundle and the query tables are written; (seconds this process spent on the index, peak MB).

        Raises :class:`BuildError` with the child's Finnish message."""
        start = time.perf_counter()
        try:
            outcome, value = self._connection.recv()
            self._answered = True
        except EOFError:
            raise BuildError(f"{FAILED}: hakemiston tekijä pysähtyi odottamatta.") from None
        if outcome == "error":
            raise BuildError(value)
        return self._waited + time.perf_counter() - start, value

    def close(self) -> None:
        if not self._answered:  # the build stopped: the index is not needed
            self._process.terminate()
        self._process.join()
        self._connection.close()
        shutil.rmtree(self._folder, ignore_errors=True)
