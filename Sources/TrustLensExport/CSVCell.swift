import TrustLensCore

/// CSV cells that are safe to open in a spreadsheet.
package enum CSVCell {
  /// Quotes a cell per RFC 4180 when needed, and neutralises text a spreadsheet would run as
  /// a formula: a cell starting with `= + - @`, a tab, CR or another control character gets a
  /// leading `'` — unless the whole cell is a plain number such as `-0.5`.
  /// Controls other than TAB and LF are escaped first (``TerminalText``), so no cell carries
  /// an escape sequence to a terminal.
  package static func escape(_ raw: String) -> String {
    var cell = TerminalText.escaped(raw, keepingLayout: true)
    if let first = cell.unicodeScalars.first, Double(cell) == nil,
      "=+-@".unicodeScalars.contains(first) || first.value < 0x20 || first.value == 0x7F
    {
      cell = "'" + cell
    }
    return quote(cell)
  }

  /// RFC 4180 quoting alone, when needed (no formula neutralisation: for files that are not
  /// meant for spreadsheets).
  package static func quote(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
    return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
  }

  /// One CSV line (with CR-LF, as RFC 4180 says).
  package static func line(_ cells: [String]) -> String {
    cells.map(escape).joined(separator: ",") + "\r\n"
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
