import CLibXML2

/// Decides which `article` / `main` / `role="main"` elements are the page's main content.
///
/// `<main>` and `role="main"` always are. An `<article>` is unless it sits in page chrome: an
/// `aside`/`nav`/`footer`/`header` ancestor, an ancestor with a chrome role, or an ancestor
/// marked as chrome by `id`/`class` that does not hold the page's `<h1>` (a marked wrapper such
/// as `has-sidebar` around the whole article is not chrome). So teaser cards in a sidebar and
/// WordPress-style `<article class="comment-body">` comments are not landmarks.
struct HTMLLandmarks {
    /// Marked ancestors already searched for an `<h1>`: many candidates share them (every
    /// comment in one comment section). A short array, not a dictionary keyed by node.
    private var h1Cache: [(node: xmlNodePtr, hasH1: Bool)] = []

    mutating func mainLandmarks(among candidates: [xmlNodePtr]) -> [xmlNodePtr] {
        candidates.filter { isMainLandmark($0) }
    }

    private mutating func isMainLandmark(_ n: xmlNodePtr) -> Bool {
        guard let name = n.pointee.name else { return false }
        if HTMLTag.bytesEqual(name, "main") || Self.hasRoleMain(n) { return true }
        return !isInsideChrome(n)
    }

    private mutating func isInsideChrome(_ node: xmlNodePtr) -> Bool {
        var p = node.pointee.parent
        while let a = p, a.pointee.type == XML_ELEMENT_NODE, let name = a.pointee.name {
            switch HTMLTag.classify(name) {
            case .header: return true
            case .chrome where !HTMLTag.bytesEqual(name, "form"): return true
            case .html: return false
            default: break
            }
            if !HTMLTag.bytesEqual(name, "body") && isMarked(a) && !holdsH1(a) { return true }
            p = a.pointee.parent
        }
        return false
    }

    private func isMarked(_ n: xmlNodePtr) -> Bool {
        var attr = n.pointee.properties
        while let at = attr {
            if let an = at.pointee.name, let value = at.pointee.children?.pointee.content {
                if HTMLTag.bytesEqual(an, "role") && ChromeMarkers.roleMarksChrome(value) { return true }
                if (HTMLTag.bytesEqual(an, "class") || HTMLTag.bytesEqual(an, "id"))
                    && ChromeMarkers.marksChrome(value, structural: false) {
                    return true
                }
            }
            attr = at.pointee.next
        }
        return false
    }

    private mutating func holdsH1(_ n: xmlNodePtr) -> Bool {
        if let hit = h1Cache.first(where: { $0.node == n }) { return hit.hasH1 }
        let has = Self.findElement(under: n) { _, name in HTMLTag.bytesEqual(name, "h1") }
        if h1Cache.count < 32 { h1Cache.append((n, has)) }
        return has
    }

    static func hasRoleMain(_ n: xmlNodePtr) -> Bool {
        var a = n.pointee.properties
        while let attr = a {
            if let an = attr.pointee.name, HTMLTag.bytesEqual(an, "role"), let v = attr.pointee.children?.pointee.content,
               HTMLTag.bytesEqualIgnoringCase(v, "main") {
                return true
            }
            a = attr.pointee.next
        }
        return false
    }

    /// Depth-first search of `root`'s subtree for an element matching `match`; iterative.
    static func findElement(under root: xmlNodePtr, _ match: (xmlNodePtr, UnsafePointer<xmlChar>) -> Bool) -> Bool {
        var node = root.pointee.children
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE, let name = n.pointee.name {
                if match(n, name) { return true }
                if let child = n.pointee.children {
                    node = child
                    continue
                }
            }
            var cur = n
            node = nil
            while true {
                if let next = cur.pointee.next {
                    node = next
                    break
                }
                guard let parent = cur.pointee.parent, parent != root else { break }
                cur = parent
            }
        }
        return false
    }
}
