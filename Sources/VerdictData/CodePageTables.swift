/// The code pages read besides Windows-1252 (``TextEncoding/windows1250``,
/// ``TextEncoding/windows1251``, ``TextEncoding/windows1254``,
/// ``TextEncoding/macRoman``): what each byte from 0x80 up is, as
/// the WHATWG Encoding Standard's indexes have them (a byte a code page leaves undefined is the
/// C1 control of its value: `81` in Windows-1250 is U+0081). ASCII is itself in each.
enum CodePageTables {
  /// Windows-1250, Central European: `A3` is `Ł`, `B9` `ą`, `9F` `ź`.
  static let windows1250Text =
    "€\u{81}‚\u{83}„…†‡\u{88}‰Š‹ŚŤŽŹ\u{90}‘’“”•–—\u{98}™š›śťžź\u{A0}ˇ˘Ł¤Ą¦§¨©Ş«¬\u{AD}®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľż"
    + "ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙"
  /// Windows-1251, Cyrillic: `C0` is `А`, `FF` `я`, `A8` `Ё`, `B9` `№`.
  static let windows1251Text =
    "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u{98}™љ›њќћџ\u{A0}ЎўЈ¤Ґ¦§Ё©Є«¬\u{AD}®Ї°±Ііґµ¶·ё№є»јЅѕї"
    + "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя"

  /// Windows-1254, Turkish: Windows-1252 but for `D0` `Ğ`, `DD` `İ`, `DE` `Ş`, `F0` `ğ`, `FD` `ı`,
  /// `FE` `ş` (and `8E`, `9E`, which it leaves undefined).
  static let windows1254Text =
    "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}\u{8E}\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}\u{9E}Ÿ\u{A0}¡¢£¤¥¦§¨©ª«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿"
    + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏĞÑÒÓÔÕÖ×ØÙÚÛÜİŞßàáâãäåæçèéêëìíîïğñòóôõö÷øùúûüışÿ"

  /// Mac OS Roman, as Excel for Mac saves "Comma Separated Values": `9F` is `ü`, `8E` `é`, `DB`
  /// `€` (since Mac OS 8.5), `F0` the Apple logo (U+F8FF, a private use code point).
  static let macRomanText =
    "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø"
    + "¿¡¬√ƒ≈∆«»…\u{A0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ"

  /// The code points of the bytes from 0x80 up of `text`'s code page, 128 of them.
  static func codePoints(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  static let windows1250 = codePoints(windows1250Text)
  static let windows1251 = codePoints(windows1251Text)
  static let windows1254 = codePoints(windows1254Text)
  static let macRoman = codePoints(macRomanText)
}
