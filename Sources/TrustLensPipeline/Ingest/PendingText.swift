import TrustLensCore
import TrustLensImport
import TrustLensAnalysis
import Foundation

/// A text waiting for its analysis, with everything of the record it belongs to.
struct PendingText: Sendable {
  var id: String
  var subject: String
  var date: RecordDate
  var source: SourceLocation
  var kind: AnalyzedKind
  var text: String
  var author: String?
  var userTags: [String]

  init(_ entry: Entry) {
    self.id = entry.id
    self.subject = entry.subject
    self.date = entry.date
    self.source = entry.source
    self.kind = .entry
    self.text = entry.text
    self.author = entry.author
    self.userTags = entry.userTags
  }

  /// A check-in's note, or `nil` when it has none.
  init?(noteOf checkIn: CheckIn) {
    guard let note = checkIn.note else { return nil }
    self.id = checkIn.id
    self.subject = checkIn.subject
    self.date = checkIn.date
    self.source = checkIn.source
    self.kind = .checkinNote
    self.text = note
    self.author = nil
    self.userTags = []
  }

  func record(with analysis: TextAnalysis) -> AnalyzedRecord {
    AnalyzedRecord(
      id: id, subject: subject, date: date, source: source, kind: kind, analysis: analysis, text: text, author: author,
      userTags: userTags)
  }
}
