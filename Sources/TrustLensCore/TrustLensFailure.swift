package import Foundation

/// A failure that ends a command: the message for standard error (`Error: …`), the exit
/// status it means, and the error that caused it, if any.
///
/// Every module's error type adopts it, so the executable maps errors to exit statuses in one
/// place without knowing the types. Usage, pipeline, input and output failures all exit 2
/// (the contract's "bad usage, bad pipeline file, missing or unreadable input"; an output that
/// cannot be written is reported the same way — see README "Exit status").
package protocol TrustLensFailure: LocalizedError, Sendable {
  var exitStatus: Int32 { get }
  /// The lower-level error this one wraps, kept for callers that need it.
  var underlying: (any Error)? { get }
}

extension TrustLensFailure {
  package var exitStatus: Int32 { 2 }
  package var underlying: (any Error)? { nil }
}

extension AtomicFile.WriteError: TrustLensFailure {}
