import Foundation
public import TrustLensCore

/// A problem with a pipeline file or with how TrustLens was asked to run: exit status 2.
/// Messages name the file and line where there is one; a wrapped error is kept as the cause.
public struct PipelineError: TrustLensFailure, Equatable {
  public let message: String
  public let underlying: (any Error)?

  public init(_ message: String) {
    self.message = message
    self.underlying = nil
  }

  public init(file: String, line: Int?, _ reason: String) {
    self.message = line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
    self.underlying = nil
  }

  /// Another module's error, its message kept as this one's and the error as the cause.
  public init(wrapping error: any Error) {
    self.message = error.localizedDescription
    self.underlying = error
  }

  public var errorDescription: String? { message }

  public static func == (lhs: PipelineError, rhs: PipelineError) -> Bool { lhs.message == rhs.message }
}
