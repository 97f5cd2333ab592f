import Testing

@Test func placeholder_ClaimlintReportTests() { #expect(Bool(true)) }
