import Foundation
import TrustLensCore

internal import CXlsxWriter
internal import CXlsxShims

/// A problem writing a workbook, with libxlsxwriter's own text.
package struct XlsxError: Error, LocalizedError, Sendable {
  package let path: String
  package let reason: String

  package var errorDescription: String? { "\(path): cannot write workbook: \(reason)" }
}
