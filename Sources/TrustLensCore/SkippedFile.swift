/// A file or folder met while expanding an input and not read, with the reason (for standard
/// error and the run summary: nothing met is skipped silently).
package struct SkippedFile: Sendable, Hashable, CustomStringConvertible {
  package var path: String
  package var reason: String

  package init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `path: reason`, as printed on standard error.
  package var description: String { "\(path): \(reason)" }
}
