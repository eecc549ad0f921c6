/// Where a record came from: a file (as the user named it) and the 1-based line where the
/// record starts.
package struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  package let file: String
  package let line: Int

  package init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  /// `file:line`, the compiler-style prefix of every input diagnostic.
  package var description: String { "\(file):\(line)" }
}
