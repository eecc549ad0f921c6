import Testing
@testable import TrustLensPipeline

/// Per-subject folder names: safe, unique without regard to case, and each a function of its
/// own id and the ids sharing its base, so a client's folder is never handed to another client
/// when the caseload changes between runs.
@Suite struct SafeNameTests {
  private let reserved: Set<String> = ["summary.json", "report.json"]

  @Test func aFolderStaysItsClientsWhenAClashingClientArrives() {
    let first = SafeName.names(for: ["a_b", "c01"], reserved: reserved)
    let second = SafeName.names(for: ["c01", "a/b", "a_b", "A_B"], reserved: reserved)
    #expect(first["a_b"] == "a_b" && second["a_b"] == "a_b")
    #expect(second["c01"] == "c01")
    // An id that is no safe name takes a hashed name of its own, even alone, the same in every
    // run, so it never holds the plain name a later client needs.
    let alone = SafeName.names(for: ["a/b"], reserved: reserved)
    #expect(alone["a/b"] == second["a/b"] && alone["a/b"]?.hasPrefix("a_b-") == true)
    #expect(second["A_B"]?.hasPrefix("A_B-") == true)
    #expect(SafeName.names(for: ["A_B"], reserved: reserved)["A_B"] == "A_B")
    #expect(SafeName.names(for: ["Alice", "bob"], reserved: reserved) == ["Alice": "Alice", "bob": "bob"])
    #expect(Set(second.values.map { $0.lowercased() }).count == 4)
  }

  @Test func reservedAndHiddenNamesAreNeverTaken() {
    let names = SafeName.names(for: ["summary.json", "..", ".hidden", "../x"], reserved: reserved)
    #expect(names["summary.json"] != "summary.json")
    #expect(names.values.allSatisfy { !$0.hasPrefix(".") && !reserved.contains($0) && !$0.contains("/") })
    #expect(Set(names.values).count == 4)
  }
}
