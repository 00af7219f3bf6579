import Testing

@testable import Verdict

/// Truth values as exports in several languages write them: a French CRM's `oui`/`non`, a Dutch
/// one's `ja`/`nee`, a Spanish one's `sí`/`no`, Airtable's checkbox `checked` were refused in a
/// `bool` field.
struct TruthWordTests {
  static let field = FieldInfo(name: "active", type: .bool)

  @Test(arguments: [
    "true", "YES", "y", "1", "Ja", "wahr", "oui", "Vrai", "waar", "sí", "Sì", "si", "vero", "verdadero", " OUI ",
    "on", "ON", "checked", "Checked", "Sim", "EVET", "כן", "نعم",
  ])
  func wordsForTrue(_ cell: String) {
    #expect(CellReader().read(cell, for: Self.field) == .success(.bool(true)), "\(cell)")
  }

  @Test(arguments: [
    "false", "No", "n", "0", "nein", "falsch", "non", "FAUX", "nee", "onwaar", "falso", "off", "OFF", "unchecked",
    "Não", "nao", "Hayır", "HAYIR", "hayir", "לא", "لا",
  ])
  func wordsForFalse(_ cell: String) {
    #expect(CellReader().read(cell, for: Self.field) == .success(.bool(false)), "\(cell)")
  }

  /// Other words stay refused: no word is taken for a truth it may not mean.
  @Test(arguments: ["x", "ok", "nope", "oui!", "verdad", "t", "f", "2", "sino", "once", "check", "offen"])
  func otherWordsAreRefused(_ cell: String) {
    #expect(CellReader().read(cell, for: Self.field).isFailure, "\(cell)")
  }
}
