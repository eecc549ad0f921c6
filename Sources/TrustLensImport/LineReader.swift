/// Splits a byte stream into lines, counting them from 1.
///
/// A line ends at LF; a CR right before the LF is dropped, so CR-LF files read like LF files; in
/// a file whose first 64 KiB hold CRs and no LF (classic Mac line ends) a line ends at CR.
/// The last line needs no line end. A UTF-8 byte-order mark at the very start is skipped.
/// Lines longer than `maxLength` bytes are not kept: the reader skips to their end and
/// reports them as too long, so memory stays bounded whatever the input.
struct LineReader {
  struct Line {
    /// 1-based line number.
    var number: Int
    /// The line's bytes without the line end; empty when `tooLong`.
    var bytes: [UInt8]
    var tooLong: Bool
    /// A too-long line's first ``headLength`` bytes (else empty): enough to tell whether it
    /// starts a record (a dated heading) without keeping the line.
    var head: [UInt8] = []
  }

  static let headLength = 256

  private let source: ByteSource
  private let maxLength: Int
  private var lineNumber = 0
  private var started = false
  /// `\n`, or `\r` for a file whose first 64 KiB hold carriage returns and no line feed (classic
  /// Mac line ends: their lines were read as one).
  private var delimiter = UInt8(ascii: "\n")

  init(source: ByteSource, maxLength: Int = 1 << 20) {
    self.source = source
    self.maxLength = maxLength
  }

  /// The next line, or `nil` when the input is exhausted.
  mutating func next() throws(ImportError) -> Line? {
    if !started {
      started = true
      try skipByteOrderMark(source)
      delimiter = try lineEnd(of: source)
    }
    guard try source.peek() != nil else { return nil }
    lineNumber += 1
    var bytes: [UInt8] = []
    var length = 0
    _ = try source.readLine(into: &bytes, delimiter: delimiter, limit: maxLength + 1, length: &length)
    if bytes.last == UInt8(ascii: "\r") {
      bytes.removeLast()
      length -= 1
    }
    if length > maxLength { return Line(number: lineNumber, bytes: [], tooLong: true, head: Array(bytes.prefix(Self.headLength))) }
    return Line(number: lineNumber, bytes: bytes, tooLong: false)
  }
}

/// Consumes a UTF-8 byte-order mark if the source starts with one.
///
/// Only called before anything else was read; a partial mark is left in place (it is then
/// reported as invalid text by whoever reads it).
func skipByteOrderMark(_ source: ByteSource) throws(ImportError) {
  guard try source.peek() == 0xEF else { return }
  _ = try source.read()
  guard try source.peek() == 0xBB else { return }
  _ = try source.read()
  if try source.peek() == 0xBF { _ = try source.read() }
}

/// The byte that ends a line of `source`: LF, or CR for a file whose first 64 KiB hold CRs and
/// no LF (classic Mac line ends, whose lines were read as one). Looks without consuming.
func lineEnd(of source: ByteSource) throws(ImportError) -> UInt8 {
  let head = try source.lookahead(64 << 10)
  return head.contains(UInt8(ascii: "\r")) && !head.contains(UInt8(ascii: "\n")) ? UInt8(ascii: "\r") : UInt8(ascii: "\n")
}
