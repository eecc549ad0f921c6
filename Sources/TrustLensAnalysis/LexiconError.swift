import Foundation

/// A problem in a lexicon file, with its location. Messages quote only the lexicon, never
/// journal text.
package struct LexiconError: Error, LocalizedError, Equatable, Sendable {
  package let file: String
  package let line: Int?
  package let reason: String

  package init(file: String, line: Int?, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  package var errorDescription: String? {
    if let line { return "\(file):\(line): \(reason)" }
    return "\(file): \(reason)"
  }
}
