#!/usr/bin/env python3
"""Writes a large article-like HTML page for timing the HTML front end.

Usage: make-benchmark-page.py OUT.html [MEGABYTES]   (default 20)
Deterministic (fixed seed). The sentences are our own.
"""
import random
import sys

SENTENCES = [
    "Regular walking is linked with lower blood pressure in several cohort studies.",
    "Most adults need between seven and nine hours of sleep a night.",
    "Talk to a pharmacist before combining supplements with prescribed medicines.",
    "A balanced diet usually provides enough vitamin C for healthy adults.",
    "Caf&eacute; owners reported that customers asked about caffeine &amp; sleep.",
    "The trial&rsquo;s authors noted a small effect&#8212;about 4&nbsp;mm Hg on average.",
    "日本語の説明も含まれています — naïve readers see “quoted” text too.",
    "Symptoms that last longer than three weeks should be checked by a doctor.",
]

def paragraph(rng):
    words = []
    for _ in range(rng.randint(2, 6)):
        s = rng.choice(SENTENCES)
        if rng.random() < 0.2:
            s = s.replace("sleep", '<a href="https://example.org/sleep">sleep</a>')
        if rng.random() < 0.2:
            s = s.replace("doctor", "<em>doctor</em>")
        words.append(s)
    if rng.random() < 0.3:
        words.append('<sup><a href="#cite-%d">[%d]</a></sup>' % (rng.randint(1, 40), rng.randint(1, 40)))
    return "<p>" + "\r\n".join(words) + "</p>\n"

def main():
    out = sys.argv[1]
    target = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    rng = random.Random(20261124)
    parts = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Benchmark page</title>'
             '<script>var x = "<p>not text</p>";</script><style>p{margin:0}</style></head><body>\n'
             '<nav><ul><li><a href="/">Home</a></li><li><a href="/a">A to Z</a></li></ul></nav>\n<main>\n']
    size = 0
    n = 0
    while size < target * 1_000_000:
        n += 1
        chunk = ["<article><h2>Section %d</h2>\n" % n]
        for _ in range(rng.randint(2, 5)):
            chunk.append(paragraph(rng))
        chunk.append("<ul>" + "".join("<li>%s</li>" % rng.choice(SENTENCES) for _ in range(3)) + "</ul>\n")
        chunk.append('<figure><img src="p%d.jpg" alt="Illustration %d &amp; caption"><figcaption>%s</figcaption></figure>\n'
                     % (n, n, rng.choice(SENTENCES)))
        chunk.append("<pre>let skipped = true</pre><script>var y = %d;</script></article>\n" % n)
        s = "".join(chunk)
        size += len(s.encode())
        parts.append(s)
    parts.append("</main><footer><p>Footer text</p></footer></body></html>\n")
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("".join(parts))

main()
