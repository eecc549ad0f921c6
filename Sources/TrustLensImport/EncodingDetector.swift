/// Decides a file's text encoding from its first bytes.
///
/// In order: a byte-order mark (UTF-8, UTF-16 LE or BE; consumed), UTF-16 without a mark
/// (every other byte zero, as in ASCII-heavy text), binary content (a known file signature,
/// or more than a tenth control bytes), and — for formats people save from spreadsheets and
/// editors (CSV, TSV, text journals) — Windows-1252 when the bytes are not UTF-8 and hold no
/// valid UTF-8 sequence of more than one byte at all. Anything else is UTF-8; bytes that
/// still break UTF-8 are then reported by the reader, record by record, with the fix.
enum EncodingDetector {
  /// The verdict on a file's first bytes.
  struct Verdict: Equatable {
    var encoding: TextEncoding
    var origin: FileReport.Origin
    /// Bytes of a byte-order mark to consume.
    var markLength = 0
  }

  /// The encoding from a byte-order mark or a zero-byte pattern, or `nil` for binary content.
  static func detect(_ head: [UInt8]) -> Verdict? {
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { return Verdict(encoding: .utf8, origin: .file, markLength: 3) }
    if head.starts(with: [0xFF, 0xFE]) { return Verdict(encoding: .utf16LE, origin: .file, markLength: 2) }
    if head.starts(with: [0xFE, 0xFF]) { return Verdict(encoding: .utf16BE, origin: .file, markLength: 2) }
    if let unmarked = utf16WithoutMark(head) { return Verdict(encoding: unmarked, origin: .guessed) }
    if isBinary(head) { return nil }
    return Verdict(encoding: .utf8, origin: .assumed)
  }

  /// The byte-order mark a given encoding's file may still start with.
  static func markLength(of encoding: TextEncoding, in head: [UInt8]) -> Int {
    switch encoding {
    case .utf8: head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    case .utf16LE: head.starts(with: [0xFF, 0xFE]) ? 2 : 0
    case .utf16BE: head.starts(with: [0xFE, 0xFF]) ? 2 : 0
    case .windows1252, .latin1: 0
    }
  }

  /// UTF-16 text without a byte-order mark: at least 16 bytes, zeros in nearly every other
  /// byte and nearly none in the others.
  private static func utf16WithoutMark(_ head: [UInt8]) -> TextEncoding? {
    let pairs = head.count / 2
    guard pairs >= 8 else { return nil }
    var evenZeros = 0, oddZeros = 0
    for index in 0..<pairs {
      if head[2 * index] == 0 { evenZeros += 1 }
      if head[2 * index + 1] == 0 { oddZeros += 1 }
    }
    if oddZeros * 10 >= pairs * 7 && evenZeros * 20 < pairs { return .utf16LE }
    if evenZeros * 10 >= pairs * 7 && oddZeros * 20 < pairs { return .utf16BE }
    return nil
  }

  /// Signatures of the binary files most often met beside journals.
  private static let signatures: [[UInt8]] = [
    Array("%PDF".utf8), [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8), [0x7F, 0x45, 0x4C, 0x46],
    Array("SQLite format 3".utf8), [0xD0, 0xCF, 0x11, 0xE0], [0x1F, 0x8B], [0xCF, 0xFA, 0xED, 0xFE],
    Array("Rar!".utf8), [0x37, 0x7A, 0xBC, 0xAF],
  ]

  /// A known signature, or more than a tenth control bytes (other than tab, line ends, form
  /// feed and escape).
  static func isBinary(_ head: [UInt8]) -> Bool {
    if signatures.contains(where: { head.starts(with: $0) }) { return true }
    guard !head.isEmpty else { return false }
    let controls = head.lazy.filter { $0 < 0x20 && ![9, 10, 12, 13, 27].contains($0) }.count
    return controls * 10 > head.count
  }

  /// Windows-1252 when `head` is not UTF-8 and holds no multi-byte UTF-8 sequence (a sequence
  /// cut at the end of a partial head does not count against it).
  static func looksLikeWindows1252(_ head: [UInt8], complete: Bool) -> Bool {
    var index = 0
    var invalid = false
    while index < head.count {
      let byte = head[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      let length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
      if length == 0 {
        invalid = true
        index += 1
        continue
      }
      if index + length > head.count {
        if complete { invalid = true }
        break
      }
      if String(validating: head[index..<index + length], as: UTF8.self) != nil { return false }
      invalid = true
      index += 1
    }
    return invalid
  }
}
