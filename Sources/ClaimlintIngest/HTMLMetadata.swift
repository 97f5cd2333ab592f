import CLibXML2
import ClaimlintCore
import Foundation

/// Collects page facts from `<meta>`, `<html lang>`, `<time datetime>` and schema.org
/// JSON-LD while the walker passes them. Precedence for dates: explicit meta tags, then
/// JSON-LD, then the first `<time datetime>` in the main content.
struct HTMLMetadataCollector {
    var title: String?
    var language: String?
    private var description: String?
    private var metaAuthors: [String] = []
    private var metaPublished: String?
    private var metaModified: String?
    private var ldPublished: String?
    private var ldModified: String?
    private var ldAuthors: [String] = []
    private var ldReviewers: [String] = []
    private var firstMainTime: String?
    private var disclaimerFlag: Bool?
    private var extra: [String: String] = [:]

    mutating func readMeta(name rawName: String?, content rawContent: String?) {
        guard let rawName, let rawContent else { return }
        let name = rawName.lowercased()
        let content = rawContent.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !content.isEmpty else { return }
        switch name {
        case "author":
            if !metaAuthors.contains(content) { metaAuthors.append(content) }
        case "description":
            if description == nil { description = content }
        case "article:published_time":
            if metaPublished == nil { metaPublished = content }
        case "article:modified_time":
            if metaModified == nil { metaModified = content }
        case "claimlint:disclaimer":
            switch content.lowercased() {
            case "true", "yes", "1": disclaimerFlag = true
            case "false", "no", "0": disclaimerFlag = false
            default: break
            }
        default:
            break
        }
        if name.hasPrefix("og:") || name.hasPrefix("article:") || name.hasPrefix("dc.") || name.hasPrefix("citation_") {
            if extra[name] == nil { extra[name] = content }
        }
    }

    mutating func noteTime(_ datetime: String) {
        let v = datetime.trimmingCharacters(in: .whitespacesAndNewlines)
        if firstMainTime == nil && !v.isEmpty { firstMainTime = v }
    }

    /// Reads a `<script type="application/ld+json">` body. Malformed JSON is ignored: it is
    /// the page's problem, not a reason to refuse the article.
    mutating func readJSONLD(_ bytes: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return }
        visit(object, depth: 0)
    }

    private mutating func visit(_ object: Any, depth: Int) {
        guard depth < 6 else { return }
        if let array = object as? [Any] {
            for o in array { visit(o, depth: depth + 1) }
            return
        }
        guard let dict = object as? [String: Any] else { return }
        if ldPublished == nil, let s = dict["datePublished"] as? String { ldPublished = s }
        if ldModified == nil, let s = dict["dateModified"] as? String { ldModified = s }
        // Medical pages often state when a clinician last reviewed them.
        if extra["schema:lastReviewed"] == nil, let s = dict["lastReviewed"] as? String { extra["schema:lastReviewed"] = s }
        // A review says what it reviews: a game, film or book review is not health advice.
        if extra["schema:itemReviewed"] == nil, let item = dict["itemReviewed"] as? [String: Any], let type = item["@type"] as? String {
            extra["schema:itemReviewed"] = type
        }
        if let a = dict["author"] {
            for n in Self.names(a) where !ldAuthors.contains(n) { ldAuthors.append(n) }
        }
        if let r = dict["reviewedBy"] {
            for n in Self.names(r) where !ldReviewers.contains(n) { ldReviewers.append(n) }
        }
        for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
            if let inner = dict[key], !(inner is String) { visit(inner, depth: depth + 1) }
        }
    }

    private static func names(_ value: Any) -> [String] {
        if let s = value as? String { return s.isEmpty ? [] : [s] }
        if let d = value as? [String: Any], let n = d["name"] as? String, !n.isEmpty { return [n] }
        if let a = value as? [Any] { return a.flatMap(names) }
        return []
    }

    func finish() -> DocumentMetadata {
        var m = DocumentMetadata()
        m.title = title
        m.language = language?.trimmingCharacters(in: .whitespaces)
        m.description = description
        m.authors = metaAuthors
        for a in ldAuthors where !m.authors.contains(a) { m.authors.append(a) }
        m.reviewers = ldReviewers
        m.datePublished = metaPublished ?? ldPublished ?? firstMainTime
        m.dateModified = metaModified ?? ldModified
        m.disclaimerFlag = disclaimerFlag
        m.extra = extra
        return m
    }
}

/// Character references inside raw attribute values (the parser's DOM holds them decoded,
/// without positions).
enum HTMLEntities {
    /// Appends the raw value `range` of `src` to `builder`: plain bytes verbatim, each
    /// `&name;` / `&#n;` / `&#xh;` as its decoded text mapped to the reference.
    static func appendRaw(_ src: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into builder: inout BlockTextBuilder) {
        var s = range.lowerBound
        var i = s
        let end = range.upperBound
        while i < end {
            guard src[i] == UInt8(ascii: "&") else {
                i += 1
                continue
            }
            var semi = i + 1
            while semi < end && semi - i < 40 && src[semi] != UInt8(ascii: ";") && src[semi] != UInt8(ascii: "&") { semi += 1 }
            guard semi < end, src[semi] == UInt8(ascii: ";"), let scalar = decode(src, i + 1..<semi) else {
                i += 1
                continue
            }
            if i > s { builder.appendVerbatim(UnsafeBufferPointer(rebasing: src[s..<i]), range: s..<i) }
            if scalar.value == 0xA0 {
                builder.appendSpace(range: i..<semi + 1)
            } else {
                builder.appendMapped(String(Character(scalar)), range: i..<semi + 1)
            }
            i = semi + 1
            s = i
        }
        if s < end { builder.appendVerbatim(UnsafeBufferPointer(rebasing: src[s..<end]), range: s..<end) }
    }

    /// The scalar a whole reference (`&amp;`, `&#8217;`, `&#x2014`) stands for.
    static func decodeReference(_ src: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Unicode.Scalar? {
        guard r.count >= 2 else { return nil }
        let bodyEnd = src[r.upperBound - 1] == UInt8(ascii: ";") ? r.upperBound - 1 : r.upperBound
        return decode(src, r.lowerBound + 1..<bodyEnd)
    }

    /// The scalar a reference body (between `&` and `;`) stands for.
    static func decode(_ src: UnsafeBufferPointer<UInt8>, _ body: Range<Int>) -> Unicode.Scalar? {
        guard !body.isEmpty else { return nil }
        if src[body.lowerBound] == UInt8(ascii: "#") {
            var i = body.lowerBound + 1
            var radix: UInt32 = 10
            if i < body.upperBound && (src[i] == UInt8(ascii: "x") || src[i] == UInt8(ascii: "X")) {
                radix = 16
                i += 1
            }
            guard i < body.upperBound else { return nil }
            var v: UInt32 = 0
            while i < body.upperBound {
                let c = src[i]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: d = UInt32(c - UInt8(ascii: "A") + 10)
                default: return nil
                }
                v = v * radix + d
                if v > 0x10FFFF { return nil }
                i += 1
            }
            return v == 0 ? nil : Unicode.Scalar(v)
        }
        var name = Array(src[body])
        name.append(0)
        guard let entity = htmlEntityLookup(name) else { return nil }
        return Unicode.Scalar(entity.pointee.value)
    }
}
