#!/usr/bin/env python3
"""Deterministic benchmark corpus for claimlint: health articles as HTML and as plain text.

Every article is built from its own seeded generator (seed, article index), so article N is
the same whatever the corpus size: the 4x corpus holds the 1x corpus plus 3x more articles.
All sentences come from templates written for this script; no prose is copied.

    python3 Scripts/gen_corpus.py --out .bench/corpus-1x --articles 2000
    python3 Scripts/gen_corpus.py --out .bench/corpus-4x --articles 8000

Writes OUT/html/aNNNNN.html and OUT/text/aNNNNN.txt (the same article as plain text) and
prints the totals. Roughly 20 KB of HTML and 9 KB of text per article.
"""
import argparse
import html
import os
import random
import sys

TOPICS = [
    ("vitamin D", "bone health"), ("zinc", "colds"), ("magnesium", "sleep"), ("green tea", "weight"),
    ("retinol", "fine lines"), ("collagen", "joint pain"), ("probiotics", "digestion"), ("omega-3", "heart health"),
    ("sunscreen", "skin ageing"), ("turmeric", "inflammation"), ("iron", "tiredness"), ("melatonin", "jet lag"),
    ("hyaluronic acid", "dry skin"), ("creatine", "muscle strength"), ("caffeine", "alertness"), ("fibre", "cholesterol"),
    ("niacinamide", "acne"), ("ginger", "nausea"), ("vitamin C", "wound healing"), ("folic acid", "pregnancy"),
]
PEOPLE = ["Dr. Amara Okafor", "Prof. Lena Várady", "Dr. Tomás Ibáñez", "Dr. Hiroshi Tanaka", "Nurse Priya Raman",
          "Dr. Søren Madsen", "Dr. Chloé Dubois", "Dr. Zhang Wei", "Prof. Ana Luísa Costa", "Dr. Olu Adeyemi"]
JOURNALS = ["a 2021 randomised trial", "a 2019 Cochrane-style review", "a cohort study of 4,200 adults",
            "a small pilot study", "a 2023 meta-analysis of 31 trials", "national survey data"]
PLACES = ["Zürich", "São Paulo", "Kraków", "Reykjavík", "Düsseldorf", "Montréal", "Malmö", "Nîmes"]

# Careful sentences: hedged, attributed or cited. They should draw few findings.
CLEAN = [
    "In {study}, people who took {x} reported slightly less {y}, although the effect was small.",
    "The evidence on {x} and {y} is mixed, and most trials so far have been short.",
    "{Person} says that {x} may help some people with {y}, but it is not a substitute for treatment.",
    "Researchers in {place} found a modest link between {x} and {y} in {study}.",
    "If you take other medicines, ask a pharmacist whether {x} is safe for you.",
    "Most adults get enough {x} from a varied diet, according to national guidance.",
    "The study did not show that {x} prevents {y}; it only measured short-term changes.",
    "Side effects of {x} are usually mild, but high doses can cause stomach upset.",
    "Talk to your doctor before using {x} if you are pregnant or breastfeeding.",
    "Larger and longer trials are needed before anyone can say that {x} improves {y}.",
    "One review concluded that {x} had little or no effect on {y} in healthy adults.",
    "People with kidney disease should not take {x} supplements without medical advice.",
    "The recommended daily amount of {x} differs by age, sex and health status.",
    "Results from {study} suggest a small benefit, with wide confidence intervals.",
    "We asked {person} how the trial in {place} was designed and who paid for it.",
    "Café owners in {place} now label drinks that contain {x} — a change welcomed by dietitians.",
]
# Defective text: unsupported claims, fragments, run-ons, lowercase starts, dangling lead-ins.
DEFECTIVE = [
    "{X} cures {y} in just seven days, guaranteed.",
    "This miracle {x} formula reverses {y} and detoxifies your whole body.",
    "Doctors hate this simple {x} trick that eliminates {y} forever.",
    "{X} is clinically proven to boost immunity and melt fat overnight.",
    "Because {x} works on {y}.",
    "Which is why so many readers swear by {x}.",
    "{x} helps with {y} it also helps with stress and people love it and you should try it today.",
    "the best part is that {x} has no side effects at all.",
    "Here is what you need to know:",
    "Such as {x} and other natural remedies.",
    "Our {x} serum repairs damaged cells and permanently removes {y}.",
    "{X} prevents cancer and heals {y} naturally without any drugs.",
]
FURNITURE = ["Read more: our guide to {x}", "Share this article on Facebook", "Advertisement",
             "Sign up for our newsletter", "Photo: stock image", "Related: 5 facts about {y}"]
