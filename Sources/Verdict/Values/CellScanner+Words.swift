/// Short words in cells, matched without making a string: truth values and duration units.
extension CellScanner {
  /// A truth value: `true`, `yes`, `y`, `1` or `false`, `no`, `n`, `0`, in any case, and the words
  /// of German exports (`ja`, `wahr`, `nein`, `falsch`), French ones (`oui`, `vrai`, `non`,
  /// `faux`), Dutch ones (`waar`, `nee`, `onwaar`), Spanish and Italian ones (`sí`, `sì`, `si`,
  /// `verdadero`, `vero`, `falso`), Portuguese, Turkish, Hebrew and Arabic ones (`sim`, `não`,
  /// `evet`, `hayır`, `כן`, `לא`, `نعم`, `لا`), a form's `on` and `off`, and a checkbox's `checked` and
  /// `unchecked`, as Airtable and Notion export it.
  func bool() -> Bool? {
    let length = end - start
    // `true` and `false` as exports write them, byte by byte.
    if length == 4, bytes[start] == UInt8(ascii: "t"), bytes[start + 1] == UInt8(ascii: "r"),
      bytes[start + 2] == UInt8(ascii: "u"), bytes[start + 3] == UInt8(ascii: "e")
    {
      return true
    }
    if length == 5, bytes[start] == UInt8(ascii: "f"), bytes[start + 1] == UInt8(ascii: "a"),
      bytes[start + 2] == UInt8(ascii: "l"), bytes[start + 3] == UInt8(ascii: "s"),
      bytes[start + 4] == UInt8(ascii: "e")
    {
      return false
    }
    // Other ASCII words, compared without making a string; anything else takes the general path.
    if length <= 5 {
      var word: UInt64 = 0
      var ascii = true
      for index in start..<end {
        let byte = bytes[index]
        if byte >= 0x80 || byte == 0 {
          ascii = false
          break
        }
        let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
        word = word << 8 | UInt64(lower)
      }
      if ascii {
        switch word {
        case CellScanner.packed("true"), CellScanner.packed("yes"), CellScanner.packed("y"), CellScanner.packed("1"),
          CellScanner.packed("ja"), CellScanner.packed("wahr"), CellScanner.packed("oui"), CellScanner.packed("vrai"),
          CellScanner.packed("waar"), CellScanner.packed("si"), CellScanner.packed("vero"), CellScanner.packed("on"),
          CellScanner.packed("sim"), CellScanner.packed("evet"):
          return true
        case CellScanner.packed("false"), CellScanner.packed("no"), CellScanner.packed("n"), CellScanner.packed("0"),
          CellScanner.packed("nein"), CellScanner.packed("non"), CellScanner.packed("faux"), CellScanner.packed("nee"),
          CellScanner.packed("falso"), CellScanner.packed("off"), CellScanner.packed("nao"),
          CellScanner.packed("hayir"):
          return false
        default: return nil
        }
      }
    }
    switch string.lowercased() {
    case "true", "yes", "y", "1", "ja", "wahr", "oui", "vrai", "waar", "si", "sí", "sì", "vero", "verdadero", "on",
      "checked", "sim", "evet", "כן", "نعم":
      return true
    case "false", "no", "n", "0", "nein", "falsch", "non", "faux", "nee", "onwaar", "falso", "off", "unchecked",
      "não", "nao", "hayır", "hayir", "לא", "لا":
      return false
    default: return nil
    }
  }

  /// Up to eight ASCII bytes packed big-endian into an integer, for matching short words.
  @inline(__always) static func packed(_ word: StaticString) -> UInt64 {
    var result: UInt64 = 0
    let pointer = word.utf8Start
    for index in 0..<word.utf8CodeUnitCount { result = result << 8 | UInt64(pointer[index]) }
    return result
  }

  /// The unit a duration's letters name, case-insensitively: `s`, `min`, `h`, `d`, `w`, `mo`, `y`,
  /// or `day`/`days`, `hour`/`hours` and so on, and the abbreviations exports write (`hrs`,
  /// `mins`, `secs`, `wks`, `yrs`), none of which names two units; and German exports' words
  /// (`Std`, `Stunden`, `Minuten`, `Tage`, `Wochen`, `Monate`, `Jahre`, `Sek`), as German numbers
  /// and dates are read.
  static func unit(named letters: UnsafeBufferPointer<UInt8>) -> TimeSpan.Unit? {
    guard letters.count <= 8 else { return nil }
    var word: UInt64 = 0
    for byte in letters { word = word << 8 | UInt64(byte | 0x20) }  // letters only: | 0x20 lowercases
    switch word {
    case packed("s"), packed("sec"), packed("secs"), packed("second"), packed("seconds"), packed("sek"),
      packed("sekunde"), packed("sekunden"):
      return .second
    case packed("min"), packed("mins"), packed("minute"), packed("minutes"), packed("minuten"): return .minute
    case packed("h"), packed("hr"), packed("hrs"), packed("hour"), packed("hours"), packed("std"), packed("stunde"),
      packed("stunden"):
      return .hour
    case packed("d"), packed("day"), packed("days"), packed("tag"), packed("tage"), packed("tagen"): return .day
    case packed("w"), packed("wk"), packed("wks"), packed("week"), packed("weeks"), packed("woche"), packed("wochen"):
      return .week
    case packed("mo"), packed("month"), packed("months"), packed("monat"), packed("monate"), packed("monaten"):
      return .month
    case packed("y"), packed("yr"), packed("yrs"), packed("year"), packed("years"), packed("jahr"), packed("jahre"),
      packed("jahren"):
      return .year
    default: return nil
    }
  }
}
