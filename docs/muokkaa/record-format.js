/*
 * A record file as the browser editor (Decap CMS) sees it, and back.
 *
 * A record is YAML front matter and a Markdown body with fixed `## ` sections
 * (data/schemas/sections.yml). The editor shows each section as its own field
 * (`osio-<n>`) and writes them back under the standard headings, so an editor never types
 * a heading. The fields' order, types and which may be null come from the JSON Schemas
 * through the generated kentat.js (`python -m scripts editor-files`), so the file keeps
 * the schema's field order and a field the editor never touched keeps its value: opening
 * and saving a record changes nothing the validator or the page sees.
 *
 * The YAML is written here, not by a general-purpose dumper: records are read as YAML 1.1
 * (PyYAML, as MkDocs does), where `no`, `on`, `1:20` or `2024-05-01` are not text, so every
 * string that YAML 1.1 could read as anything else is written in double quotes.
 */

export const SECTION_PREFIX = "osio-";
export const PREAMBLE = "alkuteksti";

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^##\s+(.*?)\s*#*\s*$/;

// Splits a record file into front matter text and body; null when there is no front matter.
export function splitFile(text) {
  const normalised = text.replace(/^\ufeff/, "").replace(/\r\n/g, "\n");
  if (!normalised.startsWith("---\n")) {
    return null;
  }
  const closing = normalised.slice(4).search(/^---[ \t]*$/m);
  if (closing < 0) {
    return null;
  }
  const header = normalised.slice(4, 4 + closing);
  const rest = normalised.slice(4 + closing).replace(/^---[ \t]*\n?/, "");
  return { header, body: rest };
}

// The body's sections by heading: { preamble, sections: Map(heading -> text) }. Text under a
// heading that is not a known section stays in the section before it, heading and all.
export function splitBody(body, headings) {
  const known = new Set(headings);
  const sections = new Map();
  let current = null;
  let preamble = [];
  let inFence = false;
  for (const line of body.split("\n")) {
    if (FENCE.test(line)) {
      inFence = !inFence;
    }
    const match = inFence ? null : HEADING.exec(line);
    if (match && known.has(match[1]) && !sections.has(match[1])) {
      current = match[1];
      sections.set(current, []);
    } else if (current === null) {
      preamble.push(line);
    } else {
      sections.get(current).push(line);
    }
  }
  const text = (lines) => lines.join("\n").replace(/^\n+/, "").replace(/\s+$/, "");
  return { preamble: text(preamble), sections: new Map([...sections].map(([key, lines]) => [key, text(lines)])) };
}

// The body written back: the known sections in order, each `## Heading`, a blank line, its text.
export function joinBody(preamble, sections, headings) {
  const parts = [];
  if (preamble && preamble.trim()) {
    parts.push(preamble.trim() + "\n");
  }
  for (const heading of headings) {
    parts.push(`## ${heading}\n\n${(sections.get(heading) || "").trim()}\n`);
  }
  return parts.join("\n");
}

// Entry data for the editor from a record file: front matter fields plus one field a section.
export function fromFile(text, kind, parseYaml) {
  const parts = splitFile(text);
  if (parts === null) {
    return { [PREAMBLE]: text };
  }
  const data = parseYaml(parts.header) || {};
  const { preamble, sections } = splitBody(parts.body, kind.sections);
  kind.sections.forEach((heading, index) => {
    if (sections.has(heading)) {
      data[SECTION_PREFIX + (index + 1)] = sections.get(heading);
    }
  });
  if (preamble) {
    data[PREAMBLE] = preamble;
  }
  return data;
}

// The record file from the editor's data.
export function toFile(data, kind) {
  const front = {};
  const sections = new Map();
  let preamble = "";
  for (const [key, value] of Object.entries(data || {})) {
    if (key.startsWith(SECTION_PREFIX)) {
      const heading = kind.sections[Number(key.slice(SECTION_PREFIX.length)) - 1];
      if (heading) {
        sections.set(heading, typeof value === "string" ? value : "");
      }
    } else if (key === PREAMBLE) {
      preamble = typeof value === "string" ? value : "";
    } else {
      front[key] = value;
    }
  }
  const record = normaliseObject(kind.shape, front, true);
  return `---\n${dumpYaml(record)}---\n\n${joinBody(preamble, sections, kind.sections)}`;
}

