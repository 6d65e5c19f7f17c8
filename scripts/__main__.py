"""Command line of the pipeline: ``python -m scripts <command>``.

    validate        check every record, list all problems, exit 1 if there are any
    generate        validate, then write the record pages under docs/
    build           generate, then `mkdocs build --strict`, then check a page per record
    permalinks      add the addresses of new records to data/published-urls.txt
    municipalities  refresh data/vocabularies/municipalities.yml from the npm package
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from scripts import municipalities
from scripts.generate import generate
from scripts.model import Catalogue, load_catalogue
from scripts.permalinks import URL_PREFIX, record_url, write_register
from scripts.project import Project


def report(problems) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
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
    commands.add_parser("generate", help="tarkista ja luo sivut docs/-kansioon")
    build = commands.add_parser("build", help="luo sivut ja rakenna sivusto")
    build.add_argument("--site-dir", type=Path, help="kohdekansio (oletus: site/)")
    refresh = commands.add_parser("municipalities", help="päivitä kuntaluettelo")
    refresh.add_argument("--package", type=Path, help="valmiiksi ladattu paketti (.tgz)")
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())

    if args.command == "municipalities":
        count = municipalities.refresh(project.vocabularies_dir / "municipalities.yml", args.package)
        print(f"Kuntaluettelo päivitetty: {count} kuntaa.")
        return 0

    catalogue = validated(project)
    if catalogue is None:
        return 1
    records = len(catalogue.methods) + len(catalogue.cases)
    if args.command == "permalinks":
        added = write_register(project.register_file, [record_url(r.kind, r.id) for r in catalogue.methods + catalogue.cases])
        print(f"Osoiterekisteriin lisättiin {added} uutta osoitetta ({project.relative(project.register_file)}).")
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
    print(f"Sivusto valmis kansiossa {site_dir}: {len(catalogue.methods)} menetelmää, {len(catalogue.cases)} esimerkkiä.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
