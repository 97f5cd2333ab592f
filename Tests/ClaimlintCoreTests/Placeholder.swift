import Testing

@Test func placeholder_ClaimlintCoreTests() { #expect(Bool(true)) }
