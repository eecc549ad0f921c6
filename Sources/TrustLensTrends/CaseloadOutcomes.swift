/// A caseload's outcomes as measurement-based-care tools report them: how many subjects show
/// reliable improvement, reliable deterioration or no reliable change of the repair rating
/// (``RepairChange``), how many could not be measured, and how many are inactive.
///
/// Computed once from the assessments; every renderer shows these counts.
package struct CaseloadOutcomes: Sendable, Equatable {
  package var subjects = 0
  package var improved = 0
  package var deteriorated = 0
  package var unchanged = 0
  /// Subjects without a repair rating to measure (fewer than two ratings, or none).
  package var notMeasured = 0
  /// Subjects with an `inactive` signal.
  package var inactive = 0

  package init() {}

  package init(_ assessments: some Sequence<Assessment>) {
    for assessment in assessments { add(assessment) }
  }

  /// Counts one more subject.
  package mutating func add(_ assessment: Assessment) {
    subjects += 1
    switch assessment.repairChange?.outcome {
    case .improved: improved += 1
    case .deteriorated: deteriorated += 1
    case .unchanged: unchanged += 1
    case nil: notMeasured += 1
    }
    if assessment.has(.inactive) { inactive += 1 }
  }

  /// One line for text outputs: `3 reliably improved, 1 reliably deteriorated, 5 no reliable
  /// change, 2 not measured (RCI on the repair rating); 4 inactive`.
  package var sentence: String {
    "\(improved) reliably improved, \(deteriorated) reliably deteriorated, \(unchanged) no reliable change, "
      + "\(notMeasured) not measured (RCI on the repair rating); \(inactive) inactive"
  }
}
