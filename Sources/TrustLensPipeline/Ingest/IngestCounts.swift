package import TrustLensCore

/// What ``Ingest`` counted: the whole stream's counts, and each subject's (its rejects are
/// those whose subject was known, see ``TrustLensCore/Reject/subject``).
package struct IngestCounts: Sendable, Equatable {
  package var total = RunCounts()
  package var bySubject: [String: RunCounts] = [:]

  package init() {}

  /// Counts one more of `field`, in total and for `subject` when it is known.
  mutating func add(_ field: WritableKeyPath<RunCounts, Int>, subject: String?) {
    total[keyPath: field] += 1
    if let subject { bySubject[subject, default: RunCounts()][keyPath: field] += 1 }
  }

  /// A subject's counts (all zero for a subject never seen).
  package subscript(subject: String) -> RunCounts { bySubject[subject] ?? RunCounts() }
}
