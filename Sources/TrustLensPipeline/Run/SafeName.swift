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

  /// Each id's folder name: its ``base(_:)``, unique without regard to case and never one of
  /// `reserved`. A name depends only on the id and the ids that share its base, never on the
  /// order or the rest of the caseload, so a client's folder stays the client's from run to
  /// run: of ids sharing a base (`a_b`, `a/b`, `A_B`), the one spelled exactly as the base in
  /// lower case keeps the plain name (`a_b`), or the only one; every other takes the base and
  /// eight hex digits of a stable hash of its id (`a_b-3f09c2d1`), where a counter once made
  /// `a/b` take `a_b` in a run without `a_b` and hand it over in the next.
  package static func names(for ids: [String], reserved: Set<String>) -> [String: String] {
    var groups: [String: [String]] = [:]
    for id in Set(ids) { groups[base(id).lowercased(), default: []].append(id) }
    var names: [String: String] = [:]
    var used = Set(reserved.map { $0.lowercased() })
    for (folded, members) in groups.sorted(by: { $0.key < $1.key }) where !used.contains(folded) {
      let plain = members.count == 1 ? members[0] : members.first { $0 == base($0) && $0 == folded }
      if let plain {
        names[plain] = base(plain)
        used.insert(folded)
      }
    }
    for (_, members) in groups.sorted(by: { $0.key < $1.key }) {
      for id in members.sorted() where names[id] == nil {
        var hash = FNV()
        hash.mix(id)
        var candidate = base(id).prefix(70) + "-" + String(hash.value >> 32, radix: 16).leftPadded(to: 8)
        var counter = 2
        while used.contains(candidate.lowercased()) {
          candidate = base(id).prefix(70) + "-" + String(hash.value >> 32, radix: 16).leftPadded(to: 8) + "-\(counter)"
          counter += 1
        }
        used.insert(candidate.lowercased())
        names[id] = String(candidate)
      }
    }
    return names
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
