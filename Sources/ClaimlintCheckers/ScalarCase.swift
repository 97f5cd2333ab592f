extension Unicode.Scalar {
    // Casing tests for hot loops: ASCII answered by range (the Unicode Alphabetic, Uppercase and
    // Lowercase properties of ASCII are exactly A-Z and a-z), other scalars by the property
    // tables. Words with a typographic apostrophe are not ASCII, and looking every letter of
    // them up in the tables showed in profiles.

    /// `properties.isAlphabetic`.
    @inline(__always) var isAlphabeticQuick: Bool {
        value < 0x80 ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A : properties.isAlphabetic
    }

    /// `properties.isUppercase`.
    @inline(__always) var isUppercaseQuick: Bool {
        value < 0x80 ? value >= 0x41 && value <= 0x5A : properties.isUppercase
    }

    /// `properties.isLowercase`.
    @inline(__always) var isLowercaseQuick: Bool {
        value < 0x80 ? value >= 0x61 && value <= 0x7A : properties.isLowercase
    }
}