HEADINGS = ["What is {x}?", "How {x} may affect {y}", "What the research says", "Who should avoid {x}",
            "How much {x} do you need?", "The bottom line", "Possible side effects", "Sources of {x}"]
LIST_ITEMS = ["Take {x} with food to reduce stomach upset.", "Check the label for the dose per serving.",
              "Store {x} away from heat and light.", "Stop taking it and see a doctor if you get a rash.",
              "melts away {y} in days", "Keep a diary of your symptoms for two weeks.",
              "Ask about interactions with blood thinners.", "Buy from a brand that uses third-party testing."]
SCRIPTS = [
    "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());",
    "document.querySelectorAll('.share a').forEach(function (a) { a.addEventListener('click', function () { if (x < 3 && y > 1) track(a.href); }); });",
    "var cfg = {\"ads\": true, \"slots\": [\"top\", \"side\"], \"note\": \"</p> inside a string\"}; load(cfg);",
]
ENTITY_SNIPPETS = ["&amp;", "&nbsp;", "&#8217;", "&eacute;", "&mdash;", "&#x2013;", "&lt;", "&quot;"]


class Article:
    def __init__(self, seed, index):
        self.r = random.Random(seed * 1_000_003 + index)
        self.index = index
        self.topic = self.r.choice(TOPICS)
        self.defect_rate = self.r.choice([0.0, 0.0, 0.05, 0.15, 0.3])  # mix of clean and sloppy articles

    def fill(self, template):
        r = self.r
        x, y = self.topic
        return template.format(x=x, X=x[0].upper() + x[1:], y=y, Y=y[0].upper() + y[1:], study=r.choice(JOURNALS),
                               person=r.choice(PEOPLE), Person=r.choice(PEOPLE), place=r.choice(PLACES))

    def sentence(self):
        if self.r.random() < self.defect_rate:
            return self.fill(self.r.choice(DEFECTIVE))
        return self.fill(self.r.choice(CLEAN))

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.r.randint(3, 7)))

    def build(self):
        """The article as a list of (kind, text) blocks, shared by both renderings."""
        r = self.r
        x, y = self.topic
        blocks = [("title", f"{x[0].upper() + x[1:]} and {y}: what the evidence says")]
        blocks.append(("p", f"By {r.choice(PEOPLE)} · Reviewed in {r.choice(PLACES)}"))
        for _ in range(r.randint(6, 9)):
            blocks.append(("h2", self.fill(r.choice(HEADINGS))))
            for _ in range(r.randint(3, 4)):
                blocks.append(("p", self.paragraph()))
            roll = r.random()
            if roll < 0.35:
                blocks.append(("ul", [self.fill(r.choice(LIST_ITEMS)) for _ in range(r.randint(3, 6))]))
            elif roll < 0.5:
                rows = [[self.fill("{x}"), f"{r.randint(1, 400)} mg", r.choice(["adults", "children", "over 65s"])] for _ in range(r.randint(3, 6))]
                blocks.append(("table", rows))
            elif roll < 0.65:
                blocks.append(("figure", self.fill("A chart of {x} intake and {y} from " + r.choice(JOURNALS) + ".")))
            if r.random() < 3 * self.defect_rate:
                blocks.append(("furniture", self.fill(r.choice(FURNITURE))))
        if r.random() < 0.6:
            blocks.append(("p", "This article is for information only and is not medical advice. "
                                "Talk to a doctor or pharmacist before starting any supplement."))
        return blocks


def inline_html(article, text):
    """Escapes text and dresses it like real pages: links, emphasis, the odd entity or citation."""
    r = article.r
    out = html.escape(text, quote=False)
    words = out.split(" ")
    if len(words) > 8 and r.random() < 0.5:
        i = r.randrange(0, len(words) - 3)
        words[i] = f'<a href="https://example.org/{article.index}/{i}" rel="noopener">{words[i]}'
        words[i + 2] = words[i + 2] + "</a>"
    if len(words) > 5 and r.random() < 0.3:
        i = r.randrange(0, len(words) - 1)
        words[i] = f"<em>{words[i]}</em>"
    if r.random() < 0.3:
        i = r.randrange(0, len(words))
        words[i] = words[i] + r.choice(ENTITY_SNIPPETS)
    out = " ".join(words)
    if out.endswith(".") and r.random() < 0.25:
        out += f'<sup><a href="#ref{r.randint(1, 9)}">{r.randint(1, 9)}</a></sup>'
    return out


