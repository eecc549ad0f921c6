package import Foundation
package import TrustLensImport
package import TrustLensCore
package import TrustLensTrends
import Yams

/// A parsed pipeline file (`pipelines/*.yml`). Relative paths are already resolved against
/// the file's folder. Unknown keys and wrong types are errors naming the key and its line.
public struct PipelineFile: Sendable {
  /// One entry of `inputs:`.
  public struct Input: Sendable {
    public var path: String
    package var subject: SubjectRule = .field
    package var kind: RecordKind = .auto
    package var format: InputFormat = .auto
    public var followLinks = false
    /// `DD/MM/YYYY` or `MM/DD/YYYY` for inputs with day/month dates.
    package var dayOrder: DayOrder?
    /// Daylio mood labels and their value on the rating scale.
    package var moodLabels: [String: Double] = [:]
    /// `delimiter`, `encoding`, `columns`, a `date_format` pattern, `decimal`,
    /// `follow_links: anywhere`: handed to the readers as they are.
    package var reading = ReadingOptions()

    package init(path: String, subject: SubjectRule = .field, kind: RecordKind = .auto, format: InputFormat = .auto) {
      self.path = path
      self.subject = subject
      self.kind = kind
      self.format = format
    }
  }

  /// A pipeline made in code (the `report` command), with the defaults of a pipeline file.
  public init(name: String, inputs: [Input], outputDir: String, formats: [OutputFormat]) {
    self.path = "(command line)"
    self.name = name
    self.inputs = inputs
    self.outputDir = outputDir
    self.formats = formats
  }

  /// Output formats; `json` (summary.json) is always written.
  public enum OutputFormat: String, Sendable, CaseIterable {
    case xlsx, dashboard, html, markdown, json, analysis, rejects, csv
  }

  /// When rejects fail the run (exit status 3): more than `count`, a share above `ratio`, or
  /// (the default) more than the larger of the two, so one broken record cannot fail a small
  /// personal journal while a broken export still fails a large one.
  public enum Tolerance: Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    case ratio(Double)
    case larger(count: Int, ratio: Double)

    /// 5% of records or 3 records, whichever is larger.
    public static let standard = Tolerance.larger(count: 3, ratio: 0.05)

    public func isExceeded(rejected: Int, records: Int) -> Bool {
      switch self {
      case .count(let limit): return rejected > limit
      case .ratio(let limit): return records > 0 && Double(rejected) / Double(records) > limit
      case .larger(let count, let ratio): return rejected > count && Double(rejected) > ratio * Double(records)
      }
    }

    /// As a user writes it: `5%`, `10 records`, `5% or 3 records, whichever is larger`.
    public var description: String {
      func percent(_ ratio: Double) -> String {
        let value = ratio * 100
        return (value == value.rounded() ? String(Int(value)) : String(format: "%g", value)) + "%"
      }
      switch self {
      case .count(let limit): return "\(limit) record\(limit == 1 ? "" : "s")"
      case .ratio(let limit): return percent(limit)
      case .larger(let count, let ratio): return "\(percent(ratio)) or \(count) records, whichever is larger"
      }
    }
  }

  public var path: String
  public var name: String

  package var timeZone: TimeZone = .current
  public var inputs: [Input] = []
  public var lexicons: [String] = ["builtin"]
  package var trends = TrendSettings()
  public var outputDir: String
  public var perSubject = false
  /// Whether the run's own workbook (`report.xlsx` at the top of the output folder) has the
  /// Entries sheet's Text column (`outputs: entries_text:`, default true). Per-subject
  /// workbooks always have it; pseudonymised outputs never do.
  public var entriesText = true
  public var formats: [OutputFormat] = [.xlsx, .dashboard, .json, .analysis, .rejects]
  public var failOn: [String] = []
  public var failOnAny: [String] = []
  public var state: String?
  /// Default: 5% of records or 3 records, whichever is larger.
  package var maxRejected: Tolerance = .standard
  package var ratingScale: ClosedRange<Double> = 0...10
  /// A folder of Mustache templates replacing the default dashboard, Markdown or HTML.
  public var template: String?
  /// The month of a monthly trend sheet (its first day), from `month: YYYY-MM`.
  package var month: LocalDay?
  /// Replace subject ids by stable HMAC codes in every output and file name.
  public var pseudonymize = false
  /// The file holding the pseudonym key (else `TRUSTLENS_PSEUDONYM_KEY`).
  public var pseudonymKeyFile: String?
  /// Where the code-to-name map goes (default: `pseudonyms.private.csv` in the output folder).
  public var pseudonymMap: String?

  /// Reads and validates the pipeline file at `path`.
  /// - Throws: ``PipelineError`` naming the file and line of the first problem.
  public static func load(_ path: String) throws(PipelineError) -> PipelineFile {
    guard let text = FileBytes.text(path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw PipelineError(file: path, line: nil, exists ? "cannot read the pipeline file (unreadable or not UTF-8)" : "no such pipeline file")
    }
    return try parse(text, path: path)
  }

  /// Parses pipeline YAML; `path` names the file in messages and anchors relative paths.
  public static func parse(_ text: String, path: String) throws(PipelineError) -> PipelineFile {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw PipelineError(file: path, line: nil, "the pipeline file is empty")
      }
      root = node
    } catch let error as PipelineError {
      throw error
    } catch let error as YamlError {
      throw PipelineError(file: path, line: YAMLReader.line(of: error), "not valid YAML: \(YAMLReader.reason(of: error))")
    } catch {
      throw PipelineError(file: path, line: nil, "not valid YAML")
    }
    let base = URL(fileURLWithPath: path).deletingLastPathComponent()
    let reader = YAMLReader(file: path, base: base)
    return try reader.pipeline(root, path: path)
  }
}
