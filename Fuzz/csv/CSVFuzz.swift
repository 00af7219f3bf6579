@testable import VerdictData

/// Bytes → `ByteSource` → `CSVReader`, in several configurations, against `ReferenceCSV` and
/// `ReferenceDecoding`.
///
/// The first two bytes choose the encoding (none, detected, or forced), the separator (detected
/// or fixed), the lines to skip and a chunk size; the rest is the file. Checked: the reader
/// gives the reference's header, separator, records and error, whatever the chunk size; a
/// source hands out the reference's UTF-8, or fails exactly where the reference does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var input = FuzzInput(data, size)
  let mode = input.byte()
  let chunkSize = 1 + Int(input.byte() % 23)
  let file = input.rest()
  let encodings: [TextEncoding?] = [nil, .utf8, .utf16, .windows1252, .latin1, .windows1250, .windows1251]
  // The low three bits: no encoding (bytes as they are), detected, or one of seven forced.
  let encodingChoice = Int(mode & 7) % (encodings.count + 1)
  let separators: [UInt8?] = [nil, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
  let separator = separators[Int(mode >> 3 & 7) % separators.count]
  let skipLines = Int(mode >> 6)

  let encoding: TextEncoding?
  let decoded: [UInt8]?
  func source(_ chunk: Int) -> ByteSource {
    encodingChoice == 0
      ? ByteSource(bytes: file, chunkSize: chunk)
      : ByteSource(bytes: file, encoding: encodings[encodingChoice - 1], chunkSize: chunk)
  }
  if encodingChoice == 0 {
    encoding = nil
    decoded = file
  } else {
    var detected = encodings[encodingChoice - 1] ?? ReferenceDecoding.detect(file)
    let probe = source(chunkSize)
    // Where the reference says Windows-1252, EastAsianLook may find an East Asian code page or
    // refuse to choose; the encoding target checks that choice, this one reads what follows it.
    if detected == .windows1252, encodings[encodingChoice - 1] == nil {
      if let failure = probe.detectionFailure {
        let whole = read(source(file.count + 1), separator: separator, skipLines: skipLines)
        invariant(whole.error == failure, "detection refused \(failure), the reader \(String(describing: whole.error))")
        return 0
      }
      if MultiByteDecoder.iconvName(of: probe.encoding) != nil { detected = probe.encoding }
    }
    invariant(probe.encoding == detected, "encoding \(probe.encoding), expected \(detected)")
    encoding = detected
    decoded = ReferenceDecoding.decode(file, as: detected)
    checkDecoding(source(file.count + 1), decoded)
    checkDecoding(source(chunkSize), decoded)
  }

  let whole = read(source(file.count + 1), separator: separator, skipLines: skipLines)
  let chunked = read(source(chunkSize), separator: separator, skipLines: skipLines)
  guard let decoded else {
    // How many records come before the error depends on where the chunks end.
    invariant(whole.error != nil, "input that is not \(encoding.map(\.rawValue) ?? "") read without an error")
    invariant(whole.error == chunked.error, "chunk size \(chunkSize) fails otherwise:\n\(whole)\n\(chunked)")
    return 0
  }
  invariant(whole == chunked, "chunk size \(chunkSize) reads otherwise:\n\(whole)\n\(chunked)")
  let expected = ReferenceCSV.read(decoded, separator: separator, skipLines: skipLines)
  invariant(whole == expected, "the reader and the reference differ:\n\(whole)\n\(expected)")
  return 0
}

/// Everything a reader gives, with every field checked against the record's bytes.
func read(_ source: ByteSource, separator: UInt8?, skipLines: Int) -> CSVReading {
  var result = CSVReading()
  let reader: CSVReader
  do {
    reader = try CSVReader(
      source: source, dialect: separator.map { CSVDialect(separator: $0, decimalComma: false) }, skipLines: skipLines,
      maxRecordBytes: CSVReader.maxRecordBytes)
  } catch {
    result.error = error
    return result
  }
  result.header = reader.header
  result.separator = reader.dialect.separator
  result.linesBeforeHeader = reader.linesBeforeHeader
  do {
    try reader.forEachRecord { record in
      var fields: [[UInt8]] = []
      for index in 0..<record.count {
        let field = record[index]
        fields.append(Array(field))
        if let bytes = record.bytes, let start = bytes.baseAddress, field.count > 0, let fieldStart = field.baseAddress
        {
          invariant(
            fieldStart >= start && fieldStart + field.count <= start + bytes.count,
            "field \(index) of line \(record.position.line) lies outside the record's bytes")
        }
      }
      invariant(record[record.count].isEmpty && record[-1].isEmpty, "a field past the end is not empty")
      result.records.append(CSVReading.Record(line: record.position.line, fields: fields))
    }
  } catch let error as DataReadError {
    result.error = error
  } catch {
    invariant(false, "forEachRecord threw \(error)")
  }
  return result
}

/// Reads a source to the end and compares what it hands out with the reference's decoding.
func checkDecoding(_ source: ByteSource, _ expected: [UInt8]?) {
  var output: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 4096)
  do {
    while true {
      let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
      if count == 0 { break }
      output += buffer[..<count]
    }
  } catch {
    invariant(expected == nil, "\(source.encoding) reading failed: \(error)")
    // What came before the error is the start of the text.
    return
  }
  invariant(expected != nil, "\(source.encoding) input that is not valid was read without an error")
  invariant(output == expected, "\(source.encoding) decodes to \(output), expected \(expected ?? [])")
}
