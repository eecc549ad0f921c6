/// Whether a tag names a feeling or a marker of the repair process.
package enum TagKind: String, Sendable, Codable {
  case emotion
  case theme
}
