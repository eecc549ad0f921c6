/// Which column (or JSON key) each field is read from, where the defaults do not fit
/// (`columns: {text: "Journal Entry", trust: "Trust (0-10)"}`, `--column text="Journal Entry"`).
///
/// Column names are compared folded (case, spaces and punctuation ignored). A mapped field is
/// read only from its column: the field's default names then count as other columns.
package struct ColumnMapping: Sendable, Equatable {
  /// Field (`text`, `date`, `trust`, …) → column name as written in the file.
  package private(set) var columns: [String: String] = [:]

  package init() {}

  package var isEmpty: Bool { columns.isEmpty }

  /// The fields a mapping may name.
  package static var fields: [String] { FieldNames.fields }

  /// Maps `field` (any spelling: `self-care`, `Self Care`) to `column`.
  /// - Returns: the problem, or `nil` when the mapping was added.
  package mutating func map(_ field: String, to column: String) -> String? {
    guard let target = FieldNames.mappingTarget(field) else {
      return "unknown field \"\(Excerpt.clean(field))\" in columns (expected one of: \(FieldNames.fields.joined(separator: ", ")))"
    }
    guard !FieldNames.fold(column).isEmpty else { return "columns: \(target) needs a column name" }
    columns[target] = column
    return nil
  }

  /// Parses `field=Column name` (the `--column` option).
  /// - Returns: the problem, or `nil`.
  package mutating func map(assignment: String) -> String? {
    guard let equals = assignment.firstIndex(of: "=") else {
      return "--column needs FIELD=COLUMN, e.g. text=\"Journal Entry\""
    }
    return map(String(assignment[..<equals]), to: String(assignment[assignment.index(after: equals)...]))
  }
}