function isEmpty(value) {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

// A value as its schema shape says: empty texts become null where null is allowed, numbers
// typed as text become numbers, lists and groups keep their order; nothing unknown is dropped.
export function normalise(shape, value) {
  if (shape === undefined) {
    return value;
  }
  if (isEmpty(value)) {
    return shape.nullable ? null : undefined;
  }
  if (shape.type === "array") {
    const items = Array.isArray(value) ? value : [value];
    return items.map((item) => normalise(shape.items, item)).filter((item) => item !== undefined);
  }
  if (shape.type === "object") {
    if (typeof value !== "object" || Array.isArray(value)) {
      return value;
    }
    const result = normaliseObject(shape, value, false);
    return Object.keys(result).length ? result : (shape.nullable ? null : undefined);
  }
  if (shape.type === "integer" || shape.type === "number") {
    const number = typeof value === "number" ? value : Number(String(value).trim());
    return Number.isFinite(number) ? number : value;
  }
  if (shape.type === "boolean") {
    return value === true || value === "true";
  }
  return value;
}

function normaliseObject(shape, value, top) {
  const result = {};
  const properties = shape.properties || [];
  for (const property of properties) {
    const normalised = property.name in value ? normalise(property, value[property.name]) : undefined;
    if (normalised !== undefined) {
      result[property.name] = normalised;
    } else if (top && property.required && property.type === "array") {
      result[property.name] = []; // a required list left empty, e.g. no known outcomes
    } else if (top && property.required && property.nullable) {
      result[property.name] = null; // required but "not known"
    }
  }
  const known = new Set(properties.map((property) => property.name));
  for (const [key, item] of Object.entries(value)) {
    if (!known.has(key) && !isEmpty(item)) {
      result[key] = item; // not in the schema: kept, and the validator says what it is
    }
  }
  return result;
}

// YAML 1.1 reads these plain scalars as something other than text (booleans, null, numbers,
// dates, sexagesimal numbers), so such strings are quoted.
const NOT_TEXT = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL)$/,
  /^[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?$/,
  /^[-+]?0[xob][\da-fA-F_]+$/,
  /^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?$/,
  /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/,
  /^\d{4}-\d\d?-\d\d?(?:[Tt ].*)?$/,
];
const DATE = /^\d{4}-\d\d-\d\d$/;

export function needsQuotes(text) {
  if (text === "" || text !== text.trim() || /[\n\t\\"]/.test(text)) {
    return true;
  }
  if (NOT_TEXT.some((pattern) => pattern.test(text))) {
    return true;
  }
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || /: |:$| #/.test(text)) {
    return true;
  }
  return /[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(text);
}

function scalar(value) {
  if (value === null || value === undefined) {
    return "null";
  }
  if (typeof value === "boolean" || typeof value === "number") {
    return String(value);
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  const text = String(value);
  return needsQuotes(text) && !DATE.test(text) ? JSON.stringify(text) : text;
}

// Block-style YAML of plain data (objects, arrays, scalars), two-space indentation.
export function dumpYaml(value, indent = "") {
  let out = "";
  for (const [key, item] of Object.entries(value)) {
    out += `${indent}${key}:${block(item, indent)}`;
  }
  return out;
}

function block(item, indent) {
  if (Array.isArray(item)) {
    if (item.length === 0) {
      return " []\n";
    }
    return "\n" + item.map((element) => listItem(element, indent + "  ")).join("");
  }
  if (item !== null && typeof item === "object" && !(item instanceof Date)) {
    if (Object.keys(item).length === 0) {
      return " {}\n";
    }
    return "\n" + dumpYaml(item, indent + "  ");
  }
  return ` ${scalar(item)}\n`;
}

function listItem(element, indent) {
  if (Array.isArray(element)) {
    return `${indent}- ${element.length ? "[" + element.map(scalar).join(", ") + "]" : "[]"}\n`;
  }
  if (element !== null && typeof element === "object" && !(element instanceof Date)) {
    const lines = dumpYaml(element, indent + "  ");
    return lines ? `${indent}- ${lines.slice(indent.length + 2)}` : `${indent}- {}\n`;
  }
  return `${indent}- ${scalar(element)}\n`;
}

// "Lähiöiden Kävelykierros" -> "lahioiden-kavelykierros", as scripts/editors/scaffold.py slugify.
export function slugify(title) {
  const folded = String(title).toLocaleLowerCase("fi").normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const ascii = folded.replace(/[^\x00-\x7f]/g, "");
  return ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
}

// The current municipalities of the former ones in `historical` that `municipalities` lacks:
// "Kiiminki" among the former places brings Oulu (merged 2013) among the municipalities.
export function currentMunicipalities(historical, municipalities, mergers) {
  const folded = (name) => String(name).trim().toLocaleLowerCase("fi");
  const byName = new Map(Object.entries(mergers).map(([former, merger]) => [folded(former), merger[0]]));
  const added = [];
  for (const place of historical || []) {
    const current = byName.get(folded(place));
    if (current && !(municipalities || []).includes(current) && !added.includes(current)) {
      added.push(current);
    }
  }
  return added;
}
