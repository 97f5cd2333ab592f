#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// Exact byte-wise substring search. Foundation's `contains` goes through `CFStringFind`
    /// with locale handling and was several percent of a run on link checks; lexicon and URL
    /// tests need only exact bytes.
    public func containsBytes(_ needle: some StringProtocol) -> Bool {
        var haystack = String(self)
        var needle = String(needle)
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first && memcmp(hb + i, nb, n.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }
}
