public import Foundation
public import TrustLensCore

/// The file formats TrustLens reads. `auto` detects from extension and content.
public enum InputFormat: String, Sendable, CaseIterable {
  case auto, jsonl, csv, tsv, jrnl, markdown, dayone, daylio
  /// A Markdown file per day, its date in the file name (Obsidian, Logseq, Foam).
  case dailyNotes = "daily-notes"
}

/// What an input holds. `auto` decides per file (CSV/TSV: from the header) or per record
/// (JSON Lines: from the keys): check-in fields (`held`, a known rating or counter) make a
/// check-in, otherwise a journal entry.
public enum RecordKind: String, Sendable, CaseIterable {
  case auto, journal, checkins
}

/// How a record's subject is decided.
public enum SubjectRule: Sendable, Equatable {
  /// The record's `subject` (alias `client`) field, else `default`.
  case field
  /// The file's client folder (see ``InputFiles``), else the field rule.
  case folder
  /// A fixed id for every record of the input.
  case fixed(String)

  /// Parses `field`, `folder` or any other text as a fixed id.
  public init(_ text: String) {
    switch text {
    case "field": self = .field
    case "folder": self = .folder
    default: self = .fixed(text)
    }
  }
}

/// Settings for reading one input (a file, folder or glob of the pipeline or command line).
public struct ImportOptions: Sendable {
  public var format: InputFormat
  public var kind: RecordKind
  public var subject: SubjectRule
  public var timeZone: TimeZone
  /// The scale of check-in ratings; values outside it are rejected.
  public var ratingScale: ClosedRange<Double>
  /// How to read day/month dates such as `03/04/2026`; `nil` rejects them as ambiguous.
  public var dayOrder: DayOrder?
  /// Daylio mood labels (lower case) and their value on the rating scale; merged over the
  /// defaults rad 10, good 7.5, meh 5, bad 2.5, awful 0.
  public var moodLabels: [String: Double] = [:]
  /// How the files of this input are laid out, where detection needs help (delimiter,
  /// encoding, column names, date pattern, decimal commas, where links may lead).
  public var reading = ReadingOptions()
  /// Whether reject reasons and notices may quote a short, cleaned excerpt of a bad field
  /// (`invalid date "2026-13-40"`); off, they give its length instead (for pseudonymised runs).
  public var quoteValues = true
  /// Where the readers add up the input bytes they read (for progress), when set. A Day One
  /// archive counts its size once it has been read.
  public var bytesRead: ByteCounter?

  public init(
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
