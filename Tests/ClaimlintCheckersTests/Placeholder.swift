import Testing

@Test func placeholder_ClaimlintCheckersTests() { #expect(Bool(true)) }
