import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The optional deep stage: Link Grammar (Debian `liblink-grammar5`, LGPL-2.1), loaded at run
/// time with dlopen so the binary has no link-time dependency on it and works without it.
/// It is asked only about units the fast stage decided on weak evidence, never about every
/// sentence. The signal is the best complete parse (no null links): its links from the left
/// wall (WV to the head verb, Wd/Wi/Wq... for declaratives, imperatives, questions, Wa for a
/// bare noun phrase), or no complete parse at all, which short verbless units usually get.
final class LinkGrammarParser: @unchecked Sendable {
    enum SentenceType: Sendable, Equatable {
        case clause, nounPhrase, unparsed
    }

    private typealias DictionaryCreate = @convention(c) (UnsafePointer<CChar>) -> OpaquePointer?
    private typealias OptionsCreate = @convention(c) () -> OpaquePointer?
    private typealias OptionsSetInt = @convention(c) (OpaquePointer?, Int32) -> Void
    private typealias SentenceCreate = @convention(c) (UnsafePointer<CChar>, OpaquePointer?) -> OpaquePointer?
    private typealias SentenceParse = @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32
    private typealias SentenceDelete = @convention(c) (OpaquePointer?) -> Void
    private typealias LinkageCreate = @convention(c) (Int, OpaquePointer?, OpaquePointer?) -> OpaquePointer?
    private typealias LinkageDelete = @convention(c) (OpaquePointer?) -> Void
    private typealias LinkageCount = @convention(c) (OpaquePointer?) -> Int
    private typealias LinkageIndex = @convention(c) (OpaquePointer?, Int) -> Int
    private typealias LinkageLabel = @convention(c) (OpaquePointer?, Int) -> UnsafePointer<CChar>?

    private let dictionary: OpaquePointer
    private let options: OpaquePointer
    private let sentenceCreate: SentenceCreate
    private let sentenceParse: SentenceParse
    private let sentenceDelete: SentenceDelete
    private let linkageCreate: LinkageCreate
    private let linkageDelete: LinkageDelete
    private let numLinks: LinkageCount
    private let linkLeft: LinkageIndex
    private let linkLabel: LinkageLabel
    /// Link Grammar keeps global state (locale, error handler, dictionary loading): every
    /// call into it, loading included, goes through one lock.
    static let lock = NSLock()
    private var lock: NSLock { Self.lock }

    /// Library file names to try, newest first.
    static let libraryNames = ["liblink-grammar.so.5", "liblink-grammar.so", "liblink-grammar.5.dylib", "liblink-grammar.dylib"]

