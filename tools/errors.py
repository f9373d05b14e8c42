#!/usr/bin/env python3
"""Maintains the error texts: src/ExpertSupport.Web/Resources/Errors.resx (Japanese) and Errors.en.resx (English).

  python3 tools/errors.py missing                      codes used in src/ without a Japanese or English text, and
                                                       texts no code uses (the same scan as ErrorTextTests)
  python3 tools/errors.py add code '日本語' 'English' [...]   add or replace texts ({0}, {1:N0} … are the arguments)
  python3 tools/errors.py load file.tsv                add or replace from lines of code<TAB>日本語<TAB>English
"""
import re, sys, pathlib
from xml.sax.saxutils import escape, quoteattr
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
RES = SRC / "ExpertSupport.Web" / "Resources"
FILES = {"ja": RES / "Errors.resx", "en": RES / "Errors.en.resx"}
# Keep in step with ErrorTextTests: the ways a code is written (factories, new Error/Phrase, a validator's WithError(new(…)),
# and a declaration `Error X = new("…")`).
CODE = re.compile(r'(?:Error\.(?:Invalid|Conflict|NotFound|Forbidden)\(|new\s+(?:Error|Phrase)\(|WithError\(\s*new\(|(?:Error|Phrase)\??\s+\w+\s*(?:=>?)\s*new\()'
                  r'\s*"([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)*)"')

# The same resx header as the UI texts' file.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from resx import HEADER  # noqa: E402

def load(lang):
    path = FILES[lang]
    if not path.exists():
        return {}
    return {d.get("name"): (d.find("value").text or "") for d in ET.parse(path).getroot().findall("data")}

def save(lang, entries):
    lines = [HEADER]
    for k in sorted(entries):
        lines.append(f'  <data name={quoteattr(k)} xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
    lines.append("</root>\n")
    FILES[lang].write_text("".join(lines), encoding="utf-8")

def used():
    codes = set()
    for p in SRC.rglob("*.cs"):
        if "/obj/" in str(p) or "/bin/" in str(p):
            continue
        codes.update(CODE.findall(p.read_text(encoding="utf-8")))
    return codes

def add(triples):
    ja, en = load("ja"), load("en")
    for code, j, e in triples:
        ja[code], en[code] = j, e
    save("ja", ja)
    save("en", en)

if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "missing"
    if cmd == "missing":
        ja, en, codes = load("ja"), load("en"), used()
        for c in sorted(codes - set(ja)):
            print("no Japanese:", c)
        for c in sorted(codes - set(en)):
            print("no English: ", c)
        for c in sorted((set(ja) | set(en)) - codes):
            print("unused:     ", c)
    elif cmd == "add":
        a = sys.argv[2:]
        add(zip(a[0::3], a[1::3], a[2::3]))
    elif cmd == "load":
        rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8") if l.strip() and not l.startswith("#")]
        bad = [r for r in rows if len(r) != 3]
        if bad:
            sys.exit(f"not code<TAB>ja<TAB>en: {bad[0]}")
        add(rows)
    else:
        print(__doc__)
