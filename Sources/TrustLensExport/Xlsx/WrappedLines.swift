/// How many lines a wrapped cell takes, for the row heights LibreOffice and Excel do not
/// compute when they open a file: words are laid out greedily on lines of a column's width
/// (in characters of the default font, counted a little generously so text is never cut),
/// and every line break in the text starts a line.
enum WrappedLines {
  /// Points per line of the default 11-point font.
  static let lineHeight = 15.0

  /// The lines `text` takes in a column `width` characters wide (at least 1).
  static func count(_ text: String, width: Double) -> Int {
    let room = max(1, Int(width * 1.1) - 1)
    var lines = 1, used = 0, word = 0
    func endWord() {
      guard word > 0 else { return }
      if used == 0 {
        used = word
      } else if used + 1 + word <= room {
        used += 1 + word
      } else {
        lines += 1
        used = word
      }
      // A word longer than the line is broken over as many lines as it needs.
      while used > room {
        lines += 1
        used -= room
      }
      word = 0
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        endWord()
      case UInt8(ascii: "\n"):
        endWord()
        lines += 1
        used = 0
      case UInt8(ascii: "\r"):
        continue
      case 0x80..<0xC0:
        continue  // a UTF-8 continuation byte: part of the character before
      default:
        word += 1
      }
    }
    endWord()
    return lines
  }

  /// The height in points of a row whose wrapped cells take `lines` lines, at most
  /// `maximumLines` (past that the cell shows its start; the whole text is in the cell).
  static func height(lines: Int, maximumLines: Int) -> Double {
    lineHeight * Double(min(max(lines, 1), maximumLines))
  }
}
