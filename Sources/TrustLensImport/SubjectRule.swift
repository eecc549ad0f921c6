/// How the subject of a record that does not name its own is decided: a record's `subject`
/// (alias `client`) field always comes first (../shared/CONTRACT.md).
package enum SubjectRule: Sendable, Equatable {
  /// Only the record's field, else `default`.
  case field
  /// The file's client folder (see ``InputFiles``), else `default`.
  case folder
  /// A fixed id for every record of the input that names none.
  case fixed(String)

  /// Parses `field`, `folder` or any other text as a fixed id.
  package init(_ text: String) {
    switch text {
    case "field": self = .field
    case "folder": self = .folder
    default: self = .fixed(text)
    }
  }
}
