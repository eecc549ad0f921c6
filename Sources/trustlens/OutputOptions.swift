import ArgumentParser
import Foundation
import TrustLensCore
import TrustLensImport
import TrustLensPipeline

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
