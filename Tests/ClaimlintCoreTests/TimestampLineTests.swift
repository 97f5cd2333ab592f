@testable import ClaimlintCore
import Testing

/// Units of `text` whose lines start at `lineStarts` (text offsets), with their item-line flag.
private func units(_ text: String, lineStarts: [Int]) -> [(String, Bool)] {
    let bytes = Array(text.utf8)
    let (_, s) = Segmenter.shared.segment(utf8: bytes, lineStarts: lineStarts)
    return s.map { (String(decoding: bytes[$0.range], as: UTF8.self), $0.isItemLine) }
}

/// `lines` joined by single spaces, with the offset where each line after the first starts: a
/// block as a front end folds it.
private func folded(_ lines: [String]) -> (String, [Int]) {
    var text = "", starts: [Int] = []
    for (i, line) in lines.enumerated() {
        if i > 0 { text += " "; starts.append(text.utf8.count) }
        text += line
    }
    return (text, starts)
}

@Test func lineOpeningTimestampsStartItemUnits() {
    let (text, starts) = folded(["Chapters", "00:00 Intro and a listener question", "(04:15) Why creatine helps sleep",
                                 "[12:40] - The research.", "1:02:15 Wrap up"])
    let u = units(text, lineStarts: starts)
    #expect(u.map(\.0) == ["Chapters", "Intro and a listener question", "Why creatine helps sleep", "The research.", "Wrap up"])
    #expect(u.map(\.1) == [false, true, true, true, true])
    let (_, s) = Segmenter.shared.segment(utf8: Array(text.utf8), lineStarts: starts)
    // Cut before a timestamp: no terminator; the last unit keeps the one it had.
    #expect(s.map(\.terminator) == [nil, nil, nil, ".", nil])
    // The block's first line opens with a timestamp too.
    #expect(units("04:15 Why creatine helps", lineStarts: []).map(\.0) == ["Why creatine helps"])
}

@Test func timesInsideALineAndOtherNumbersAreNoItems() {
    // A time inside a sentence, even one wrapped onto the next line's middle, is text.
    let (text, starts) = folded(["Take it at 08:30 daily with food.", "Then rest at 14:00 for an hour."])
    #expect(units(text, lineStarts: starts).map(\.0) == ["Take it at 08:30 daily with food.", "Then rest at 14:00 for an hour."])
    let noItems = units(text, lineStarts: starts).allSatisfy { !$0.1 }
    #expect(noItems)
    // Without a recorded line start, a timestamp in mid-block is text.
    #expect(units("Intro 04:15 Why creatine helps", lineStarts: []).map(\.0) == ["Intro 04:15 Why creatine helps"])
    // "Step 2:", "2: 15 minutes" (spaced), "3:5" (one-digit seconds), "(12:40 without a close" are no timestamps.
    let (steps, stepStarts) = folded(["Step 2: rinse", "2: 15 minutes of rest", "3:5 odds", "(12:40 later"])
    #expect(units(steps, lineStarts: stepStarts).map(\.0) == ["Step 2: rinse 2: 15 minutes of rest 3:5 odds (12:40 later"])
    let noStepItems = units(steps, lineStarts: stepStarts).allSatisfy { !$0.1 }
    #expect(noStepItems)
}

/// Line starts are the front end's record, but the segmenter takes any: out of range, unsorted,
/// inside a token. Units stay in order, inside the text, and cover no token twice.
@Test func anyLineStartsGiveOrderedUnitsInsideTheText() {
    let text = "(00:00) Intro 04:15 Why. [12:40] x 1:02:15 y. 99:99:99 z (3:15"
    let bytes = Array(text.utf8)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
        let starts = (0..<Int.random(in: 0...8, using: &generator)).map { _ in Int.random(in: -3...(bytes.count + 3), using: &generator) }
        let (tokens, s) = Segmenter.shared.segment(utf8: bytes, lineStarts: starts)
        var previousEnd = 0, previousToken = 0
        for unit in s {
            #expect(unit.range.lowerBound >= previousEnd && unit.range.upperBound <= bytes.count && !unit.range.isEmpty)
            #expect(unit.tokens.lowerBound >= previousToken && unit.tokens.upperBound <= tokens.count && !unit.tokens.isEmpty)
            previousEnd = unit.range.upperBound
            previousToken = unit.tokens.upperBound
        }
    }
    // A line start after every space: each timestamp cuts; "(3:15" has no closing bracket.
    let everySpace = bytes.indices.filter { $0 > 0 && bytes[$0 - 1] == 0x20 }
    #expect(units(text, lineStarts: everySpace).map(\.0) == ["Intro", "Why.", "x", "y.", "z (3:15"])
}
