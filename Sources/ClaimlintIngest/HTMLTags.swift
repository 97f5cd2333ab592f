import CLibXML2

/// What an element means to the walker, decided from its name bytes (libxml2 lowercases
/// HTML tag names) without building a String per element.
enum HTMLTag: Equatable {
    /// Text that is not prose: scripts, styles, code, form controls, embedded documents.
    case skip
    case script
    case title
    case heading(Int)
    /// `p`, `dt`, `dd`: a paragraph unless it sits in a list item, cell or quote.
    case paragraph
    case listItem
    case cell(header: Bool)
    case blockquote
    /// `figcaption` and table `caption`.
    case caption
    case list(ordered: Bool)
    /// `article`, `main`: the page's main content.
    case landmark
    /// `nav`, `aside`, `footer`, `form`: page chrome wherever it sits.
    case chrome
    /// `header`: chrome outside a main landmark, part of the article inside one.
    case header
    /// Elements that break a run of text (div, section, table, figure, HTML5 sectioning...).
    case boundary
    case image
    case lineBreak
    case link
    case superscript
    case cite
    case inlineQuote
    case meta
    case html
    case time
    /// Everything else: inline elements and unknown tags keep their text in the run.
    case inline

    static func classify(_ name: UnsafePointer<xmlChar>) -> HTMLTag {
        let n = Int(xmlStrlen(name))
        @inline(__always) func c(_ i: Int) -> UInt8 { name[i] }
        @inline(__always) func eq(_ s: StaticString) -> Bool {
            guard s.utf8CodeUnitCount == n else { return false }
            let p = s.utf8Start
            for i in 0..<n where p[i] != name[i] { return false }
            return true
        }
        switch n {
        case 1:
            switch c(0) {
            case UInt8(ascii: "p"): return .paragraph
            case UInt8(ascii: "a"): return .link
            case UInt8(ascii: "q"): return .inlineQuote
            default: return .inline
            }
        case 2:
            if c(0) == UInt8(ascii: "h") && c(1) >= UInt8(ascii: "1") && c(1) <= UInt8(ascii: "6") {
                return .heading(Int(c(1) - UInt8(ascii: "0")))
            }
            if eq("li") { return .listItem }
            if eq("td") { return .cell(header: false) }
            if eq("th") { return .cell(header: true) }
            if eq("ul") { return .list(ordered: false) }
            if eq("ol") { return .list(ordered: true) }
            if eq("br") { return .lineBreak }
            if eq("dt") || eq("dd") { return .paragraph }
            if eq("tr") || eq("dl") || eq("hr") { return .boundary }
            return .inline
        case 3:
            if eq("div") { return .boundary }
            if eq("nav") { return .chrome }
            if eq("img") { return .image }
            if eq("sup") { return .superscript }
            if eq("pre") || eq("kbd") || eq("svg") { return .skip }
            return .inline
        case 4:
            if eq("code") || eq("math") { return .skip }
            if eq("cite") { return .cite }
            if eq("main") { return .landmark }
            if eq("form") { return .chrome }
            if eq("meta") { return .meta }
            if eq("html") { return .html }
            if eq("time") { return .time }
            if eq("body") { return .boundary }
            if eq("menu") { return .list(ordered: false) }
            return .inline
        case 5:
            if eq("title") { return .title }
            if eq("style") || eq("video") || eq("audio") { return .skip }
            if eq("aside") { return .chrome }
            if eq("table") || eq("tbody") || eq("thead") || eq("tfoot") { return .boundary }
            return .inline
        case 6:
            if eq("script") { return .script }
            if eq("iframe") || eq("select") || eq("button") || eq("object") || eq("canvas") { return .skip }
            if eq("footer") { return .chrome }
            if eq("header") { return .header }
            if eq("figure") || eq("dialog") || eq("center") || eq("hgroup") || eq("search") || eq("legend") { return .boundary }
            return .inline
        case 7:
            if eq("article") { return .landmark }
            if eq("section") || eq("details") || eq("summary") || eq("address") { return .boundary }
            if eq("caption") { return .caption }
            return .inline
        case 8:
            if eq("noscript") || eq("template") || eq("textarea") { return .skip }
            if eq("fieldset") { return .boundary }
            return .inline
        case 10:
            if eq("blockquote") { return .blockquote }
            if eq("figcaption") { return .caption }
            return .inline
        default:
            return .inline
        }
    }

    /// Whether the element, by name alone, marks the main content.
    static func isLandmarkName(_ name: UnsafePointer<xmlChar>) -> Bool {
        bytesEqual(name, "main") || bytesEqual(name, "article")
    }

