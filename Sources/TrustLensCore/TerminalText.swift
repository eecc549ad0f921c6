/// The one rule for text from input that is shown in a terminal or a log: every line TrustLens
/// writes to standard error, the terminal tables and dashboard, and CSV cells.
///
/// Controls are escaped, not dropped, so a reader sees that they were there and none of them
/// acts: ESC as `\e` (no CSI, OSC 8 hyperlink or OSC 52 clipboard sequence gets through),
/// CR `\r` and BS `\b` (which could overwrite what a line shows), TAB `\t`, LF `\n`, BEL `\a`,
/// other C0 characters and DEL as `\xNN`, C1 controls and the line and paragraph separators
/// as `\u{NNNN}`. Bidirectional controls are removed: they reorder what a terminal shows
/// ("Trojan Source"). A backslash from input stays as it is.
package enum TerminalText {
  /// `text` with controls escaped and bidirectional controls removed (see the type).
  /// - Parameter keepingLayout: keep TAB and LF as they are (multi-line cells and tables),
  ///   escaping the rest.
  package static func escaped(_ text: String, keepingLayout: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0) || isBidiControl($0) }) else { return text }
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
    for scalar in text.unicodeScalars {
      if isBidiControl(scalar) { continue }
      if keepingLayout && (scalar == "\t" || scalar == "\n") || !needsEscape(scalar) {
        result.unicodeScalars.append(scalar)
        continue
      }
      result += escape(scalar)
    }
    return result
  }

  /// C0 controls, DEL, C1 controls and U+2028/U+2029: what ``escaped(_:keepingLayout:)``
  /// escapes.
  package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
  /// and the marks U+200E/U+200F, U+061C: they can reorder what a terminal shows, so terminal
  /// output drops them.
  package static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  private static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\u{1B}": return "\\e"
    case "\r": return "\\r"
    case "\n": return "\\n"
    case "\t": return "\\t"
    case "\u{08}": return "\\b"
    case "\u{07}": return "\\a"
    default:
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
    }
  }
}
