/// One file to import, with the subject its location implies under `subject: folder`.
package struct InputFile: Sendable, Equatable {
  /// The path as the user would recognise it (the input path joined with the relative path).
  package let path: String
  /// The client folder of the file (see ``InputFiles``), if it has one.
  package let folderSubject: String?

  package init(path: String, folderSubject: String?) {
    self.path = path
    self.folderSubject = folderSubject
  }

  /// Standard input (`-`), which has no folder.
  package static let standardInput = InputFile(path: "-", folderSubject: nil)
}
