package import TrustLensCore

extension SkippedFile {
  /// A file skipped for `reason`: its ``SkipReason/text`` becomes the `reason`.
  package init(path: String, reason: SkipReason) {
    self.init(path: path, reason: reason.text)
  }
}
