import ClaimlintCore

extension AnalyzedBlock {
    /// The longest sentence, in tokens, that the claims analysis and the health profile read
    /// whole. Parts of both compare each word or match of a sentence with the others: fine for
    /// prose (a long real sentence has 60-100 tokens), quadratic on a "sentence" that is a
    /// 12,500-line column of "Benefits:" or 100 KB of words with no full stop, which took 8 s
    /// to past the 20 s time limit. Such units are data, not prose; they are read in pieces.
    static let maxAnalysedTokens = 250

    /// `sentence` itself when it has at most `maxAnalysedTokens` tokens; otherwise its pieces, cut
    /// at line breaks first, then every `maxAnalysedTokens` tokens. The first piece keeps any
    /// opening quote, the last the terminator; the others have none.
    func analysisPieces(of sentence: Sentence) -> [Sentence] {
        guard sentence.tokens.count > Self.maxAnalysedTokens else { return [sentence] }
        let t = tokens
        let lineStarts = block.lineStarts
        // The first line start after the sentence's first token (binary search; then walked along).
        var nextLine = 0, high = lineStarts.count
        let first = t[sentence.tokens.lowerBound].range.upperBound
        while nextLine < high {
            let mid = (nextLine + high) / 2
            if lineStarts[mid] <= first { nextLine = mid + 1 } else { high = mid }
        }
        var pieces: [Sentence] = []
        var pieceStart = sentence.tokens.lowerBound
        var pieceByte = sentence.range.lowerBound
        for i in sentence.tokens.dropFirst() {
            while nextLine < lineStarts.count && lineStarts[nextLine] <= t[i - 1].range.upperBound { nextLine += 1 }
            let lineBreakBefore = nextLine < lineStarts.count && lineStarts[nextLine] <= t[i].range.lowerBound
            if lineBreakBefore || i - pieceStart >= Self.maxAnalysedTokens {
                pieces.append(Sentence(range: pieceByte..<t[i - 1].range.upperBound, tokens: pieceStart..<i, terminator: nil))
                pieceStart = i
                pieceByte = t[i].range.lowerBound
            }
        }
        pieces.append(Sentence(range: pieceByte..<sentence.range.upperBound, tokens: pieceStart..<sentence.tokens.upperBound,
                               terminator: sentence.terminator, isItemLine: sentence.isItemLine))
        return pieces
    }
}
