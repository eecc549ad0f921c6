import Foundation
import Testing

@testable import TrustLensImport

/// The fast parser agrees with Foundation's wherever it answers, and declines otherwise.
@Suite struct FlatJSONParserTests {
  @Test(arguments: [
    #"{"text":"plain","n":3,"f":-1.5e2,"b":true,"z":null}"#,
    #"{"text":"esc \"q\" \\ \/ \n\t\r\b\f"}"#,
    #"{"text":"\u00e9\u4e2d\ud83d\ude00 caf\u00E9"}"#,
    #"  { "a" : [ "x" , 1 , false ] , "b":[] }  "#,
    #"{"dup":1,"dup":2}"#,
    #"{"t":"ünïcödé 🙂"}"#,
    #"{}"#,
  ])
  func agreesWithFoundation(_ line: String) throws {
    let fast = try #require(FlatJSONParser.parse(Array(line.utf8)))
    let slow = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(fast.count == slow.count)
    for (key, value) in slow {
      #expect(describe(fast[key]) == describe(FieldValue(json: value)), "\(key)")
    }
  }

  @Test(arguments: [
    #"{"a":{"nested":1}}"#, #"{"a":"unterminated}"#, #"{"a":1,}"#, #"{"a":1} trailing"#, #"{"a":"\x"}"#,
    #"{"a":"\ud83d"}"#, "{\"a\":\"tab\there\"}", #"[1]"#, #"{"a":-}"#,
  ])
  func declinesWhatItDoesNotHandle(_ line: String) {
    #expect(FlatJSONParser.parse(Array(line.utf8)) == nil)
  }

  func describe(_ value: FieldValue?) -> String {
    guard let value else { return "missing" }
    switch value {
    case .string(let s): return "s:\(s)"
    case .number(let n): return "n:\(n)"
    case .bool(let b): return "b:\(b)"
    case .null: return "null"
    case .array(let items): return "[" + items.map { describe($0) }.joined(separator: ",") + "]"
    case .other: return "other"
    }
  }
}

/// The tree reading of the fast parser (analysed lines): nested values as Foundation reads
/// them, the last of duplicate keys, and `nil` for what is malformed or nested too deep.
@Suite struct JSONTreeTests {
  /// A tree as plain Swift values, to compare with Foundation's.
  private func plain(_ node: JSONNode) -> String {
    switch node {
    case .string(let text): return "s:" + text
    case .number(let number): return "n:\(number)"
    case .bool(let flag): return "b:\(flag)"
    case .null: return "null"
    case .array(let items): return "[" + items.map(plain).joined(separator: ",") + "]"
    case .object(let members):
      var last: [String: JSONNode] = [:]
      for (key, value) in members { last[key] = value }
      return "{" + last.keys.sorted().map { "\($0)=\(plain(last[$0]!))" }.joined(separator: ",") + "}"
    }
  }

  private func plain(foundation value: Any) -> String {
    switch value {
    case let text as String: return "s:" + text
    case let number as NSNumber where String(cString: number.objCType) == "c": return "b:\(number.boolValue)"
    case let number as NSNumber: return "n:\(number.doubleValue)"
    case let items as [Any]: return "[" + items.map { plain(foundation: $0) }.joined(separator: ",") + "]"
    case let members as [String: Any]:
      return "{" + members.keys.sorted().map { "\($0)=\(plain(foundation: members[$0]!))" }.joined(separator: ",") + "}"
    default: return "null"
    }
  }

  @Test(arguments: [
    #"{"id":"e1","analysis":{"emotions":{"anger":0.5,"hope":1},"evidence":[{"tag":"anger","rules":["negation"],"start":3}]}}"#,
    #"{"a":[[1,2],[],{}],"b":{"c":{"d":"\u00e9\n"}},"e":null,"f":false,"g":-2.5e-3}"#,
    #"  {"dup":{"x":1},"dup":{"y":2}}  "#,
  ])
  func nestedValuesAsFoundationReadsThem(_ line: String) throws {
    let fast = try #require(FlatJSONParser.parseTree(Array(line.utf8)))
    let slow = try JSONSerialization.jsonObject(with: Data(line.utf8))
    #expect(plain(fast) == plain(foundation: slow))
  }

  @Test func theLastOfDuplicateKeysWins() throws {
    let tree = try #require(FlatJSONParser.parseTree(Array(#"{"k":1,"k":2}"#.utf8)))
    #expect(tree["k"]?.number == 2)
    #expect(tree["missing"] == nil)
  }

  @Test(arguments: [
    #"{"a":{"b":1}"#, #"{"a":[1,}"#, #"{"a":1} x"#, #"{"a":tru}"#, #"{"a":"\q"}"#,
    #"{"a":01}"#, #"{"a":1.}"#, #"{"a":-.5}"#, #"{"a":1.e3}"#, #"{"a":1e400}"#, #"{"a":+1}"#,
    String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
  ])
  func malformedOrTooDeepIsNil(_ line: String) {
    #expect(FlatJSONParser.parseTree(Array(line.utf8)) == nil)
  }
}
