/// How the files of one input are laid out, where detection needs help: the settings a
/// pipeline input (`delimiter:`, `encoding:`, `columns:`, `date_format:`, `decimal:`,
/// `follow_links: anywhere`) or the command line (`--delimiter`, `--encoding`, `--column`,
/// `--date-format`) passes to the readers unchanged. Every field's default is "detect".
public struct ReadingOptions: Sendable, Equatable {
  /// The column separator of CSV/TSV files; `nil` sniffs it (`,` `;` tab `|`) from the header
  /// and the first rows.
  public var delimiter: Delimiter?
  /// The text encoding; `nil` detects it (see ``TextEncoding`` and the README).
  public var encoding: TextEncoding?
  /// Columns (or JSON keys) named for fields, over the default aliases.
  public var columns = ColumnMapping()
  /// A pattern for the dates of this input (`DD.MM.YYYY HH:mm`); ISO 8601 dates are read too.
  public var datePattern: DatePattern?
  /// Ratings written with a decimal comma (`3,5`). Without it a decimal comma is still read
  /// in files whose columns are not separated by commas.
  public var decimalComma = false
  /// Followed symbolic links may lead outside the input folder (`follow_links: anywhere`).
  public var linksAnywhere = false

  public init() {}
}

/// A column separator of delimited text.
public enum Delimiter: String, Sendable, CaseIterable, Equatable {
  case comma = ",", semicolon = ";", tab = "\t", pipe = "|"

  /// Parses `,` `;` `|`, a tab, or their names (`comma`, `semicolon`, `tab`, `pipe`, `\t`).
  public init?(name: String) {
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
  public var displayName: String { self == .tab ? "tab" : "\"\(rawValue)\"" }

  /// The accepted spellings, for messages.
  public static let names = "comma (,), semicolon (;), tab, pipe (|)"
}

/// Which column (or JSON key) each field is read from, where the defaults do not fit
/// (`columns: {text: "Journal Entry", trust: "Trust (0-10)"}`, `--column text="Journal Entry"`).
///
/// Column names are compared folded (case, spaces and punctuation ignored). A mapped field is
/// read only from its column: the field's default names then count as other columns.
public struct ColumnMapping: Sendable, Equatable {
  /// Field (`text`, `date`, `trust`, …) → column name as written in the file.
  public private(set) var columns: [String: String] = [:]

  public init() {}

  public var isEmpty: Bool { columns.isEmpty }

  /// The fields a mapping may name.
  public static var fields: [String] { FieldNames.fields }

  /// Maps `field` (any spelling: `self-care`, `Self Care`) to `column`.
  /// - Returns: the problem, or `nil` when the mapping was added.
  public mutating func map(_ field: String, to column: String) -> String? {
    guard let target = FieldNames.mappingTarget(field) else {
      return "unknown field \"\(Excerpt.clean(field))\" in columns (expected one of: \(FieldNames.fields.joined(separator: ", ")))"
    }
    guard !FieldNames.fold(column).isEmpty else { return "columns: \(target) needs a column name" }
    columns[target] = column
    return nil
  }

  /// Parses `field=Column name` (the `--column` option).
  /// - Returns: the problem, or `nil`.
  public mutating func map(assignment: String) -> String? {
    guard let equals = assignment.firstIndex(of: "=") else {
      return "--column needs FIELD=COLUMN, e.g. text=\"Journal Entry\""
    }
    return map(String(assignment[..<equals]), to: String(assignment[assignment.index(after: equals)...]))
  }
}
