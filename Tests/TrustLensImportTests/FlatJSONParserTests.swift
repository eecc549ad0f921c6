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
