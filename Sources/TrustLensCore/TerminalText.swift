/// Rules for text from input that is shown in a terminal.
public enum TerminalText {
  /// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
  /// and the marks U+200E/U+200F: they can reorder what a terminal shows ("Trojan Source"),
  /// so terminal output drops them along with control characters.
  public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
}
