/// A file or folder met while expanding an input and not read, with the reason (for standard
/// error and the run summary: nothing met is skipped silently).
public struct SkippedFile: Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `path: reason`, as printed on standard error.
  public var description: String { "\(path): \(reason)" }
}
