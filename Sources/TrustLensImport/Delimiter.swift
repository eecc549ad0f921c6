/// A column separator of delimited text.
package enum Delimiter: String, Sendable, CaseIterable, Equatable {
  case comma = ",", semicolon = ";", tab = "\t", pipe = "|"

  /// Parses `,` `;` `|`, a tab, or their names (`comma`, `semicolon`, `tab`, `pipe`, `\t`).
  package init?(name: String) {
    switch name.lowercased() {
    case ",", "comma": self = .comma
    case ";", "semicolon": self = .semicolon
    case "\t", "\\t", "tab": self = .tab
    case "|", "pipe": self = .pipe
    default: return nil
    }
  }

  var byte: UInt8 { rawValue.utf8.first! }

  /// As messages show it: `","`, `";"`, `tab`, `"|"`.
  package var displayName: String { self == .tab ? "tab" : "\"\(rawValue)\"" }

  /// The accepted spellings, for messages.
  package static let names = "comma (,), semicolon (;), tab, pipe (|)"
}
