import ClaimlintCore

/// The closed word classes the sentence checkers reason about, read from the `sentence.*`
/// lexicons of the rule packs (Rules/sentence.yml), plus the part-of-speech lexicon.
struct SentenceVocabulary: Sendable {
    let pos: PartOfSpeechLexicon
    /// Words that start a noun phrase: articles, demonstratives, possessives, quantifiers.
    let determiners: Set<WordKey>
    /// I, you, he, she, it, we, they.
    let subjectPronouns: Set<WordKey>
    /// me, him, us, them, it, you.
    let objectPronouns: Set<WordKey>
    /// Finite auxiliaries and contractions: is, are, was, has, does, isn't, it's...
    let finiteAuxiliaries: Set<WordKey>
    /// have, do: finite unless after "to", a modal or another auxiliary.
    let baseAuxiliaries: Set<WordKey>
    /// be, been, being: never finite.
    let nonFiniteAuxiliaries: Set<WordKey>
    let modals: Set<WordKey>
    let prepositions: Set<WordKey>
    let coordinators: Set<WordKey>
    /// Subordinators that always open a subordinate clause ("because", "even though").
    let subordinators: PhraseTrie<Bool>
    /// First words of the subordinators: a cheap test before walking the trie.
    let subordinatorStarts: Set<WordKey>
    /// First words of the promise phrases.
    let promiseStarts: Set<WordKey>
    /// Words that open a subordinate clause or a prepositional phrase ("since", "after").
    let prepositionalSubordinators: Set<WordKey>
    /// which, who: a sentence that starts with one and ends in "." is a relative-clause fragment.
    let relatives: Set<WordKey>
    /// Adverbs and softeners that may come before an imperative verb ("Always", "Please").
    let imperativeLeads: Set<WordKey>
    /// Verbs mostly read as nouns that are common in instructions ("Use", "Wash", "Rest").
    let instructionVerbs: Set<WordKey>
    /// First words of bylines, captions and credits ("Figure", "Photo", "By", "Reviewed").
    let labelLeads: Set<WordKey>
    /// Words after which a capitalised word is a name or title ("called", "named", "brand").
    let namingWords: Set<WordKey>
    /// Short parentheticals that may follow a comma without making a splice ("I think").
    let reportingVerbs: Set<WordKey>
    /// Capitalised function words that commonly restart a sentence ("The", "Many", "It").
    let restartWords: Set<WordKey>
    /// Lead-ins that promise content below ("listed below", "the following").
    let promisePhrases: PhraseTrie<Bool>
    /// Counted nouns ("steps", "signs") for checking a promised count against a list.
    let numberWords: [WordKey: Int]
    /// Every closed class a word belongs to, in one look-up: the clause analyser asks up to a
    /// dozen class questions per word, and most words belong to none.
    let classes: [WordKey: WordClass]
    /// The part-of-speech entry and the closed classes of a word in one look-up: the clause
    /// analyser needs both for every word.
    let words: WordInfoMap

