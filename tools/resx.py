#!/usr/bin/env python3
"""Maintains src/ExpertSupport.Web/Resources/SharedResource.en.resx.

  python3 tools/resx.py missing            list UI strings (L["…"] / l["…"]) without an English entry
  python3 tools/resx.py add '日本語' 'English' [...pairs]   add or replace entries
"""
import re, sys, pathlib
from xml.sax.saxutils import escape, quoteattr
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
WEB = ROOT / "src" / "ExpertSupport.Web"
RESX = WEB / "Resources" / "SharedResource.en.resx"
KEY = re.compile(r'\b[lL]\["((?:[^"\\]|\\.)+)"\]')

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def load():
    if not RESX.exists():
        return {}
    tree = ET.parse(RESX)
    return {d.get("name"): (d.find("value").text or "") for d in tree.getroot().findall("data")}

def save(entries):
    lines = [HEADER]
    for k in sorted(entries):
        lines.append(f'  <data name={quoteattr(k)} xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
    lines.append("</root>\n")
    RESX.parent.mkdir(parents=True, exist_ok=True)
    RESX.write_text("".join(lines), encoding="utf-8")

def used():
    keys = set()
    for p in list(WEB.rglob("*.cshtml")) + list(WEB.rglob("*.cs")):
        if "/obj/" in str(p) or "/bin/" in str(p):
            continue
        keys.update(KEY.findall(p.read_text(encoding="utf-8")))
    return keys

if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "missing"
    if cmd == "missing":
        entries = load()
        for k in sorted(used() - set(entries)):
            print(k)
    elif cmd == "add":
        entries = load()
        args = sys.argv[2:]
        for ja, en in zip(args[::2], args[1::2]):
            entries[ja] = en
        save(entries)
    else:
        print(__doc__)
