package import Foundation
package import TrustLensImport

/// What `analyze` and `trends` read: inputs and how to read them.
package struct InputSelection: Sendable {
  package var paths: [String]
  package var subject: SubjectRule = .field
  package var timeZone: TimeZone = .current
  package var format: InputFormat = .auto
  package var kind: RecordKind = .auto
  package var lexicons: [String] = ["builtin"]
  package var maxRejected: PipelineFile.Tolerance = .standard
  package var dayOrder: DayOrder?
  /// `--delimiter`, `--encoding`, `--column`, a `--date-format` pattern.
  package var reading = ReadingOptions()

  package init(paths: [String]) {
    self.paths = paths
  }

  var sources: [Ingest.Source] {
    paths.map {
      var options = ImportOptions(format: format, kind: kind, subject: subject, timeZone: timeZone, dayOrder: dayOrder)
      options.reading = reading
      return Ingest.Source(path: $0, options: options)
    }
  }
}
