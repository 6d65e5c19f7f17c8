"""The search index built beside the site generator: its slow half in a child process while MkDocs runs.

MkDocs renders the pages on one core. The records' half of the search index (every word of
every record through Voikko, :class:`scripts.site.search_index.SearchIndex`) needs only the
catalogue, so a child process makes it on the other core from the moment the records are
valid, through the page generation and the MkDocs build. The hand-written pages exist as
HTML only once MkDocs has rendered them: the MkDocs hook (:mod:`scripts.adapters.mkdocs_hook`)
renders them first and copies each into :data:`PAGES_VARIABLE`'s folder, and marks the folder
:data:`READY` after the last one, so Pagefind runs over all documents while MkDocs still
renders the records. A site generator that runs no hooks (Zensical) leaves the folder empty;
then this process reads the hand-written pages from the built site and sends them to the
child, before the compaction rewrites them, so no file is read while it is being written.

The child is forked, so it inherits the catalogue already loaded (records are read once). Its
documents wait in a temporary folder of its own (MkDocs empties ``site_dir`` when it starts);
the bundle and the query tables go into ``site_dir`` once the hand-written pages are there.
The index is the same as :func:`scripts.site.search_index.index_site` writes in one go
(tests/test_search_index.py compares the two).
"""

from __future__ import annotations

import multiprocessing
import resource
import shutil
import signal
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

from scripts.pipeline.model import Catalogue
from scripts.site.commands import BuildError
from scripts.site.search_index import SearchIndex, page_documents, record_urls

FAILED = "Hakuhakemiston luominen epäonnistui"
# The folder where the MkDocs hook copies the rendered hand-written pages, in MkDocs' environment.
PAGES_VARIABLE = "SEARCH_INDEX_PAGES"
READY = ".valmis"  # written into that folder after its last page


def _own_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _index(connection: Connection, catalogue: Catalogue, site_dir: Path, folder: Path) -> None:
    """The child: the records' half at once; the rest when the hook's copies of the hand-written
    pages are ready, or when this process sends the pages it read from the built site."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle: it stops this child in close()
    try:
        index = SearchIndex(catalogue, folder / "documents")
        pages = folder / "pages"
        while not (pages / READY).exists():
            if connection.poll(0.05):
                documents = connection.recv()
                break
        else:
            documents = page_documents(pages, record_urls(catalogue))
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
    """Start with the valid catalogue; give the site generator :meth:`environment`; call
    :meth:`site_built` once it has finished and :meth:`wait` for the index; :meth:`close`
    always (it stops a child the build no longer needs)."""

    def __init__(self, catalogue: Catalogue, site_dir: Path) -> None:
        self._urls = record_urls(catalogue)
        self._folder = Path(tempfile.mkdtemp(prefix="haku-"))
        self._pages = self._folder / "pages"
        self._pages.mkdir()
        context = multiprocessing.get_context("fork")
        self._connection, child_end = context.Pipe()
        self._process = context.Process(target=_index, args=(child_end, catalogue, site_dir, self._folder), daemon=True)
        self._process.start()
        child_end.close()
        self._waited = 0.0
        self._answered = False

    def environment(self) -> dict[str, str]:
        """For the site generator: where the MkDocs hook copies the hand-written pages."""
        return {PAGES_VARIABLE: str(self._pages)}

    def site_built(self, site_dir: Path) -> None:
        """Without the hook's copies, read the built hand-written pages and hand them to the child."""
        start = time.perf_counter()
        # The child answers before it removes the folder: a child that had the hook's pages has
        # either answered already or still has the folder marked ready.
        if not self._connection.poll() and not (self._pages / READY).exists():
            self._connection.send(page_documents(site_dir, self._urls))
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