def render_html(article, blocks):
    r = article.r
    title = html.escape(blocks[0][1])
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<title>{title}</title>\n<meta name=\"description\" content=\"{title}\">\n",
        "<link rel=\"stylesheet\" href=\"/static/site.css\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"MedicalWebPage\", "
        f"\"headline\": \"{title}\", \"datePublished\": \"2026-0{r.randint(1, 9)}-1{r.randint(0, 9)}\"}}</script>\n",
        "<style>.promo{color:#c00} .share a{margin:0 4px} @media (max-width:600px){nav ul{display:none}}</style>\n",
        f"<script>{r.choice(SCRIPTS)}</script>\n</head>\n<body>\n",
        "<header class=\"site\"><a href=\"/\">Wellbeing Daily</a>\n<nav><ul>",
        "".join(f"<li><a href=\"/{s.lower()}\">{s}</a></li>" for s in ["Nutrition", "Skin", "Sleep", "Fitness", "Mind"]),
        "</ul></nav>\n<form class=\"search\" action=\"/search\"><input type=\"search\" name=\"q\" placeholder=\"Search\"></form></header>\n",
        "<!-- page body starts here -->\n<main id=\"content\" class=\"layout layout--article\">\n<div class=\"share\"><a href=\"https://facebook.com/sharer\">Facebook</a> <a href=\"https://x.com/intent\">X</a> <a href=\"mailto:?subject=x\">Email</a></div>\n<article class=\"article\" itemscope itemtype=\"https://schema.org/Article\">\n",
        f"<h1>{title}</h1>\n",
    ]
    for kind, payload in blocks[1:]:
        if kind == "p":
            cls = r.choice(["", " class=\"lead\"", " class=\"body-text\" data-track=\"para\""])
            parts.append(f"<p{cls}>{inline_html(article, payload)}</p>\n")
        elif kind == "h2":
            parts.append(f"<h2 id=\"s{r.randint(0, 99999)}\">{html.escape(payload)}</h2>\n")
        elif kind == "ul":
            tag = "ol" if r.random() < 0.3 else "ul"
            parts.append(f"<{tag}>\n" + "".join(f"  <li>{inline_html(article, li)}</li>\n" for li in payload) + f"</{tag}>\n")
        elif kind == "table":
            parts.append("<table>\n<thead><tr><th>Nutrient</th><th>Dose</th><th>Group</th></tr></thead>\n<tbody>\n")
            parts.extend("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n" for row in payload)
            parts.append("</tbody>\n</table>\n")
        elif kind == "figure":
            parts.append(f"<figure><img src=\"/img/{article.index}.jpg\" alt=\"{html.escape(payload)}\" width=\"640\">"
                         f"<figcaption>{html.escape(payload)}</figcaption></figure>\n")
        elif kind == "furniture":
            parts.append(f"<p class=\"promo\">{html.escape(payload)}</p>\n")
    parts.append("</article>\n</main>\n<aside><h3>Most read</h3><ul>")
    parts.append("".join(f"<li><a href=\"/a/{r.randint(1, 9999)}\">Story {i}</a></li>" for i in range(5)))
    parts.append("</ul></aside>\n<footer><p>&copy; 2026 Wellbeing Daily &middot; <a href=\"/privacy\">Privacy</a></p>"
                 "<p>Read more: our editorial policy</p></footer>\n")
    parts.append("<script src=\"/static/app.js\" defer></script>\n</body>\n</html>\n")
    return "".join(parts)


def render_text(blocks):
    lines = [blocks[0][1], ""]
    for kind, payload in blocks[1:]:
        if kind in ("p", "h2", "furniture"):
            lines += [payload, ""]
        elif kind == "ul":
            lines += [f"- {li}" for li in payload] + [""]
        elif kind == "table":
            lines += [" | ".join(row) for row in payload] + [""]
        elif kind == "figure":
            lines += [payload, ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-text", action="store_true", help="write only the HTML articles")
    args = ap.parse_args()
    os.makedirs(os.path.join(args.out, "html"), exist_ok=True)
    if not args.no_text:
        os.makedirs(os.path.join(args.out, "text"), exist_ok=True)
    html_bytes = text_bytes = 0
    for i in range(args.articles):
        a = Article(args.seed, i)
        blocks = a.build()
        h = render_html(a, blocks).encode("utf-8")
        t = render_text(blocks).encode("utf-8")
        with open(os.path.join(args.out, "html", f"a{i:05d}.html"), "wb") as f:
            f.write(h)
        if not args.no_text:
            with open(os.path.join(args.out, "text", f"a{i:05d}.txt"), "wb") as f:
                f.write(t)
        html_bytes += len(h)
        text_bytes += len(t)
    print(f"{args.out}: {args.articles} articles, HTML {html_bytes / 1e6:.1f} MB, text {text_bytes / 1e6:.1f} MB")


if __name__ == "__main__":
    sys.exit(main())
