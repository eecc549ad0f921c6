public import Foundation

/// A problem in a lexicon file, with its location. Messages quote only the lexicon, never
/// journal text.
public struct LexiconError: Error, LocalizedError, Equatable, Sendable {
  public let file: String
  public let line: Int?
  public let reason: String

  public init(file: String, line: Int?, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  public var errorDescription: String? {
    if let line { return "\(file):\(line): \(reason)" }
    return "\(file): \(reason)"
  }
}
