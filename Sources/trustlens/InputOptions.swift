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
    name: .customLong("date-format"), help: "Read day/month dates such as 03/04/2026 as DD/MM/YYYY or MM/DD/YYYY.",
    transform: Arguments.dayOrder)
  var dateFormat: DayOrder?

  @Option(name: .customLong("kind"), help: "What the inputs hold: auto, journal or checkins.")
  var kind: RecordKind = .auto

  @Option(name: .customLong("lexicon"), help: "A lexicon file to add (repeatable); `builtin` is always first unless --no-builtin.")
  var lexicons: [String] = []

  @Flag(help: "Use only the --lexicon files, not the built-in lexicon.")
  var noBuiltin = false

  func validate() throws {
    if noBuiltin && lexicons.isEmpty { throw ValidationError("--no-builtin needs at least one --lexicon") }
  }

  var selection: InputSelection {
    var selection = InputSelection(paths: inputs)
    selection.subject = SubjectRule(subject)
    selection.timeZone = timezone ?? .current
    selection.format = inputFormat
    selection.lexicons = (noBuiltin ? [] : ["builtin"]) + lexicons
    selection.dayOrder = dateFormat
    selection.kind = kind
    return selection
  }
}

/// `--out FILE` and `--force` of the commands that print results.
struct OutputOptions: ParsableArguments {
  @Option(help: "Write to this file instead of standard output (never over an input).")
  var out: String?

  @Flag(help: "Replace an existing --out file that TrustLens did not write.")
  var force = false

  /// Standard output, or the `--out` file once it is checked against the inputs.
  func sink(inputs: [String]) throws -> FileSink {
    guard let out else { return FileSink(standardOutput: ()) }
    try OutputTarget.check(out, inputs: inputs, force: force)
    return try FileSink.replacing(out)
  }
}
