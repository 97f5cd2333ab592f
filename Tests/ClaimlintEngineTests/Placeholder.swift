import Testing

@Test func placeholder_ClaimlintEngineTests() { #expect(Bool(true)) }
