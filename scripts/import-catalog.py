#!/usr/bin/env python3
"""Regenerate src/catalog/catalog.tsv from the CloudAudit product catalogue JSON.

Usage: scripts/import-catalog.py [PATH]   (default: ../shared/data/cloudaudit-catalog.json)

Only the facts are kept: product codes, their aliases and the event names listed for each.
One line per product, sorted by code: code<TAB>aliases (comma-separated)<TAB>events (space-
separated, sorted by code point). The catalogue is advisory: it drives warnings and
suggestions, never errors.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/data/cloudaudit-catalog.json"
catalog = json.loads(source.read_text(encoding="utf-8"))

lines = [f"# {catalog['source'].split(';')[0]}", "# code\taliases\tevents"]
for product in sorted(catalog["products"], key=lambda p: p["code"]):
    aliases = ",".join(product.get("aliases") or [])
    events = " ".join(sorted({e["event"] for e in product["events"]}))
    lines.append(f"{product['code']}\t{aliases}\t{events}")
(root / "src/catalog/catalog.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(catalog['products'])} products written to src/catalog/catalog.tsv")
