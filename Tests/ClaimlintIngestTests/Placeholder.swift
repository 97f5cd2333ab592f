import Testing

@Test func placeholder_ClaimlintIngestTests() { #expect(Bool(true)) }
