import TrustLensCore

/// Where each subject's rows sit in the Weekly and Monthly sheets (charts point at them),
/// and which column holds each measure. The Weekly sheet has a row for every week from a
/// subject's first week to its last (``WeekAxis``), the Monthly sheet one per month with data.
struct RollupLayout {
  /// First data row of each subject in Weekly, by index in `report.subjects`.
  let weeklyStart: [Int]
  let monthlyStart: [Int]

  init(_ report: Report) {
    var row = 1
    var weekly: [Int] = []
    for subject in report.subjects {
      weekly.append(row)
      row += subject.rollups.weekCount
    }
    row = 1
    var monthly: [Int] = []
    for subject in report.subjects {
      monthly.append(row)
      row += subject.rollups.monthlyCount
    }
    weeklyStart = weekly
    monthlyStart = monthly
  }

  static let subject = 0, period = 1, texts = 2, entries = 3, valence = 4
  static func column(of rating: Rating) -> Int { 5 + rating.position }
  static let held = 5 + Rating.allCases.count, skipped = held + 1, commitmentsMade = held + 2, commitmentsKept = held + 3
  /// The built-in emotions' columns (share of the period's texts carrying each) start here.
  static let firstEmotion = held + 4
  static func column(ofEmotion emotion: String) -> Int? { Taxonomy.emotions.firstIndex(of: emotion).map { firstEmotion + $0 } }
}
