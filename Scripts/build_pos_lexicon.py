#!/usr/bin/env python3
"""Builds Rules/pos-lexicon.tsv, the part-of-speech lexicon of the sentence checkers.

Sources (both permissively licensed, named in Rules/pos-lexicon.README.txt):
  * WordNet 3.0 (Princeton, WordNet licence: use, copy, modify, distribute for any purpose),
    from the Debian package `wordnet-base`: /usr/share/wordnet/index.{noun,verb,adj,adv},
    verb.exc, noun.exc and cntlist.rev (sense frequencies).
  * The Brill tagger lexicon (Brill 1993, MIT/UPenn, MIT licence) as shipped by the
    TextBlob wheel (MIT): textblob/en/en-lexicon.txt. Only its tags are used, as one more
    vote on a word's possible parts of speech and to tell irregular past forms from participles.

The result keeps only words whose possible tags go beyond noun/adjective (a word the
lexicon does not know is taken as a noun or adjective), so the file stays small: every form
of common verbs, adverbs, and the closed-class words Brill lists.

Each line is word<TAB>tags; the first tag is the most frequent reading (Brill's) when known.
Tag codes (one letter each): n noun, p plural noun, v verb base form, z verb -s form,
d past tense, e past participle, g -ing form, m modal, a adjective, r adverb,
i preposition or subordinator, c coordinator, t determiner, o pronoun, s possessive,
w wh-word, x "to", k number, h existential "there", u interjection.

Usage (development time only, not run in CI):
  apt-get install wordnet-base
  pip download --no-deps -d /tmp/tb textblob==0.20.1 && (cd /tmp/tb && unzip -q textblob-*.whl)
  python3 Scripts/build_pos_lexicon.py --brill /tmp/tb/textblob/en/en-lexicon.txt --out Rules/pos-lexicon.tsv
"""
import argparse
import collections
import os

WN = "/usr/share/wordnet"

BRILL_TAGS = {
    "NN": "n", "NNS": "p", "VB": "v", "VBP": "v", "VBZ": "z", "VBD": "d", "VBN": "e", "VBG": "g",
    "MD": "m", "JJ": "a", "JJR": "a", "JJS": "a", "RB": "r", "RBR": "r", "RBS": "r", "IN": "i",
    "CC": "c", "DT": "t", "PDT": "t", "PRP": "o", "PRP$": "s", "WP$": "s", "WDT": "w", "WP": "w",
    "WRB": "w", "TO": "x", "CD": "k", "EX": "h", "UH": "u",
}
ORDER = "npvzdegmaricstowxkhu"
VOWELS = set("aeiou")


