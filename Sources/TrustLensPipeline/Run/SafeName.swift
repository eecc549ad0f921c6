import Foundation

/// Subject ids made safe as file and folder names.
package enum SafeName {
  /// Letters, digits, `.`, `_` and `-` kept; anything else becomes `_`; never `.`/`..` or
  /// hidden; at most 80 characters.
  package static func base(_ id: String) -> String {
    var name = String(id.unicodeScalars.map { scalar -> Character in
      let ok = (scalar.value < 128 && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."))
      return ok ? Character(scalar) : "_"
    }.prefix(80))
    if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
    return name
  }

  /// Each id's folder name: unique without regard to case and never one of `reserved`, and a
  /// function of the id alone (and, for ids differing only in case, of those), so a client's
  /// folder is never handed to another client when the caseload changes between runs. An id
  /// that is already a safe name (`c01`, `alice`, `Alice`) is its own folder; any other (`a/b`,
  /// `José`) takes its ``base(_:)`` and eight hex digits of a stable hash of the id
  /// (`a_b-727b2182`), even alone, so it never takes the plain name another id may need. Of
  /// safe ids differing only in case (`a_b`, `A_B`), the lower-case one keeps the plain name.
  package static func names(for ids: [String], reserved: Set<String>) -> [String: String] {
    var groups: [String: [String]] = [:]
    for id in Set(ids) { groups[base(id).lowercased(), default: []].append(id) }
    var names: [String: String] = [:]
    var used = Set(reserved.map { $0.lowercased() })
    for (folded, members) in groups.sorted(by: { $0.key < $1.key }) where !used.contains(folded) {
      let safe = members.filter { $0 == base($0) }
      let plain = safe.count == 1 ? safe[0] : safe.first { $0 == folded }
      if let plain {
        names[plain] = plain
        used.insert(folded)
      }
    }
    for (_, members) in groups.sorted(by: { $0.key < $1.key }) {
      for id in members.sorted() where names[id] == nil {
        var hash = FNV()
        hash.mix(id)
        let hashed = base(id).prefix(70) + "-" + String(hash.value >> 32, radix: 16).leftPadded(to: 8)
        var candidate = hashed
        var counter = 2
        while used.contains(candidate.lowercased()) {  // two ids' hashes alike: not seen, but never one folder
          candidate = hashed + "-\(counter)"
          counter += 1
        }
        used.insert(candidate.lowercased())
        names[id] = candidate
      }
    }
    return names
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