    init(rules: RuleSet) throws {
        // `WordKeys` are written as hashes: each must be its word's key (once per checker built).
        precondition(WordKeys.verify(), "WordKeys: a constant is not the key of its word")
        // The engine keys built-in data files by "Rules/<name>"; a bare name also works.
        guard let tsv = rules.dataFiles["Rules/" + PartOfSpeechLexicon.fileName] ?? rules.dataFiles[PartOfSpeechLexicon.fileName] else {
            throw RulePackError(file: "Rules", line: nil, message: "the part-of-speech lexicon Rules/\(PartOfSpeechLexicon.fileName) is missing")
        }
        pos = try PartOfSpeechLexicon(tsv: tsv)
        func set(_ name: String) throws -> Set<WordKey> { Set(try rules.lexicon("sentence.\(name)").map { WordKey($0) }) }
        determiners = try set("determiners")
        subjectPronouns = try set("subject-pronouns")
        objectPronouns = try set("object-pronouns")
        finiteAuxiliaries = try set("finite-auxiliaries")
        baseAuxiliaries = try set("base-auxiliaries")
        nonFiniteAuxiliaries = try set("non-finite-auxiliaries")
        modals = try set("modals")
        prepositions = try set("prepositions")
        coordinators = try set("coordinators")
        let subordinatorList = try rules.lexicon("sentence.subordinators")
        subordinators = PhraseTrie(phrases: subordinatorList, value: { _ in true })
        subordinatorStarts = Set(subordinatorList.compactMap { $0.split(separator: " ").first.map { WordKey($0) } })
        prepositionalSubordinators = try set("prepositional-subordinators")
        relatives = try set("relatives")
        imperativeLeads = try set("imperative-leads")
        labelLeads = try set("label-leads")
        instructionVerbs = try set("instruction-verbs")
        namingWords = try set("naming-words")
        reportingVerbs = try set("reporting-verbs")
        restartWords = try set("restart-words")
        let promiseList = try rules.lexicon("sentence.promise-phrases")
        promisePhrases = PhraseTrie(phrases: promiseList, value: { _ in true })
        promiseStarts = Set(promiseList.compactMap { $0.split(separator: " ").first.map { WordKey($0) } })
        var numbers: [WordKey: Int] = [:]
        for (i, w) in ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"].enumerated() {
            numbers[WordKey(w)] = i + 1
        }
        numberWords = numbers
        var classes: [WordKey: WordClass] = [:]
        for (set, cls) in [(determiners, WordClass.determiner), (subjectPronouns, .subjectPronoun), (objectPronouns, .objectPronoun),
                           (finiteAuxiliaries, .finiteAuxiliary), (baseAuxiliaries, .baseAuxiliary),
                           (nonFiniteAuxiliaries, .nonFiniteAuxiliary), (modals, .modal), (prepositions, .preposition),
                           (coordinators, .coordinator), (prepositionalSubordinators, .prepositionalSubordinator), (relatives, .relative),
                           (subordinatorStarts, .subordinatorStart), (imperativeLeads, .imperativeLead), (instructionVerbs, .instructionVerb),
                           (ClauseAnalyzer.particles, .particle), (ClauseAnalyzer.doForms, .doForm)] {
            for key in set { classes[key, default: []].insert(cls) }
        }
        self.classes = classes
        var words = [WordKey: WordInfo](minimumCapacity: pos.count + classes.count)
        for (key, entry) in pos.entries { words[key] = WordInfo(entry: entry, cls: []) }
        for (key, cls) in classes { words[key, default: WordInfo(entry: nil, cls: [])].cls = cls }
        self.words = WordInfoMap(words)
    }
}

/// `WordKeyMap<WordInfo>` in 16-byte slots: the key and the whole `WordInfo` packed in one word.
/// The clause analyser probes it for every word of every sentence, and the probe's first load
/// was its hottest instruction (a cache miss: 27,000 words in 65,536 slots of 32 bytes, a 2 MB
/// table); packed, the table is 1 MB. Same slots, same probe order, same answers.
struct WordInfoMap: Sendable {
    struct Slot: Sendable {
        var key: UInt64
        /// Bit 63: taken; bit 62: has a lexicon entry; bits 40-55 the classes, 20-39 the primary
        /// tag, 0-19 the tags.
        var packed: UInt64
    }

    private static let taken: UInt64 = 1 << 63
    private static let hasEntry: UInt64 = 1 << 62
    private let slots: [Slot]
    private let mask: Int

    init(_ entries: [WordKey: WordInfo]) {
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        var slots = [Slot](repeating: Slot(key: 0, packed: 0), count: size)
        let mask = size - 1
        for (key, info) in entries {
            var i = Self.slot(key.raw, mask: mask)
            while slots[i].packed & Self.taken != 0 { i = (i + 1) & mask }
            slots[i] = Slot(key: key.raw, packed: Self.pack(info))
        }
        self.slots = slots
        self.mask = mask
    }

    /// `WordKeyMap`'s slot of a key.
    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int { WordKeyMap<WordInfo>.slot(key, mask: mask) }

    private static func pack(_ info: WordInfo) -> UInt64 {
        precondition(info.cls.rawValue < 1 << 16, "word classes must fit 16 bits")
        var packed = taken | UInt64(info.cls.rawValue) << 40
        if let e = info.entry {
            precondition(e.tags.rawValue < 1 << 20 && e.primary.rawValue < 1 << 20, "part-of-speech tags must fit 20 bits")
            packed |= hasEntry | UInt64(e.primary.rawValue) << 20 | UInt64(e.tags.rawValue)
        }
        return packed
    }

