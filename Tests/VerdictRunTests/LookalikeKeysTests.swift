import Testing

@testable import VerdictRun

/// ``LookalikeKeys``: which keys of the record tables are one client's key written two ways.
struct LookalikeKeysTests {
  private static func keys(_ texts: [String]) -> ClientKeys {
    var keys = ClientKeys()
    for text in texts {
      var text = text
      _ = text.withUTF8 { keys.add($0) }
    }
    return keys
  }

  private static func folded(_ key: String) -> String {
    var key = key
    var folded: [UInt8] = []
    key.withUTF8 { LookalikeKeys.fold($0, into: &folded) }
    return String(decoding: folded, as: UTF8.self)
  }

  /// Case, quotes around the key (straight and curly) and runs of spaces inside fold away;
  /// letters, digits and punctuation inside do not.
  @Test func foldsCaseQuotesAndSpaces() {
    #expect(Self.folded("ACME  GmbH") == "acme gmbh")
    #expect(Self.folded("\"Acme\tGmbH\"") == "acme gmbh")
    #expect(Self.folded("“Acme GmbH”") == "acme gmbh")
    #expect(Self.folded("'  ÄRGER AG '") == "ärger ag")
    #expect(Self.folded("CAFÉ MÜLLER ×2") == "café müller ×2")
    #expect(Self.folded("ŁÓDŹ  Café") == "łódź café")
    #expect(Self.folded("ÀÞ") == "àþ")
    #expect(Self.folded("Acme-GmbH") == "acme-gmbh")
    #expect(Self.folded("C101") != Self.folded("C1O1"))
    // Unicode spaces count as spaces, invisible characters as nothing.
    #expect(Self.folded("Acme\u{A0}GmbH") == "acme gmbh")
    #expect(Self.folded("Acme\u{202F}\u{A0}GmbH") == "acme gmbh")
    #expect(Self.folded("ΑΒΓ\u{2009}Δ") == "αβγ δ")
    #expect(Self.folded("Ac\u{200B}me") == "acme")
    #expect(Self.folded("Acme\u{3000}Co") == "acme co")
    #expect(Self.folded("Acme\u{205F}Co") == "acme co")
    #expect(Self.folded("Ac\u{200C}me\u{200D}\u{2060}\u{FEFF}") == "acme")
    // Direction marks, as right-to-left spreadsheets write them, have no width either.
    #expect(Self.folded("Acme\u{200F}GmbH\u{061C}") == "acmegmbh")
    #expect(Self.folded("\u{2067}C1\u{2069}") == "c1")
    #expect(Self.folded("Caf\u{E9}") == "café")
  }

  /// A customer number a spreadsheet rewrote without its zeros in front, or JSON with `.0`
  /// behind, folds as the number; other digits and letters do not.
  @Test func foldsTheZerosOfNumberKeys() {
    #expect(Self.folded("00123") == "123")
    #expect(Self.folded("101.0") == "101")
    #expect(Self.folded("0101.00") == "101")
    #expect(Self.folded("0") == "0")
    #expect(Self.folded("000") == "0")
    #expect(Self.folded("0.0") == "0")
    #expect(Self.folded("101.5") == "101.5")
    #expect(Self.folded("C00123") == "c00123")
    #expect(Self.folded("0x12") == "0x12")
    #expect(Self.folded(".0") == ".0")
  }

  /// Sets of lookalikes come in the order of their first keys, each key in the order it first
  /// appeared; a key like no other is in none.
  @Test func groupsLookalikesInTheOrderTheyAppear() {
    let keys = Self.keys(["beta", "Acme", "Gamma", "ACME", "Beta", "\"acme\"", "Delta", "ärger", "ÄRGER"])
    let lookalikes = LookalikeKeys(keys)
    #expect(lookalikes.groups == [[0, 4], [1, 3, 5], [7, 8]])
    #expect(lookalikes.lookalikes(of: 3) == [1, 5])
    #expect(lookalikes.lookalikes(of: 2).isEmpty)
    #expect(lookalikes.lookalikes(of: 6).isEmpty)
  }

  /// No lookalikes, no line: the summary of a run whose keys are all distinct says nothing more.
  @Test func distinctKeysMakeNoLine() {
    let keys = Self.keys(["C1", "C2", "C10", "c 1"])
    #expect(LookalikeKeys(keys).groups.isEmpty)
    #expect(LookalikeKeys(keys).text(keys: keys) { _ in "" }.isEmpty)
  }
}
