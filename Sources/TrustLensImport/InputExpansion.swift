import Foundation
package import TrustLensCore

/// What an input path expands to: the files to read, in a stable order, and every file met
/// that will not be read, with why.
package struct InputExpansion: Sendable, Equatable {
  package var files: [InputFile] = []
  package var skipped: [SkippedFile] = []

  package init(files: [InputFile] = [], skipped: [SkippedFile] = []) {
    self.files = files
    self.skipped = skipped
  }
}
