#!/usr/bin/env python3
"""Builds the labelled sentence set: Fixtures/sentences/dev.tsv and heldout.tsv.

Input: clean.txt (hand-written clean sentences, main verb marked {finite|base|gerund}) and
handwritten.tsv (hand-written units of every family, and labels/headings that must stay quiet).
Defects are generated from the clean sentences: fuse two (run-on, fused subordinate clause,
comma splice), cut a sentence to its participle or infinitive phrase, put a subordinator in
front of it, drop its main verb, lowercase it after a period, and lead-ins whose list is gone.

The clean sentences are split 80/20 *before* anything is generated, and every held-out unit is
built only from held-out sentences, so nothing in heldout.tsv shares a sentence with dev.tsv.
Hand-written units go to held-out when a hash of their text says so (one in five).

Deterministic (fixed seed): rerun it and the files do not change.
  python3 Fixtures/sentences/generate.py
"""
import hashlib
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261124
FAMILIES = ["run-on", "fused-subordinate", "lowercase-start", "participle-fragment", "subordinate-fragment",
            "noun-phrase-fragment", "dangling-lead-in", "comma-splice"]


class Sentence:
    def __init__(self, line):
        m = re.search(r"\{([^}|]*)\|([^}|]*)\|([^}|]*)\}", line)
        self.pre = line[:m.start()].strip()
        self.finite, self.base, self.gerund = m.group(1), m.group(2), m.group(3)
        self.post = line[m.end():].strip()
        self.text = f"{self.pre} {self.finite} {self.post}".strip()

    @property
    def body(self):  # without the final period
        return self.text[:-1] if self.text.endswith(".") else self.text

    @property
    def tail(self):  # what follows the verb, without the final period
        return self.post[:-1] if self.post.endswith(".") else self.post


def lowerfirst(s):
    first = s.split(" ", 1)[0]
    # Names, acronyms and "I" keep their capitals.
    if first == "I" or (len(first) > 1 and first[1:].lower() != first[1:]) or first in PROPER:
        return s
    return s[0].lower() + s[1:]


PROPER: set = set()  # first words that are names; clean.txt starts none with a name


