/// The string helpers the readers run on every line and cell, on the UTF-8 bytes where that is
/// faster than characters: blank checks, ASCII searches, trimming, file names.
extension StringProtocol {
  /// Whether the text is empty or only white space (`Character.isWhitespace`). Decided on
  /// the first bytes for ASCII, without walking grapheme clusters; the rule is the
  /// characters' all the same.
  var isAllWhitespace: Bool {
    for byte in utf8 {
      if isASCIISpace(byte) { continue }
      if byte < 0x80 { return false }
      return allSatisfy(\.isWhitespace)
    }
    return true
  }

  /// The index of the first `byte` (an ASCII character, so always a character boundary),
  /// searched on the contiguous UTF-8 storage; a generic walk of the UTF-8 view is several
  /// times slower, and readers search every line.
  func firstIndex(ofASCII byte: UInt8, from start: Index? = nil) -> Index? {
    let from = start ?? startIndex
    let found: Int?? = self[from...].utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: byte) }
    guard let offset = found else { return self[from...].utf8.firstIndex(of: byte) }
    return offset.map { utf8.index(from, offsetBy: $0) }
  }
}

extension String {
  /// The text without leading and trailing white space (see `Substring.trimmed()`).
  func trimmed() -> String { self[...].trimmed() }
}

extension Substring {
  /// The text without leading and trailing white space and line ends (Unicode), without a
  /// round trip through Foundation. ASCII white space is trimmed on the UTF-8 view; other
  /// white space (no-break space, ideographic space) falls back to a scalar scan.
  func trimmed() -> String {
    let utf8 = self.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end, isASCIISpace(utf8[start]) { utf8.formIndex(after: &start) }
    while end > start {
      let before = utf8.index(before: end)
      guard isASCIISpace(utf8[before]) else { break }
      end = before
    }
    if start < end, utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 {
      return String(self[start..<end])
    }
    let inner = self[start..<end]
    let scalars = inner.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(inner[first..<scalars.index(after: last)])
  }
}

/// Space, tab and the line ends (`\t` … `\r`): the ASCII white space both trims and blank checks skip.
@inline(__always)
func isASCIISpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }

/// The last path component of a file path (after the last `/`).
func fileName(of path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return path }
  return String(path[path.index(after: slash)...])
}
