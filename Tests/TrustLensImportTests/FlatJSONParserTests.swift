import Foundation
import Testing

@testable import TrustLensImport

/// The fast parser agrees with Foundation's wherever it answers (as one ``FieldValue``
/// reading for both), and declines what is malformed or nested too deep.
@Suite struct FlatJSONParserTests {
  @Test(arguments: [
    #"{"text":"plain","n":3,"f":-1.5e2,"b":true,"z":null}"#,
    #"{"text":"esc \"q\" \\ \/ \n\t\r\b\f"}"#,
    #"{"text":"\u00e9\u4e2d\ud83d\ude00 caf\u00E9"}"#,
    #"  { "a" : [ "x" , 1 , false ] , "b":[] }  "#,
    #"{"dup":1,"dup":2}"#,
    #"{"t":"ünïcödé 🙂"}"#,
    #"{}"#,
    #"[1]"#,
    #"{"id":"e1","analysis":{"emotions":{"anger":0.5,"hope":1},"evidence":[{"tag":"anger","rules":["negation"],"start":3}]}}"#,
    #"{"a":[[1,2],[],{}],"b":{"c":{"d":"\u00e9\n"}},"e":null,"f":false,"g":-2.5e-3}"#,
    #"  {"dup":{"x":1},"dup":{"y":2}}  "#,
  ])
  func agreesWithFoundation(_ line: String) throws {
    let fast = try #require(FlatJSONParser.parse(Array(line.utf8)))
    let slow = try JSONSerialization.jsonObject(with: Data(line.utf8))
    #expect(plain(fast) == plain(FieldValue(json: slow)))
  }

  @Test(arguments: [
    #"{"a":"unterminated}"#, #"{"a":1,}"#, #"{"a":1} trailing"#, #"{"a":"\x"}"#,
    #"{"a":"\ud83d"}"#, "{\"a\":\"tab\there\"}", #"{"a":-}"#,
    #"{"a":{"b":1}"#, #"{"a":[1,}"#, #"{"a":tru}"#, #"{"a":"\q"}"#,
    #"{"a":01}"#, #"{"a":1.}"#, #"{"a":-.5}"#, #"{"a":1.e3}"#, #"{"a":1e400}"#, #"{"a":+1}"#,
    String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
  ])
  func declinesWhatIsMalformedOrTooDeep(_ line: String) {
    #expect(FlatJSONParser.parse(Array(line.utf8)) == nil)
  }

  /// A value as plain text; of an object's duplicate keys, the last (as Foundation keeps).
  private func plain(_ node: FieldValue) -> String {
    switch node {
    case .string(let text): return "s:" + text
    case .number(let number): return "n:\(number)"
    case .bool(let flag): return "b:\(flag)"
    case .null: return "null"
    case .array(let items): return "[" + items.map(plain).joined(separator: ",") + "]"
    case .object(let members):
      var last: [String: FieldValue] = [:]
      for (key, value) in members { last[key] = value }
      return "{" + last.keys.sorted().map { "\($0)=\(plain(last[$0]!))" }.joined(separator: ",") + "}"
    }
  }

  @Test func theLastOfDuplicateKeysWins() throws {
    let tree = try #require(FlatJSONParser.parse(Array(#"{"k":1,"k":2}"#.utf8)))
    #expect(tree["k"]?.number == 2)
    #expect(tree["missing"] == nil)
  }
}
