import ClaimlintCore
import ClaimlintIngest
import Testing

/// Small documents that exercise one Markdown construct each: the text they must read as, and
/// every token must map back to bytes that spell it.
private let edgeCases: [(markdown: String, texts: [String])] = [
    ("| a \\| b | `c \\| d` |\n|---|---|\n| x &amp; y | z |\n", ["a | b", "x & y", "z"]),
    ("[![alt text](i.png)](https://u.example) after\n", ["after", "alt text"]),
    ("![ref alt][logo] and text\n\n[logo]: /logo.png \"Logo\"\n", ["and text", "ref alt"]),
    ("1. one\n2. two\n   - inner a\n   - inner b\n3. three\n", ["one", "two", "inner a", "inner b", "three"]),
    ("line<br>next<br/>last\n", ["line next last"]),
    ("Setext heading\nover two lines\n---\n", ["Setext heading over two lines"]),
    ("> a [link that\n> spans](https://u.example\n> \"title\") lines\n", ["a link that spans lines"]),
    ("## Heading with closing ##\n", ["Heading with closing"]),
    ("tab\there and snake_case_word\n", ["tab here and snake_case_word"]),
    ("[^1]: first para\n\n    second para\n\nText[^1].\n", ["Text[1].", "first para", "second para"]),
    ("a <!-- multi\nline comment --> b\n", ["a b"]),
    ("[ref]: https://u.example\n  \"a title\"\nThe ref text.\n", ["The ref text."]),
    ("x&nbsp;y &copy; &#169; &#xA9;\r\nnext  \r\nline\r\n", ["x\u{A0}y © © © next line"]),
    ("Text with <https://auto.example/a?b=1&c=2> link.\n", ["Text with https://auto.example/a?b=1&c=2 link."]),
    ("* [ ] unchecked task\n* [x] checked task\n", ["unchecked task", "checked task"]),
    ("", []),
    ("---\ntitle: Only front matter\n---\n", ["Only front matter"]),
    ("***bold italic*** and __strong__ and ~one tilde~\n", ["bold italic and strong and"]),
    ("Emoji 👩‍⚕️ and 日本語、テキスト。\n", ["Emoji 👩‍⚕️ and 日本語、テキスト。"]),
    // Top-level raw HTML blocks are read by the HTML front end (Markdown inside is not Markdown);
    // comment-only blocks and scripts give no text.
    ("<div class=\"note\">\nRaw &amp; HTML <b>text</b>\n</div>\n\n<!-- just a comment -->\n\n<script>var x = 1;</script>\n\nAfter *html*.\n",
     ["Raw & HTML text", "After html."]),
    ("> <div>quoted raw html</div>\n\n- <p>item html</p>\n", []),
    ("Use `code` and ``more ` code`` here.\n", ["Use and here."]),
    // cmark-gfm gives the paragraph line before a table no position, and the header cells
    // positions on that line.
    ("# H\n\nIntro line with `code`, then more.\n| head one | head two |\n|---|---|\n| c1 | c2 |\n",
     ["H", "Intro line with , then more.", "head one", "head two", "c1", "c2"]),
    ("Ann Lee <ann@example.org, ann@example.com> wrote <https://a.example> today.\n",
     ["Ann Lee <ann@example.org, ann@example.com> wrote https://a.example today."]),
    // Site-generator syntax is not prose: Hugo shortcodes, Liquid tags, admonition fences.
    ("Intro {{< ref \"zinc.md\" >}} text and {{% note %}}inline{{% /note %}} end.\n\n{{< figure src=\"a.jpg\"\n  caption=\"Photo: Shutterstock\" >}}\n\nAfter {{ page.title }} and {% include x.html %}.\n",
     ["Intro text and inline end.", "After and ."]),
    (":::tip[Check the label]\nStore below 25 °C.\n:::\n\n::: warning\nKeep away from children.\n:::\nAfter.\n",
     ["Store below 25 °C.", "Keep away from children.", "After."]),
    ("Set `{{ x }}` here; braces { alone } and {{unclosed\n\nstay}}.\n", ["Set here; braces { alone } and {{unclosed", "stay}}."]),
    ("\\# not a heading \\[not a link\\]\n", ["# not a heading [not a link]"]),
]

@Test(arguments: edgeCases.indices)
func markdownConstructsReadAndMapExactly(_ index: Int) throws {
    let (markdown, texts) = edgeCases[index]
    let doc = try parseMarkdown(markdown)
    #expect(doc.blocks.map(\.text) == texts, "\(markdown.debugDescription)\n\(dump(doc))")
    #expect(doc.warnings.isEmpty, "\(doc.warnings)")
    expectTokensMapExactly(doc)
}

@Test func manyRawHTMLBlocksStayInOrderAndFast() throws {
    let n = 20_000
    let markdown = (0..<n).map { "<p>html \($0)</p>\n\nmd \($0)\n" }.joined(separator: "\n")
    let clock = ContinuousClock()
    var doc: Document?
    let elapsed = try clock.measure { doc = try parseMarkdown(markdown) }
    let texts = doc?.blocks.map(\.text) ?? []
    #expect(texts.count == 2 * n)
    #expect(texts.prefix(4) == ["html 0", "md 0", "html 1", "md 1"])
    #expect(texts.suffix(2) == ["html \(n - 1)", "md \(n - 1)"])
    // Linear: well under a second per 10,000 blocks even in a debug build on a busy machine.
    #expect(elapsed < .seconds(20))
}