def read_index(name):
    words = set()
    with open(os.path.join(WN, "index." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            w = line.split(" ", 1)[0]
            if "_" not in w and w.isalpha() or "-" in w and "_" not in w:
                words.add(w.lower())
    return words


def read_exc(name):
    pairs = []
    with open(os.path.join(WN, name + ".exc"), encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and "_" not in parts[0]:
                pairs.append((parts[0], parts[1]))
    return pairs


def frequent_verbs():
    lemmas = set()
    with open(os.path.join(WN, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key = line.split(" ", 1)[0]
            lemma, _, sense = key.partition("%")
            if sense.startswith("2:") and "_" not in lemma:
                lemmas.add(lemma)
    return lemmas


def third_person(v):
    if v.endswith(("s", "x", "z", "ch", "sh", "o")):
        return v + "es"
    if v.endswith("y") and len(v) > 1 and v[-2] not in VOWELS:
        return v[:-1] + "ies"
    return v + "s"


def doubled(v):
    # stop -> stopp: one syllable ending consonant-vowel-consonant (not w, x, y).
    return len(v) >= 3 and v[-1] not in VOWELS | set("wxy") and v[-2] in VOWELS and v[-3] not in VOWELS


def past(v, known):
    if v.endswith("e"):
        return v + "d"
    if v.endswith("y") and len(v) > 1 and v[-2] not in VOWELS:
        return v[:-1] + "ied"
    if doubled(v) and (v + v[-1] + "ed") in known:
        return v + v[-1] + "ed"
    return v + "ed"


def gerund(v, known):
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    if doubled(v) and (v + v[-1] + "ing") in known:
        return v + v[-1] + "ing"
    return v + "ing"


def plural(n):
    return third_person(n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--brill", required=True, help="path to the Brill lexicon (en-lexicon.txt)")
    ap.add_argument("--out", default="Rules/pos-lexicon.tsv")
    args = ap.parse_args()

    brill = collections.defaultdict(set)
    with open(args.brill, encoding="utf-8") as f:
        for line in f:
            if line.startswith(";;;"):
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            word, tag = parts[0], parts[1]
            if not any(ch.isalpha() for ch in word) or word != word.lower() and word.lower() in brill:
                pass
            code = BRILL_TAGS.get(tag)
            if code and word.isascii():
                # Capitalised entries are mostly names; only their lowercase twin speaks for the word.
                if word == word.lower():
                    brill[word].add(code)
    known = set(brill)

    nouns, verbs, adjs, advs = read_index("noun"), read_index("verb"), read_index("adj"), read_index("adv")
    common_verbs = frequent_verbs()
    # Verbs with a tagged sense, a verb tag in Brill, or a base form Brill has seen at all
    # ("target", "impact": mostly nouns in Brill's corpus, verbs in health writing).
    verb_lemmas = {v for v in verbs if v in common_verbs or v in brill}

    tags = collections.defaultdict(set)
    for w, codes in brill.items():
        tags[w] |= codes
    for v in verb_lemmas:
        tags[v].add("v")
        tags[third_person(v)].add("z")
        tags[gerund(v, known)].add("g")
        p = past(v, known)
        tags[p] |= {"d", "e"}
    # Irregular verb forms: Brill says whether a form is a past tense or a participle. A verb
    # with a single irregular past form uses it for both ("kept", "left").
    forms_of = collections.defaultdict(set)
    for form, lemma in read_exc("verb"):
        if not form.endswith(("ing", "s")):
            forms_of[lemma].add(form)
    for form, lemma in read_exc("verb"):
        if lemma in verb_lemmas and len(forms_of[lemma]) == 1 and form in forms_of[lemma]:
            tags[form] |= {"d", "e"}
        if lemma not in verb_lemmas or not form.isalpha():
            continue
        codes = brill.get(form, set()) & set("zdeg")
        if not codes:
            if form.endswith("ing"):
                codes = {"g"}
            elif form.endswith("s") and not form.endswith("ss"):
                codes = {"z"}
            else:
                codes = {"d", "e"}
        tags[form] |= codes
        # The regular guess is wrong for an irregular verb ("eated").
        regular = past(lemma, known)
        if regular != form and regular in tags and regular not in known:
            del tags[regular]
    for w in list(tags):
        # Regular "-ed" forms are both past tense and participle ("taped").
        if w.endswith("ed") and tags[w] & {"d", "e"}:
            tags[w] |= {"d", "e"}
        if w in nouns:
            tags[w].add("n")
        if w in adjs:
            tags[w].add("a")
        if w in advs:
            tags[w].add("r")
    # Plural nouns that are also verb -s forms ("causes", "treats").
    for n in nouns:
        if len(n) < 3:
            continue  # "i" (iodine) would make "is" a plural noun
        pl = plural(n)
        if pl in tags:
            tags[pl].add("p")
    for form, lemma in read_exc("noun"):
        if form in tags:
            tags[form].add("p")

    # Brill's single tag is the word's most frequent reading: it goes first, the rest follow in
    # a fixed order ("risk\tnv": mostly a noun, can be a verb).
    # Irregular plurals ("children", "teeth") are kept although they are only nouns: a
    # number the suffix rules cannot guess matters for subject-verb agreement.
    irregular_plurals = {form for form, lemma in read_exc("noun") if form.isalpha() and not form.endswith("s")}
    for form in irregular_plurals:
        tags[form].add("p")
    keep = {}
    for w, codes in tags.items():
        if not codes or (codes <= set("npa") and w not in irregular_plurals):
            continue
        if not w.replace("-", "").replace("'", "").isalpha() or len(w) > 24:
            continue
        primary = [c for c in ORDER if c in brill.get(w, set())][:1]
        keep[w] = "".join(primary + [c for c in ORDER if c in codes and c not in primary])

    header = [
        "# Part-of-speech lexicon for the sentence checkers: word<TAB>possible tags.",
        "# Built by Scripts/build_pos_lexicon.py from WordNet 3.0 (Princeton University, WordNet licence)",
        "# and the Brill tagger lexicon (Brill 1993, MIT licence; as shipped in TextBlob 0.20.1, MIT).",
        "# See Rules/pos-lexicon.README.txt for sources, licences and tag codes. Do not edit by hand.",
    ]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(header) + "\n")
        for w in sorted(keep):
            f.write(f"{w}\t{keep[w]}\n")
    print(f"{len(keep)} words -> {args.out} ({os.path.getsize(args.out)} bytes)")


if __name__ == "__main__":
    main()
