/// How a record's subject is decided.
package enum SubjectRule: Sendable, Equatable {
  /// The record's `subject` (alias `client`) field, else `default`.
  case field
  /// The file's client folder (see ``InputFiles``), else the field rule.
  case folder
  /// A fixed id for every record of the input.
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
