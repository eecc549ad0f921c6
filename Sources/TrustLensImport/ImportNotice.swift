package import TrustLensCore

/// Something a reader wants the user to know about a file that is not a rejected record: a
/// guess it made (the delimiter, the encoding), a header column it could not place, a bad
/// field of a record that was kept, text before the first dated entry. Notices never quote
/// journal text.
package struct ImportNotice: Sendable, Hashable, CustomStringConvertible {
  package let source: SourceLocation
  package let message: String

  package init(source: SourceLocation, message: String) {
    self.source = source
    self.message = message
  }

  /// `file:line: message`, as printed on standard error.
  package var description: String { "\(source): \(message)" }
}
