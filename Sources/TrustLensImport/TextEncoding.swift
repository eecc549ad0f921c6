/// The text encodings TrustLens reads (pipeline `encoding:`, `--encoding`).
///
/// Every reader works on UTF-8; other encodings are transcoded as the bytes stream past.
package enum TextEncoding: String, Sendable, CaseIterable, Equatable {
  case utf8 = "utf-8"
  case utf16LE = "utf-16le"
  case utf16BE = "utf-16be"
  /// Windows' Western European code page (what older Notepad and Excel's
  /// "CSV (Comma delimited)" write): Latin-1 plus curly quotes, dashes and € in 0x80–0x9F.
  case windows1252 = "windows-1252"
  /// ISO 8859-1: every byte is the Unicode code point of the same number.
  case latin1 = "latin-1"

  /// Parses a name as people write it: `utf-8`, `UTF8`, `utf-16`, `cp1252`, `iso-8859-1`…
  package init?(name: String) {
    let folded = name.lowercased().filter { $0.isLetter || $0.isNumber }
    switch folded {
    case "utf8": self = .utf8
    case "utf16le", "utf16", "unicode": self = .utf16LE
    case "utf16be": self = .utf16BE
    case "windows1252", "cp1252", "win1252", "ansi": self = .windows1252
    case "latin1", "iso88591", "l1": self = .latin1
    default: return nil
    }
  }

  /// The accepted spellings, for messages.
  package static let names = "utf-8, utf-16le, utf-16be, windows-1252, latin-1"
}
