/// Why a date could not be read; the message is the reject reason.
package struct DateParseFailure: Error, Sendable, Equatable {
  package let message: String
  init(_ message: String) { self.message = message }
}
