#!/usr/bin/env python3
"""Parses every feed.xml under a built site with feedparser; fails on any bozo (malformed) feed."""
import pathlib
import sys

import feedparser

root = pathlib.Path(sys.argv[1])
feeds = sorted(root.rglob("feed.xml"))
bad = []
for f in feeds:
    d = feedparser.parse(f.read_bytes())
    if d.bozo:
        bad.append(f"{f}: {d.bozo_exception}")
    elif d.version != "atom10":
        bad.append(f"{f}: not Atom 1.0 ({d.version})")
    elif not d.entries:
        bad.append(f"{f}: no entries")
    else:
        for e in d.entries:
            if not e.get("link", "").startswith("https://"):
                bad.append(f"{f}: entry link {e.get('link')!r} is not absolute")
            content = e.get("content") or []
            # the language's feed (LANG/feed.xml) carries whole articles; topic, country, tag
            # and author feeds their summaries (site.toml `term_feeds`)
            if len(f.relative_to(root).parts) == 2:
                if not content or content[0].type != "text/html" or "<p>" not in content[0].value:
                    bad.append(f"{f}: entry {e.get('id')!r} has no full HTML content")
            elif content:
                bad.append(f"{f}: entry {e.get('id')!r} carries the whole article in a term feed")
            elif not e.get("summary"):
                bad.append(f"{f}: entry {e.get('id')!r} has no summary")
if bad:
    print("\n".join(bad))
    sys.exit(1)
print(f"{len(feeds)} feeds parsed by feedparser {feedparser.__version__} without errors")
