/// The names of months and weekdays that dates in words use, in the languages of the exports
/// Verdict reads: months in English, German, French, Spanish, Portuguese, Italian, Dutch and
/// Turkish (`Dec`, `December`, `Dezember`, `déc.`, `dic`, `dez`, `Ara`), weekdays in English,
/// German and French (`Tue`; Spanish `mar` is Tuesday, and a month).
///
/// A name is looked up in small letters, without the dot an abbreviation may end with. No name
/// stands for two months across these languages (`mar` is March, `mai` May, `set` September, in
/// each that has it), so a cell's month never depends on guessing its language.
package enum MonthNames {
  /// The month `word` names (1 to 12), or `nil`.
  static func month(_ word: some Sequence<UInt8>) -> Int? {
    guard let key = lowered(word) else { return nil }
    return months[key]
  }

  /// The weekday `word` names, 0 for Monday to 6 for Sunday, or `nil`.
  static func weekday(_ word: some Sequence<UInt8>) -> Int? {
    guard let key = lowered(word) else { return nil }
    return weekdays[key]
  }

  /// The weekday of `date`, 0 for Monday to 6 for Sunday.
  static func weekday(of date: CalendarDate) -> Int {
    // 1970-01-01 was a Thursday (3).
    Int(((date.daysSinceEpoch % 7) + 7 + 3) % 7)
  }

  /// The end of the word at `start` of `bytes` (before `end`) that may be a name: a run of ASCII
  /// letters and of the bytes of other UTF-8 characters (`déc`, `März`); `nil` when there is none.
  static func wordEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
    var word = start
    while word < end, CellScanner.isLetter(bytes[word]) || bytes[word] >= 0x80 { word += 1 }
    return word > start ? word : nil
  }

  /// English names of the months, for hints: `January` to `December`.
  static let englishNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  /// English abbreviations, as a report writes a month in words: `Jan` to `Dec`.
  package static let abbreviations = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// English names of the weekdays, from Monday, for hints.
  static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

  /// `word` in small letters, or `nil` when it is too long to be a name or not UTF-8.
  private static func lowered(_ word: some Sequence<UInt8>) -> String? {
    var bytes: [UInt8] = []
    for byte in word {
      guard bytes.count < 12 else { return nil }
      bytes.append(byte)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
    return folded(text)
  }

  /// `text` in small letters with Turkish's dotted and dotless i as `i`: `KASIM` lowers to
  /// `kasim`, `NİSAN` to `ni̇san` (a combining dot), so names are kept and looked up so.
  private static func folded(_ text: String) -> String {
    String(text.lowercased().unicodeScalars.filter { $0 != "\u{307}" }.map { $0 == "ı" ? "i" : Character($0) })
  }

  private static let months: [String: Int] = {
    let names = [
      ["january", "jan", "januar", "janvier", "janv", "jän"] + ["enero", "ene", "janeiro", "gennaio", "gen", "januari"]
        + ["ocak", "oca"],
      ["february", "feb", "februar", "février", "févr", "fevrier", "fevr"]
        + ["febrero", "fevereiro", "fev", "febbraio", "februari", "şubat", "şub", "subat", "sub"],
      ["march", "mar", "märz", "mär", "mrz", "mars"] + ["marzo", "março", "marco", "maart", "mrt", "mart"],
      ["april", "apr", "avril", "avr"] + ["abril", "abr", "aprile", "nisan", "nis"],
      ["may", "mai"] + ["mayo", "maio", "maggio", "mag", "mei", "mayıs"],
      ["june", "jun", "juni", "juin"] + ["junio", "junho", "giugno", "giu", "haziran", "haz"],
      ["july", "jul", "juli", "juillet", "juil"] + ["julio", "julho", "luglio", "lug", "temmuz", "tem"],
      ["august", "aug", "août", "aout"] + ["agosto", "ago", "augustus", "ağustos", "ağu", "agustos", "agu"],
      ["september", "sep", "sept", "septembre"] + ["septiembre", "setiembre", "setembro", "settembre", "set"]
        + ["eylül", "eyl", "eylul"],
      ["october", "oct", "oktober", "okt", "octobre"] + ["octubre", "outubro", "out", "ottobre", "ott", "ekim", "eki"],
      ["november", "nov", "novembre"] + ["noviembre", "novembro", "kasım", "kas"],
      ["december", "dec", "dezember", "dez", "décembre", "déc", "decembre"]
        + ["diciembre", "dic", "dezembro", "dicembre", "aralık", "ara"],
    ]
    var numbers: [String: Int] = [:]
    for (index, spellings) in names.enumerated() {
      for spelling in spellings { numbers[folded(spelling)] = index + 1 }
    }
    return numbers
  }()

  private static let weekdays: [String: Int] = {
    let names = [
      ["monday", "mon", "montag", "mo", "lundi", "lun"],
      ["tuesday", "tue", "tues", "dienstag", "di", "mardi"],
      ["wednesday", "wed", "mittwoch", "mi", "mercredi", "mer"],
      ["thursday", "thu", "thur", "thurs", "donnerstag", "do", "jeudi", "jeu"],
      ["friday", "fri", "freitag", "fr", "vendredi", "ven"],
      ["saturday", "sat", "samstag", "sa", "samedi", "sam"],
      ["sunday", "sun", "sonntag", "so", "dimanche", "dim"],
    ]
    var numbers: [String: Int] = [:]
    for (index, spellings) in names.enumerated() {
      for spelling in spellings { numbers[spelling] = index }
    }
    return numbers
  }()
}
