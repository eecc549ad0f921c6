/// An alert of `fail_on` / `fail_on_any`: a subject showing a signal.
struct Alert: Sendable, Equatable {
  var subject: String
  var displayName: String
  var signal: String

  /// `subject: signal`, as standard error, the summary and the outputs show it.
  var text: String { "\(displayName): \(signal)" }
}