def read_clean():
    annotated, plain = [], []
    with open(os.path.join(HERE, "clean.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("!"):
                plain.append(line[1:].strip())
            else:
                annotated.append(Sentence(line))
    return annotated, plain


def read_handwritten():
    units = []
    with open(os.path.join(HERE, "handwritten.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            label, blocks = line.split("\t", 1)
            units.append((label, blocks.strip()))
    return units


def held_out(text):
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % 5 == 0


COUNT_NOUNS = ["warning signs", "simple steps", "common causes", "side effects", "questions to ask", "foods to avoid",
               "ways to sleep better", "things to pack", "risk factors", "tips for parents"]
COUNT_WORDS = ["Three", "Four", "Five", "Six"]
HEADINGS = ["When to see a doctor", "Treatment options", "How to prevent it", "Living with the condition",
            "Causes and risk factors", "What to expect", "Getting help", "Related conditions", "Self-care at home",
            "Questions and answers"]
LEADIN_TEMPLATES = ["{count} {noun} are listed below:", "Here are the {noun} you should know about:",
                    "Watch out for these {noun}:", "Our nurses suggest the following {noun}:",
                    "The {noun} are as follows:", "Keep these {noun} in mind:"]
SUBS_FUSED = ["Although", "Because", "While", "When", "Even though"]
SUBS_FRAGMENT = ["Because", "Although", "Even though", "Whereas", "Unless", "So that"]


def generate(pool, plain, rng, per_family):
    units = []
    for s in pool:
        units.append(("ok", s.text))
    for p in plain:
        units.append(("ok", p))
    # Clean two-sentence paragraphs.
    for _ in range(per_family):
        a, b = rng.sample(pool, 2)
        units.append(("ok", f"{a.text} {b.text}"))

    def pairs():
        a, b = rng.sample(pool, 2)
        return a, b

    for _ in range(per_family):
        a, b = pairs()
        units.append(("run-on", f"{a.body} {b.text}"))
    for _ in range(per_family):
        a, b = pairs()
        sub = rng.choice(SUBS_FUSED)
        second = f"But {lowerfirst(b.text)}" if rng.random() < 0.4 else b.text
        units.append(("fused-subordinate", f"{sub} {lowerfirst(a.body)} {second}"))
    for i in range(per_family):
        p, a = pairs()
        if i % 2 == 0:
            units.append(("lowercase-start", f"{p.text} {lowerfirst(a.text)}"))
        else:
            units.append(("lowercase-start", f"{p.text} {a.gerund} {a.post}"))
    for i in range(per_family):
        p, a = pairs()
        if len(a.post.split()) < 2:
            continue
        if i % 3 == 2:
            units.append(("participle-fragment", f"{p.text} To {a.base} {a.post}"))
        else:
            g = a.gerund[0].upper() + a.gerund[1:]
            units.append(("participle-fragment", f"{p.text} {g} {a.post}"))
    for _ in range(per_family):
        p, a = pairs()
        sub = rng.choice(SUBS_FRAGMENT)
        units.append(("subordinate-fragment", f"{p.text} {sub} {lowerfirst(a.text)}"))
    made = 0
    for s in rng.sample(pool, len(pool)):
        if made >= per_family:
            break
        if not s.pre or len(s.post.split()) < 2 or len((s.pre + " " + s.post).split()) < 5:
            continue
        p = rng.choice(pool)
        units.append(("noun-phrase-fragment", f"{p.text} {s.pre} {s.post}"))
        made += 1
    for i in range(per_family):
        tmpl = rng.choice(LEADIN_TEMPLATES)
        lead = tmpl.format(count=rng.choice(COUNT_WORDS), noun=rng.choice(COUNT_NOUNS))
        lead = lead[0].upper() + lead[1:]
        p = rng.choice(pool)
        kind = i % 3
        if kind == 0:
            units.append(("dangling-lead-in", f"{p.text} {lead} || h: {rng.choice(HEADINGS)} || {rng.choice(pool).text}"))
        elif kind == 1:
            units.append(("dangling-lead-in", f"{p.text} {lead}"))
        else:
            units.append(("dangling-lead-in", f"{p.text} The {rng.choice(['table', 'list', 'chart'])} below shows the {rng.choice(COUNT_NOUNS)}."))
    # Clean lead-ins with their list: must stay quiet.
    for i in range(per_family // 2):
        tmpl = rng.choice(LEADIN_TEMPLATES)
        noun = rng.choice(COUNT_NOUNS)
        lead = tmpl.format(count="Three", noun=noun)
        items = " || ".join(f"li: {rng.choice(pool).text}" for _ in range(3))
        units.append(("ok", f"{lead} || {items}"))
    for _ in range(per_family):
        a, b = pairs()
        pronoun = "it" if b.finite.split()[0].endswith("s") and not b.pre.lower().endswith("s") else "they"
        units.append(("comma-splice", f"{a.body}, {pronoun} {b.finite} {b.post}"))
    return units


def main():
    rng = random.Random(SEED)
    annotated, plain = read_clean()
    rng.shuffle(annotated)
    cut = len(annotated) // 5
    held_pool, dev_pool = annotated[:cut], annotated[cut:]
    plain_held = [p for p in plain if held_out(p)]
    plain_dev = [p for p in plain if not held_out(p)]
    dev = generate(dev_pool, plain_dev, random.Random(SEED + 1), per_family=36)
    held = generate(held_pool, plain_held, random.Random(SEED + 2), per_family=9)
    for label, blocks in read_handwritten():
        (held if held_out(blocks) else dev).append((label, blocks))
    for name, units in (("dev.tsv", dev), ("heldout.tsv", held)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            f.write(f"# Generated by Fixtures/sentences/generate.py from clean.txt and handwritten.tsv. Do not edit.\n")
            f.write("# LABEL<TAB>BLOCKS (blocks separated by ' || ', kinds h:/cap:/li:/oli:/q:, else paragraph)\n")
            for label, blocks in units:
                f.write(f"{label}\t{blocks}\n")
        counts = {}
        for label, _ in units:
            counts[label] = counts.get(label, 0) + 1
        print(name, len(units), dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
