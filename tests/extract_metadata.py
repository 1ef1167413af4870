"""Reads a built page with extruct, as link previews and crawlers do, and prints what it found:
the Open Graph properties, the JSON-LD @types and the NewsArticle headline (tests/newsroom.rs)."""
import json
import sys

import extruct

html = open(sys.argv[1], encoding="utf-8").read()
data = extruct.extract(html, base_url="https://news.example.org/", syntaxes=["opengraph", "json-ld"], uniform=False)
og = {}
for block in data["opengraph"]:
    for k, v in block.get("properties", []):
        og.setdefault(k, v)
types, headline = [], None
for block in data["json-ld"]:
    for item in block.get("@graph", [block]):
        types.append(item["@type"])
        if item["@type"] == "NewsArticle":
            headline = item["headline"]
print(json.dumps({"og": og, "jsonld_types": sorted(types), "headline": headline}, ensure_ascii=False))
