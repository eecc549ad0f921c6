/// The YAML front matter at the top of a Markdown note, read line by line: where it ends and
/// the tags it lists (`tags: [a, b]`, `tags: a, b` or a `- a` list under `tags:`).
struct FrontMatter {
  private(set) var tags: [String] = []
  private var state = State.before
  private var inTags = false

  private enum State { case before, inside, after }

  /// True while front matter was open and not yet closed at the end of the note.
  var isOpen: Bool { state == .inside }

  /// Takes one line; true when it belongs to the front matter (and is not body text).
  mutating func take(_ line: String, lineNumber: Int) -> Bool {
    switch state {
    case .after: return false
    case .before:
      if lineNumber == 1 && line.trimmed() == "---" {
        state = .inside
        return true
      }
      state = .after
      return false
    case .inside:
      let trimmed = line.trimmed()
      if trimmed == "---" || trimmed == "..." {
        state = .after
        return true
      }
      if inTags, trimmed.hasPrefix("- ") || trimmed == "-" {
        add(String(trimmed.dropFirst()))
        return true
      }
      inTags = false
      guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("\t") else { return true }
      let key = line[..<colon].trimmed().lowercased()
      guard key == "tags" || key == "tag" else { return true }
      var value = line[line.index(after: colon)...].trimmed()
      if value.isEmpty {
        inTags = true
        return true
      }
      if value.hasPrefix("[") && value.hasSuffix("]") { value = String(value.dropFirst().dropLast()) }
      for part in value.split(separator: ",") { add(String(part)) }
      return true
    }
  }

  private mutating func add(_ raw: String) {
    var tag = raw.trimmed()
    if tag.count >= 2, let first = tag.first, first == "\"" || first == "'", tag.last == first {
      tag = String(tag.dropFirst().dropLast())
    }
    if tag.hasPrefix("#") { tag = String(tag.dropFirst()) }
    if !tag.isEmpty && !tags.contains(tag) { tags.append(tag) }
  }
}
