import Foundation

/// A problem with an input as a whole (not one record): the input cannot be found, opened or
/// read. Record-level problems are ``TrustLensCore/Reject``s, never errors.
package enum ImportError: Error, LocalizedError, Equatable, Sendable {
  case notFound(path: String)
  case cannotOpen(path: String, reason: String)
  case readFailed(path: String, reason: String)
  case unsupportedFormat(path: String, format: String)

  package var errorDescription: String? {
    switch self {
    case .notFound(let path): return "\(path): no such file or folder"
    case .cannotOpen(let path, let reason): return "\(path): cannot open: \(reason)"
    case .readFailed(let path, let reason): return "\(path): read failed: \(reason)"
    case .unsupportedFormat(let path, let format):
      return "\(path): the \(format) format is not supported yet"
    }
  }
}
