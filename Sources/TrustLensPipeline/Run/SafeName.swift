import Foundation

/// Subject ids made safe as file and folder names.
package enum SafeName {
  /// Letters, digits, `.`, `_` and `-` kept; anything else becomes `_`; never `.`/`..` or
  /// hidden; at most 80 characters; made unique within `used`.
  package static func make(_ id: String, avoiding used: inout Set<String>) -> String {
    var name = String(id.unicodeScalars.map { scalar -> Character in
      let ok = (scalar.value < 128 && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."))
      return ok ? Character(scalar) : "_"
    }.prefix(80))
    if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
    var candidate = name
    var counter = 2
    while used.contains(candidate.lowercased()) {
      candidate = "\(name)-\(counter)"
      counter += 1
    }
    used.insert(candidate.lowercased())
    return candidate
  }
}
