public import Foundation

/// A pipeline file for tests, written the way a user writes one:
/// `PipelineYAML(inputs: [("in", "me")]).write(in: folder)`.
public struct PipelineYAML {
  public var name: String
  /// Each input's path and subject rule (`field`, `folder` or a fixed id); `nil` leaves the
  /// rule out (the default applies).
  public var inputs: [(path: String, subject: String?)]
  public var outputDir: String
  /// `nil` leaves the formats out (the default set).
  public var formats: [String]?
  /// More keys of the `outputs` block (`per_subject: true`).
  public var outputKeys: [String]
  /// More top-level lines (`max_rejected: 0`, `timezone: America/New_York`).
  public var lines: [String]

  public init(
    name: String = "p", inputs: [(path: String, subject: String?)], outputDir: String = "out", formats: [String]? = ["json"],
    outputKeys: [String] = [], lines: [String] = []
  ) {
    self.name = name
    self.inputs = inputs
    self.outputDir = outputDir
    self.formats = formats
    self.outputKeys = outputKeys
    self.lines = lines
  }

  public var text: String {
    let inputLines = inputs.map { input in
      "  - {path: \(input.path)\(input.subject.map { ", subject: \($0)" } ?? "")}"
    }
    let outputs = ["dir: \(outputDir)"] + (formats.map { ["formats: [\($0.joined(separator: ", "))]"] } ?? []) + outputKeys
    return (["name: \(name)"] + lines + ["inputs:"] + inputLines + ["outputs: {\(outputs.joined(separator: ", "))}"])
      .joined(separator: "\n") + "\n"
  }

  /// Writes the file as `NAME.yml` in `folder` and returns its path.
  @discardableResult
  public func write(in folder: URL, as file: String? = nil) -> String {
    TestSupport.write(text, file ?? "\(name).yml", in: folder)
  }
}
