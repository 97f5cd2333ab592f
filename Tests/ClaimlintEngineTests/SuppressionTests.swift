import ClaimlintCore
import ClaimlintEngine
import Foundation
import Testing

/// A linter with the `house.cure` phrase rule (cures acne, cures eczema, reverses ageing, melts belly fat).
private func houseLinter() throws -> Linter {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    try SurfaceProject.pack.write(to: dir.appendingPathComponent("house.yml"), atomically: true, encoding: .utf8)
    try SurfaceProject.config.write(to: dir.appendingPathComponent(".claimlint.yml"), atomically: true, encoding: .utf8)
    return try Linter(configuration: try Configuration.load(path: dir.appendingPathComponent(".claimlint.yml").path))
}

private func lint(_ text: String, _ format: InputFormat, path: String = "a") throws -> (excerpts: [String], warnings: [String]) {
    let r = try houseLinter().lint(source: SourceText(path: path, string: text), format: format)
    return (r.report.findings.map { $0.excerpt.lowercased() }, r.warnings)
}

@Test func disableAndEnableInsideOneParagraphWorkPerSentence() throws {
    let html = "<html><body><p>Balm A cures acne. <!-- claimlint-disable house.cure --> Balm B cures eczema. <!-- claimlint-enable house.cure --> Tea C melts belly fat.</p></body></html>\n"
    let r = try lint(html, .html)
    #expect(r.excerpts == ["cures acne", "melts belly fat"])
    #expect(r.warnings.isEmpty)
}

@Test func inlineDisableNextLineCoversTheNextSentenceOnly() throws {
    let html = "<html><body><p>Balm A cures acne. <!-- claimlint-disable-next-line house --> Balm B cures eczema and melts belly fat. Cream C reverses ageing.</p></body></html>\n"
    let r = try lint(html, .html)
    #expect(r.excerpts == ["cures acne", "reverses ageing"])
    #expect(r.warnings.isEmpty)
}

@Test func disableNextLineOnItsOwnLineSkipsBlankLines() throws {
    let html = """
    <html><body>
    <!-- claimlint-disable-next-line house.cure -- reviewed by the medical editor -->

    <p>Balm A cures acne.</p>
    <p>Balm B cures eczema.</p>
    </body></html>

    """
    let r = try lint(html, .html)
    #expect(r.excerpts == ["cures eczema"])
    #expect(r.warnings.isEmpty)
}

@Test func staleAndUnmatchedDirectivesAreWarnings() throws {
    let html = """
    <html><body>
    <!-- claimlint-disable-next-line house.cure -->
    <p>Nothing to see here.</p>
    <!-- claimlint-enable house.cure -->
    <p>Balm A cures acne.</p>
    <!-- claimlint-disable boilerplate -->
    <p>Balm B cures eczema.</p>
    </body></html>

    """
    let r = try lint(html, .html, path: "page.html")
    #expect(r.excerpts == ["cures acne", "cures eczema"])
    #expect(r.warnings == [
        "page.html:2:1: claimlint-disable-next-line for house.cure suppressed nothing",
        "page.html:4:1: claimlint-enable has no matching claimlint-disable before it",
        "page.html:6:1: claimlint-disable for boilerplate suppressed nothing",
    ])
}

@Test(arguments: [InputFormat.text, .markdown])
func plainTextAndMarkdownDirectivesWorkTheSame(_ format: InputFormat) throws {
    let text = """
    Winter skin

    <!-- claimlint-disable-next-line house.cure -->
    Balm A cures acne.

    <!-- claimlint-disable -->
    Balm B cures eczema.

    Tea C melts belly fat.
    <!-- claimlint-enable -->

    Cream D reverses ageing.

    """
    let r = try lint(text, format)
    #expect(r.excerpts == ["reverses ageing"])
    #expect(r.warnings.isEmpty)
}
