package import Foundation
package import TrustLensCore

/// Settings for reading one input (a file, folder or glob of the pipeline or command line).
package struct ImportOptions: Sendable {
  package var format: InputFormat
  package var kind: RecordKind
  package var subject: SubjectRule
  package var timeZone: TimeZone
  /// The scale of check-in ratings; values outside it are rejected.
  package var ratingScale: ClosedRange<Double>
  /// How to read day/month dates such as `03/04/2026`; `nil` rejects them as ambiguous.
  package var dayOrder: DayOrder?
  /// Daylio mood labels (lower case) and their value on the rating scale; merged over the
  /// defaults rad 10, good 7.5, meh 5, bad 2.5, awful 0.
  package var moodLabels: [String: Double] = [:]
  /// How the files of this input are laid out, where detection needs help (delimiter,
  /// encoding, column names, date pattern, decimal commas, where links may lead).
  package var reading = ReadingOptions()
  /// Whether reject reasons and notices may quote a short, cleaned excerpt of a bad field
  /// (`invalid date "2026-13-40"`); off, they give its length instead (for pseudonymised runs).
  package var quoteValues = true
  /// Where the readers add up the input bytes they read (for progress), when set. A Day One
  /// archive counts its size once it has been read.
  package var bytesRead: ByteCounter?

  package init(
    format: InputFormat = .auto, kind: RecordKind = .auto, subject: SubjectRule = .field,
    timeZone: TimeZone = .current, ratingScale: ClosedRange<Double> = 0...10,
    dayOrder: DayOrder? = nil
  ) {
    self.dayOrder = dayOrder
    self.format = format
    self.kind = kind
    self.subject = subject
    self.timeZone = timeZone
    self.ratingScale = ratingScale
  }
}
