public import Foundation

/// A problem with a pipeline file or with how TrustLens was asked to run: exit status 2.
/// Messages name the file and line where there is one.
public struct PipelineError: Error, LocalizedError, Equatable, Sendable {
  public let message: String

  public init(_ message: String) {
    self.message = message
  }

  public init(file: String, line: Int?, _ reason: String) {
    self.message = line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
  }

  public var errorDescription: String? { message }
}