    subscript(key: WordKey) -> WordInfo? {
        let raw = key.raw
        var i = Self.slot(raw, mask: mask)
        return slots.withUnsafeBufferPointer { table in
            while true {
                let packed = table[i].packed
                guard packed & Self.taken != 0 else { return nil }
                if table[i].key == raw {
                    let cls = WordClass(rawValue: UInt32(truncatingIfNeeded: packed >> 40) & 0xFFFF)
                    guard packed & Self.hasEntry != 0 else { return WordInfo(entry: nil, cls: cls) }
                    let entry = POSEntry(tags: POSTags(rawValue: UInt32(truncatingIfNeeded: packed) & 0xF_FFFF),
                                         primary: POSTags(rawValue: UInt32(truncatingIfNeeded: packed >> 20) & 0xF_FFFF))
                    return WordInfo(entry: entry, cls: cls)
                }
                i = (i + 1) & mask
            }
        }
    }
}

/// What the vocabulary knows about one word: its lexicon entry (nil when the part-of-speech
/// lexicon lacks it) and its closed classes.
struct WordInfo: Sendable {
    var entry: POSEntry?
    var cls: WordClass
}

/// The closed classes of `SentenceVocabulary` (and a few of the clause analyser's own word
/// lists), as bits: looked up once per word, then asked as often as needed for free.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt32
    static let determiner = WordClass(rawValue: 1 << 0)
    static let subjectPronoun = WordClass(rawValue: 1 << 1)
    static let objectPronoun = WordClass(rawValue: 1 << 2)
    static let finiteAuxiliary = WordClass(rawValue: 1 << 3)
    static let baseAuxiliary = WordClass(rawValue: 1 << 4)
    static let nonFiniteAuxiliary = WordClass(rawValue: 1 << 5)
    static let modal = WordClass(rawValue: 1 << 6)
    static let preposition = WordClass(rawValue: 1 << 7)
    static let coordinator = WordClass(rawValue: 1 << 8)
    static let prepositionalSubordinator = WordClass(rawValue: 1 << 9)
    static let relative = WordClass(rawValue: 1 << 10)
    static let subordinatorStart = WordClass(rawValue: 1 << 11)
    static let imperativeLead = WordClass(rawValue: 1 << 12)
    static let instructionVerb = WordClass(rawValue: 1 << 13)
    static let particle = WordClass(rawValue: 1 << 14)
    static let doForm = WordClass(rawValue: 1 << 15)

    // Unions asked in the clause analyser's inner loops, made once: an array literal there was
    // built (and allocated) at every test.
    static let anyBaseAuxiliaryFiniteAuxiliary: WordClass = [.baseAuxiliary, .finiteAuxiliary]
    static let anyDeterminerObjectPronounParticle: WordClass = [.determiner, .objectPronoun, .particle]
    static let anyDeterminerObjectPronounSubjectPronoun: WordClass = [.determiner, .objectPronoun, .subjectPronoun]
    static let anyDeterminerSubjectPronounPreposition: WordClass = [.determiner, .subjectPronoun, .preposition]
    static let anyFiniteAuxiliaryModal: WordClass = [.finiteAuxiliary, .modal]
    static let anyModalDoForm: WordClass = [.modal, .doForm]
    static let anyModalFiniteAuxiliaryDoForm: WordClass = [.modal, .finiteAuxiliary, .doForm]
    static let anyPrepositionCoordinatorRelativePrepositionalSubordinator: WordClass = [.preposition, .coordinator, .relative, .prepositionalSubordinator]
    static let anyPrepositionDeterminer: WordClass = [.preposition, .determiner]
    static let anyPrepositionDeterminerPrepositionalSubordinator: WordClass = [.preposition, .determiner, .prepositionalSubordinator]
    static let anyPrepositionPrepositionalSubordinator: WordClass = [.preposition, .prepositionalSubordinator]
    static let anySubjectPronounObjectPronoun: WordClass = [.subjectPronoun, .objectPronoun]

    // The set operations the clause analyser and the claims analysis ask per word, as plain bit tests the optimiser
    // always inlines: the protocol's default implementations were called out of line (specialised, not inlined) from
    // `ClauseAnalyzer.analyze` and other large functions (perf19). Same results as the defaults.
    @inline(__always) func contains(_ member: WordClass) -> Bool { rawValue & member.rawValue == member.rawValue }
    @inline(__always) func isDisjoint(with other: WordClass) -> Bool { rawValue & other.rawValue == 0 }
    @inline(__always) func intersection(_ other: WordClass) -> WordClass { WordClass(rawValue: rawValue & other.rawValue) }
    @inline(__always) func union(_ other: WordClass) -> WordClass { WordClass(rawValue: rawValue | other.rawValue) }
    @inline(__always) var isEmpty: Bool { rawValue == 0 }
}
