/// One structured check-in. A check-in with `held == false` was skipped: that is evidence of
/// avoidance, not missing data, and it carries no ratings.
package struct CheckIn: Sendable, Hashable, Codable {
  package var id: String
  package var subject: String
  package var date: RecordDate
  package var source: SourceLocation
  package var held: Bool
  /// Ratings by name (`trust`, `communication`, `safety`, `self_care`, `mood`, and any extra
  /// numeric column), on the scale of the input.
  package var ratings: [String: Double]
  package var commitmentsMade: Double?
  package var commitmentsKept: Double?
  package var note: String?

  package init(
    id: String, subject: String, date: RecordDate, source: SourceLocation, held: Bool,
    ratings: [String: Double] = [:], commitmentsMade: Double? = nil,
    commitmentsKept: Double? = nil, note: String? = nil
  ) {
    self.id = id
    self.subject = subject
    self.date = date
    self.source = source
    self.held = held
    self.ratings = ratings
    self.commitmentsMade = commitmentsMade
    self.commitmentsKept = commitmentsKept
    self.note = note
  }
}
