"""What is wrong with an input file, said in Finnish: ``path:line: field: problem and fix``.

Records and configuration files (``data/facets.yml`` and the rest) report through the same
:class:`Problem` and the same explanations of JSON Schema errors, so an editor reads one
kind of message whichever file they broke.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from jsonschema import ValidationError

FieldPath = tuple[Any, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, in the form ``path:line: field: message``."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


def format_field(path: FieldPath) -> str:
    """``("sources", 0, "url")`` -> ``sources[0].url``; the empty path is the file itself."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "tiedosto"


TYPE_NAMES = {
    "string": "tekstiä", "integer": "kokonaisluku", "number": "luku", "boolean": "totuusarvo (true tai false)",
    "array": "lista", "object": "kenttäryhmä (alakenttiä)", "null": "tyhjä (null)",
}
def explain(error: ValidationError) -> Iterator[tuple[tuple, str]]:
    """A jsonschema error as (field path, Finnish message with the fix)."""
    path, value, kind, schema = tuple(error.absolute_path), error.instance, error.validator, error.schema
    if kind == "required":
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                yield path + (name,), f"pakollinen kenttä puuttuu. Lisää rivi `{name}: …`."
    elif kind == "additionalProperties":
        allowed = ", ".join(schema.get("properties", {}))
        for name in sorted(set(value) - set(schema.get("properties", {}))):
            yield path + (name,), f"tuntematon kenttä. Tarkista kirjoitusasu; sallitut kentät ovat: {allowed}."
    elif kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " tai ".join(TYPE_NAMES[name] for name in expected)
        message = f"arvon pitää olla {wanted}, nyt se on {_describe(value)}."
        if "string" in expected and not isinstance(value, (list, dict)):
            message += " YAML lukee esimerkiksi arvot no, yes, on ja off totuusarvoiksi ja numerot luvuiksi: lainaa teksti, esim. \"no\"."
        elif "array" in expected:
            message += " Kirjoita lista riveinä, jotka alkavat `- `, tai muodossa [a, b]."
        yield path, message
    elif kind == "enum":
        allowed = ", ".join(str(item) for item in error.validator_value)
        yield path, f"arvo {value!r} ei ole sallittu. Sallitut arvot: {allowed}."
    elif kind == "minLength" or (kind == "pattern" and schema.get("pattern") == "\\S"):
        yield path, "ei saa olla tyhjä. Kirjoita arvo tai poista kenttä, jos se ei ole pakollinen."
    elif kind == "pattern":
        yield path, f"arvo {value!r} ei ole oikeaa muotoa. {schema.get('description', '')}".rstrip()
    elif kind == "maxLength":
        yield path, f"teksti on liian pitkä ({len(value)} merkkiä, enintään {error.validator_value}). Lyhennä sitä."
    elif kind == "minItems":
        yield path, f"listassa pitää olla vähintään {error.validator_value} arvo."
    elif kind == "uniqueItems":
        yield path, "listassa on sama arvo useammin kuin kerran. Poista toistot."
    elif kind == "format" and error.validator_value == "date":
        yield path, f"{value!r} ei ole päivämäärä. Kirjoita se muodossa VVVV-KK-PP, esim. 2026-11-22."
    elif kind in ("minimum", "maximum"):
        bound = "vähintään" if kind == "minimum" else "enintään"
        yield path, f"arvon pitää olla {bound} {error.validator_value}."
    else:
        yield path, error.message


def _describe(value: Any) -> str:
    for python_type, name in ((bool, "totuusarvo"), (int, "luku"), (float, "luku"), (str, "tekstiä"),
                              (list, "lista"), (dict, "kenttäryhmä")):
        if isinstance(value, python_type):
            return f"{name} ({value})" if isinstance(value, (bool, int, float)) else name
    return "tyhjä" if value is None else type(value).__name__


