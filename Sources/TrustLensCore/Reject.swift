/// A record that could not be used, with where it starts and a plain reason. Reasons never
/// quote journal text.
package struct Reject: Sendable, Hashable {
  package var source: SourceLocation
  package var reason: String
  /// The subject the record belongs to, when it is known without reading the record (the
  /// file's client folder or a fixed id) or from the record itself; `nil` otherwise.
  package var subject: String?

  package init(source: SourceLocation, reason: String, subject: String? = nil) {
    self.source = source
    self.reason = reason
    self.subject = subject
  }
}