    // MARK: Byte helpers

    static func bytesEqual(_ p: UnsafePointer<xmlChar>, _ s: StaticString) -> Bool {
        let q = s.utf8Start
        let n = s.utf8CodeUnitCount
        for i in 0..<n where p[i] != q[i] { return false }
        return p[n] == 0
    }

    static func bytesEqualIgnoringCase(_ p: UnsafePointer<xmlChar>, _ s: StaticString) -> Bool {
        let q = s.utf8Start
        let n = s.utf8CodeUnitCount
        for i in 0..<n where asciiLower(p[i]) != q[i] { return false }
        return p[n] == 0
    }

    static func contains(_ p: UnsafePointer<xmlChar>, _ n: Int, _ s: StaticString) -> Bool {
        let q = s.utf8Start
        let m = s.utf8CodeUnitCount
        guard n >= m else { return false }
        var i = 0
        while i + m <= n {
            var k = 0
            while k < m && asciiLower(p[i + k]) == q[k] { k += 1 }
            if k == m { return true }
            i += 1
        }
        return false
    }

    /// Case-insensitive substring search that ignores ASCII spaces on both sides
    /// (`display: none` matches `display:none`).
    static func containsIgnoringSpaces(_ p: UnsafePointer<xmlChar>, _ s: StaticString) -> Bool {
        let q = s.utf8Start
        let m = s.utf8CodeUnitCount
        var i = 0
        while p[i] != 0 {
            var j = i, k = 0
            while k < m && p[j] != 0 {
                if p[j] == 0x20 || p[j] == 0x09 {
                    j += 1
                    continue
                }
                if asciiLower(p[j]) != q[k] { break }
                j += 1
                k += 1
            }
            if k == m { return true }
            i += 1
        }
        return false
    }

    static func matches(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ s: StaticString) -> Bool {
        let q = s.utf8Start
        let m = s.utf8CodeUnitCount
        guard i >= 0 && i + m <= b.count else { return false }
        for k in 0..<m where b[i + k] != q[k] { return false }
        return true
    }

    static func matchesIgnoringCase(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ s: StaticString) -> Bool {
        let q = s.utf8Start
        let m = s.utf8CodeUnitCount
        guard i >= 0 && i + m <= b.count else { return false }
        for k in 0..<m where asciiLower(b[i + k]) != q[k] { return false }
        return true
    }
}

/// Structural chrome markers in `id`, `class` and `role` values. Matched per word part
/// (split at anything not a letter or digit) by prefix, so `post-comments`, `sharebar` and
/// `sidebar-left` match while `entry-content` does not.
enum ChromeMarkers {
    static let prefixes: [[UInt8]] = [
        "cookie", "consent", "comment", "share", "social", "newsletter", "subscribe", "breadcrumb", "sidebar",
        "related", "advert",
    ].map { Array($0.utf8) }

    /// The `div` spellings of `header`/`footer`/`nav` on pages without HTML5 landmarks
    /// (`id="footer"`, `class="site-nav"`, `class="menu"`). Only used when the page has no
    /// main landmark: inside an article, a classed footer may hold its references.
    static let structuralPrefixes: [[UInt8]] = ["header", "footer", "nav", "menu", "masthead"].map { Array($0.utf8) }

    static let roles: [[UInt8]] = ["navigation", "banner", "contentinfo", "complementary", "search"].map { Array($0.utf8) }

    static func marksChrome(_ value: UnsafePointer<xmlChar>, structural: Bool) -> Bool {
        marks(value, prefixes) || (structural && marks(value, structuralPrefixes))
    }

    private static func marks(_ value: UnsafePointer<xmlChar>, _ prefixes: [[UInt8]]) -> Bool {
        var i = 0
        while value[i] != 0 {
            while value[i] != 0 && !isAlnum(value[i]) { i += 1 }
            let start = i
            while value[i] != 0 && isAlnum(value[i]) { i += 1 }
            if i > start {
                for p in prefixes where i - start >= p.count {
                    var k = 0
                    while k < p.count && asciiLower(value[start + k]) == p[k] { k += 1 }
                    if k == p.count { return true }
                }
            }
        }
        return false
    }

    static func roleMarksChrome(_ value: UnsafePointer<xmlChar>) -> Bool {
        let n = Int(xmlStrlen(value))
        for r in roles where r.count == n {
            var k = 0
            while k < n && asciiLower(value[k]) == r[k] { k += 1 }
            if k == n { return true }
        }
        return false
    }

    @inline(__always)
    static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }
}
