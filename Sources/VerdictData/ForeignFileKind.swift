/// A kind of file that is not CSV or JSON text, known by its first bytes: a workbook, a
/// compressed file, a PDF or a database, or markup (XML, HTML) given where CSV or JSON is
/// expected.
///
/// Bank statements and accounting exports often come as `.xlsx` or `.pdf`, and a saved export
/// may be compressed. Read as text, such a file has a "header" of binary bytes, and the error
/// was that the policy's columns are missing from it; it is refused up front instead, saying
/// what the file is and how to get CSV from it. Only signatures that no CSV or JSON export
/// starts with are recognised: each has a control character or a byte that is not UTF-8 text
/// (Zstandard's `28 B5 2F FD` reads `(µ/ý` in Windows-1252, no header's start), or is `%PDF-`,
/// or a markup tag (`<?xml`, `<!DOCTYPE`, `<html`, `<table`): European banks export statements
/// as XML (camt.053), and some programs save a table as HTML under an `.xls` name.
package enum ForeignFileKind: Sendable, CaseIterable {
  /// A zip archive: Excel's `.xlsx`, OpenDocument's `.ods`, Apple's `.numbers`, or a `.zip`.
  case zip
  /// The Compound File format of Excel 97–2003 (`.xls`) and other old Office files.
  case compoundFile
  /// Compressed files.
  case gzip, bzip2, xz, zstandard, sevenZip
  /// A PDF document.
  case pdf
  /// An SQLite database.
  case sqlite
  /// An XML document: a bank's camt.053 statement, an Excel 2003 XML sheet.
  case xml
  /// An HTML page, as some programs save a table under an `.xls` name.
  case html

  /// How many bytes at the start of a file ``init(start:)`` looks at.
  package static let signatureLength = 16

  /// The kind whose signature `start` (a file's first bytes) begins with, if any.
  package init?(start: some Collection<UInt8>) {
    let bytes = Array(start.prefix(Self.signatureLength))
    guard let kind = Self.allCases.first(where: { $0.matches(bytes) }) else { return nil }
    self = kind
  }

  private func matches(_ bytes: [UInt8]) -> Bool {
    switch self {
    case .zip:
      // A local file header, an empty archive's end record, or a spanned archive's marker.
      bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
        || bytes.starts(with: [0x50, 0x4B, 0x07, 0x08])
    case .compoundFile: bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    case .gzip: bytes.starts(with: [0x1F, 0x8B])
    case .bzip2:
      // `BZh`, the block size digit, then the first block's magic number.
      bytes.count >= 10 && bytes.starts(with: Array("BZh".utf8)) && (0x31...0x39).contains(bytes[3])
        && bytes[4..<10].elementsEqual([0x31, 0x41, 0x59, 0x26, 0x53, 0x59])
    case .xz: bytes.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])
    case .zstandard: bytes.starts(with: [0x28, 0xB5, 0x2F, 0xFD])
    case .sevenZip: bytes.starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])
    case .pdf: bytes.starts(with: Array("%PDF-".utf8))
    case .sqlite: bytes.starts(with: Array("SQLite format 3".utf8) + [0])
    case .xml: ForeignFileKind.tag(in: bytes).map { $0.starts(with: Array("<?xml".utf8)) } ?? false
    case .html:
      ForeignFileKind.tag(in: bytes).map { tag in
        ["<!doctype", "<html", "<table"].contains { tag.starts(with: Array($0.utf8)) }
      } ?? false
    }
  }

  /// The bytes from the first `<`, in small letters, when only a UTF-8 byte order mark and
  /// white space come before it; `nil` otherwise.
  private static func tag(in bytes: [UInt8]) -> [UInt8]? {
    var rest = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    rest = rest.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    guard rest.first == UInt8(ascii: "<") else { return nil }
    return rest.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
  }

  /// The error for a file of this kind named `name` (a path, or `<stdin>`).
  package func refusal(name: String) -> DataReadError {
    let stdin = name == "<stdin>"
    let shown = MessageText.escaped(name)
    let file = stdin ? "standard input" : "'\(shown)'"
    // The name as a shell reads it back, for the commands in the hints: 'it'\''s.gz'.
    let argument = "'" + shown.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    func compressed(_ format: String, by tool: String) -> (String, String) {
      let how =
        stdin
        ? "decompress it before the pipe: \(tool) -c FILE | verdict …" : "decompress it first: \(tool) -k \(argument)"
      return ("is compressed with \(format)", how)
    }
    let workbook = "save the sheet as CSV from Excel or LibreOffice (File > Save As > CSV UTF-8) and read that file"
    let (what, hint): (String, String) =
      switch self {
      case .zip:
        (
          "is a zip archive, not text (an Excel .xlsx or OpenDocument .ods workbook is one)",
          workbook + ", or unzip it and read the CSV file inside"
        )
      case .compoundFile: ("is an Excel 97-2003 workbook (.xls) or another old Office file, not text", workbook)
      case .gzip: compressed("gzip", by: "gunzip")
      case .bzip2: compressed("bzip2", by: "bunzip2")
      case .xz: compressed("xz", by: "unxz")
      case .zstandard: compressed("Zstandard", by: "unzstd")
      case .sevenZip: ("is a 7-Zip archive, not text", "extract it first (7z x) and read the CSV file inside")
      case .pdf:
        (
          "is a PDF document, not text",
          "export the data as CSV from the program that made the PDF (a bank's or an accounting tool's export)"
        )
      case .sqlite:
        (
          "is an SQLite database, not text",
          "export a table as CSV: sqlite3 -header -csv \(stdin ? "FILE" : argument) 'SELECT * FROM TABLE'"
        )
      case .xml:
        (
          "is an XML document (a bank's camt.053 statement or an Excel 2003 XML sheet is one)",
          "export the data as CSV from the program that made it, or open an XML sheet in Excel or LibreOffice "
            + "and save it as CSV (File > Save As > CSV UTF-8)"
        )
      case .html:
        (
          "is an HTML page (some programs save a table as one, even under an .xls name)",
          "open it in Excel or LibreOffice and save the table as CSV (File > Save As > CSV UTF-8)"
        )
      }
    return DataReadError(line: 0, column: 0, message: "\(file) \(what); expected CSV or JSON text", hint: hint)
  }
}