    /// Loads the library and the English dictionary, or explains why it could not.
    static func load(libraryNames names: [String] = libraryNames) -> Result<LinkGrammarParser, LoadError> {
        lock.lock()
        defer { lock.unlock() }
        var handle: UnsafeMutableRawPointer?
        for name in names {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        guard let handle else { return .failure(LoadError(message: "the Link Grammar library (Debian package liblink-grammar5) is not installed")) }
        func symbol<T>(_ name: String, _: T.Type) -> T? {
            guard let p = dlsym(handle, name) else { return nil }
            return unsafeBitCast(p, to: T.self)
        }
        guard let dictionaryCreate = symbol("dictionary_create_lang", DictionaryCreate.self),
              let optionsCreate = symbol("parse_options_create", OptionsCreate.self),
              let setVerbosity = symbol("parse_options_set_verbosity", OptionsSetInt.self),
              let setLinkageLimit = symbol("parse_options_set_linkage_limit", OptionsSetInt.self),
              let setMaxNull = symbol("parse_options_set_max_null_count", OptionsSetInt.self),
              let setMaxTime = symbol("parse_options_set_max_parse_time", OptionsSetInt.self),
              let sentenceCreate = symbol("sentence_create", SentenceCreate.self),
              let sentenceParse = symbol("sentence_parse", SentenceParse.self),
              let sentenceDelete = symbol("sentence_delete", SentenceDelete.self),
              let linkageCreate = symbol("linkage_create", LinkageCreate.self),
              let linkageDelete = symbol("linkage_delete", LinkageDelete.self),
              let numLinks = symbol("linkage_get_num_links", LinkageCount.self),
              let linkLeft = symbol("linkage_get_link_lword", LinkageIndex.self),
              let linkLabel = symbol("linkage_get_link_label", LinkageLabel.self)
        else { return .failure(LoadError(message: "the Link Grammar library lacks the functions claimlint uses")) }
        // Link Grammar prints notes (locale, dictionary) to stdout and stderr, which would
        // corrupt JSON reports: route them to a handler that drops them.
        typealias ErrorHandler = @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void
        typealias SetHandler = @convention(c) (ErrorHandler?, UnsafeMutableRawPointer?) -> ErrorHandler?
        if let setHandler = symbol("lg_error_set_handler", SetHandler.self) {
            _ = setHandler({ _, _ in }, nil)
        }
        guard let options = optionsCreate() else { return .failure(LoadError(message: "Link Grammar could not create parse options")) }
        setVerbosity(options, 0)
        setLinkageLimit(options, 10)
        setMaxNull(options, 0)  // only complete parses count as evidence
        setMaxTime(options, 1)
        guard let dictionary = "en".withCString({ dictionaryCreate($0) }) else {
            return .failure(LoadError(message: "the Link Grammar English dictionary (link-grammar-dictionaries-en) is missing"))
        }
        return .success(LinkGrammarParser(dictionary: dictionary, options: options, sentenceCreate: sentenceCreate, sentenceParse: sentenceParse,
                                          sentenceDelete: sentenceDelete, linkageCreate: linkageCreate, linkageDelete: linkageDelete,
                                          numLinks: numLinks, linkLeft: linkLeft, linkLabel: linkLabel))
    }

    struct LoadError: Error, Sendable { var message: String }

    private init(dictionary: OpaquePointer, options: OpaquePointer, sentenceCreate: SentenceCreate, sentenceParse: SentenceParse,
                 sentenceDelete: SentenceDelete, linkageCreate: LinkageCreate, linkageDelete: LinkageDelete,
                 numLinks: LinkageCount, linkLeft: LinkageIndex, linkLabel: LinkageLabel) {
        self.dictionary = dictionary
        self.options = options
        self.sentenceCreate = sentenceCreate
        self.sentenceParse = sentenceParse
        self.sentenceDelete = sentenceDelete
        self.linkageCreate = linkageCreate
        self.linkageDelete = linkageDelete
        self.numLinks = numLinks
        self.linkLeft = linkLeft
        self.linkLabel = linkLabel
    }

    /// The labels of the links from the left wall of the best complete parse (for tests and tuning).
    func wallLabels(_ text: String) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        guard let sentence = text.withCString({ sentenceCreate($0, dictionary) }) else { return nil }
        defer { sentenceDelete(sentence) }
        guard sentenceParse(sentence, options) > 0, let linkage = linkageCreate(0, sentence, options) else { return nil }
        defer { linkageDelete(linkage) }
        return (0..<numLinks(linkage)).filter { linkLeft(linkage, $0) == 0 }.compactMap { linkLabel(linkage, $0).map { String(cString: $0) } }
    }

    /// What kind of unit `text` is, by the link from the left wall of its best complete parse.
    func classify(_ text: String) -> SentenceType {
        lock.lock()
        defer { lock.unlock() }
        guard let sentence = text.withCString({ sentenceCreate($0, dictionary) }) else { return .unparsed }
        defer { sentenceDelete(sentence) }
        guard sentenceParse(sentence, options) > 0, let linkage = linkageCreate(0, sentence, options) else { return .unparsed }
        defer { linkageDelete(linkage) }
        var sawNounPhrase = false
        for i in 0..<numLinks(linkage) where linkLeft(linkage, i) == 0 {
            guard let label = linkLabel(linkage, i).map({ String(cString: $0) }), label.hasPrefix("W") else { continue }
            // WV links the wall to the head verb; Wd/Wi/Wq/Ws/Wj open declaratives, imperatives, questions.
            if label.hasPrefix("Wa") { sawNounPhrase = true } else if label.hasPrefix("WV") || label.count >= 2 { return .clause }
        }
        return sawNounPhrase ? .nounPhrase : .unparsed
    }
}

/// Loads the parser once per process and says once when it cannot.
enum DeepStage {
    static let shared: LinkGrammarParser? = {
        switch LinkGrammarParser.load() {
        case .success(let p): return p
        case .failure(let e):
            FileHandle.standardError.write(Data("claimlint: note: sentence.deep is on but \(e.message); using the fast sentence stage only\n".utf8))
            return nil
        }
    }()
}
