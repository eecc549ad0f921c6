public import TrustLensCore

/// What ``Ingest`` counted: the whole stream's counts, and each subject's (its rejects are
/// those whose subject was known, see ``TrustLensCore/Reject/subject``).
public struct IngestCounts: Sendable, Equatable {
  public var total = RunCounts()
  public var bySubject: [String: RunCounts] = [:]

  public init() {}

  /// Counts one more of `field`, in total and for `subject` when it is known.
  mutating func add(_ field: WritableKeyPath<RunCounts, Int>, subject: String?) {
    total[keyPath: field] += 1
    if let subject { bySubject[subject, default: RunCounts()][keyPath: field] += 1 }
  }

  /// A subject's counts (all zero for a subject never seen).
  public subscript(subject: String) -> RunCounts { bySubject[subject] ?? RunCounts() }
}
