/// Why a `date_format:` pattern cannot be used.
package struct DatePatternError: Error, Sendable, Equatable, CustomStringConvertible {
  package let message: String
  init(_ message: String) { self.message = message }
  package var description: String { message }
}
