import ArgumentParser
import Foundation
import TrustLensCore
import TrustLensImport
import TrustLensPipeline

/// Options shared by the commands that read inputs.
struct InputOptions: ParsableArguments {
  @Argument(help: "Files or folders to read (folders recursively), or - for standard input.")
  var inputs: [String]

  @Option(help: "Subject of each record: field, folder, or a fixed id.")
  var subject: String = "field"

  @Option(help: "Time zone of dates without an offset (IANA name). Default: the machine's.", transform: Arguments.timeZone)
  var timezone: TimeZone?

  @Option(name: .customLong("input-format"), help: "Force an input format: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var inputFormat: InputFormat = .auto

  @Option(
    name: .customLong("date-format"),
    help: "Read day/month dates such as 03/04/2026 as DD/MM/YYYY or MM/DD/YYYY, or give a pattern (DD.MM.YYYY HH:mm).")
  var dateFormat: String?

  @Option(help: "Column separator of CSV files: comma, semicolon, tab or pipe (default: detected).")
  var delimiter: String?

  @Option(help: "Text encoding: \(TextEncoding.names) (default: detected).")
  var encoding: String?

  @Option(name: .customLong("column"), help: "Read a field from a column of another name, e.g. --column text=\"Journal Entry\" (repeatable).")
  var columns: [String] = []

  @Option(help: "Ratings written with a decimal comma (3,5): comma, or point (default: comma only where columns are not comma-separated).")
  var decimal: String?

  @Option(name: .customLong("kind"), help: "What the inputs hold: auto, journal or checkins.")
  var kind: RecordKind = .auto

  @Option(name: .customLong("lexicon"), help: "A lexicon file to add (repeatable); `builtin` is always first unless --no-builtin; `fitted` (the whole fitted model) or `hand` (the hand-written lexicon alone) replaces it.")
  var lexicons: [String] = []

  @Flag(help: "Use only the --lexicon files, not the built-in lexicon.")
  var noBuiltin = false

  func validate() throws {
    _ = try reading()
    if subject.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--subject must be folder, field or an id") }
    if noBuiltin && lexicons.isEmpty { throw ValidationError("--no-builtin needs at least one --lexicon") }
  }

  var selection: InputSelection {
    var selection = InputSelection(paths: inputs)
    selection.subject = SubjectRule(subject)
    selection.timeZone = timezone ?? .current
    selection.format = inputFormat
    selection.lexicons = LexiconLoader.withDefault(lexicons, noBuiltin: noBuiltin)
    selection.dayOrder = dateFormat.flatMap(DayOrder.init(rawValue:))
    selection.kind = kind
    selection.reading = (try? reading()) ?? ReadingOptions()
    return selection
  }

  /// `--delimiter`, `--encoding`, `--column`, `--decimal` and a `--date-format` pattern.
  /// - Throws: `ValidationError` naming the option and what it accepts.
  func reading() throws -> ReadingOptions {
    var reading = ReadingOptions()
    if let dateFormat, DayOrder(rawValue: dateFormat) == nil {
      do {
        reading.datePattern = try DatePattern(dateFormat)
      } catch {
        throw ValidationError("--date-format: \(error.message) (DD/MM/YYYY, MM/DD/YYYY or a pattern such as DD.MM.YYYY)")
      }
    }
    if let delimiter {
      guard let parsed = Delimiter(name: delimiter) else { throw ValidationError("--delimiter must be one of: \(Delimiter.names)") }
      reading.delimiter = parsed
    }
    if let encoding {
      guard let parsed = TextEncoding(name: encoding) else { throw ValidationError("--encoding must be one of: \(TextEncoding.names)") }
      reading.encoding = parsed
    }
    for column in columns {
      if let problem = reading.columns.map(assignment: column) { throw ValidationError(problem) }
    }
    switch decimal {
    case nil, "point", "dot": break
    case "comma": reading.decimalComma = true
    default: throw ValidationError("--decimal must be comma or point")
    }
    return reading
  }
}
