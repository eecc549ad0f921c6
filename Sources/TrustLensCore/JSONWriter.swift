/// Builds JSON text with keys in the order they are written and numbers in their shortest
/// exact form, so outputs are byte-stable. Non-finite numbers become `null`.
///
/// Works on UTF-8 bytes: plain runs of a string are copied at once, only `"`, `\` and
/// control characters (and U+2028/U+2029) are escaped.
package struct JSONWriter {
  private var bytes: [UInt8] = []
  private var needsComma = [false]

  package init() {
    bytes.reserveCapacity(1024)
  }

  /// The JSON built so far.
  package var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The JSON built since the last call, handed over and forgotten (nesting is kept): for
  /// writing a large document in pieces.
  package mutating func takeBytes() -> [UInt8] {
    defer { bytes.removeAll(keepingCapacity: true) }
    return bytes
  }

  package mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
  package mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
  package mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
  package mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

  /// Writes `"key":` — the next value belongs to it.
  package mutating func key(_ key: String) {
    separate()
    JSONWriter.appendString(key, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    needsComma[needsComma.count - 1] = false
  }

  package mutating func value(_ string: String?) {
    separate()
    if let string { JSONWriter.appendString(string, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
  }

  package mutating func value(_ number: Double?) {
    separate()
    guard let number, number.isFinite else {
      bytes.append(contentsOf: "null".utf8)
      return
    }
    let text = number == number.rounded() && abs(number) < 1e15 ? "\(Int(number)).0" : "\(number)"
    bytes.append(contentsOf: text.utf8)
  }

  package mutating func value(_ number: Int) { separate(); bytes.append(contentsOf: String(number).utf8) }
  package mutating func value(_ flag: Bool) { separate(); bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
  package mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }

  package mutating func field(_ name: String, _ string: String?) { key(name); value(string) }
  package mutating func field(_ name: String, _ number: Double?) { key(name); value(number) }
  package mutating func field(_ name: String, _ number: Int) { key(name); value(number) }

  /// `"name":[{…},…]`: one object per item, its members written by `members`.
  package mutating func objects<Item>(_ name: String, _ items: some Sequence<Item>, members: (inout JSONWriter, Item) -> Void) {
    key(name)
    beginArray()
    for item in items {
      beginObject()
      members(&self, item)
      endObject()
    }
    endArray()
  }

  private mutating func separate() {
    if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
  }

  /// Appends `string` as a JSON string literal to `text`.
  package static func appendString(_ string: String, to text: inout String) {
    var bytes: [UInt8] = []
    appendString(string, to: &bytes)
    text += String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `string` as a JSON string literal: quotes, backslashes and control characters
  /// escaped, U+2028/U+2029 as `\u` escapes, everything else as UTF-8.
  static func appendString(_ string: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      var runStart = 0
      var index = 0
      func flush() {
        if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
      }
      while index < utf8.count {
        let byte = utf8[index]
        var escape: String?
        switch byte {
        case UInt8(ascii: "\""): escape = "\\\""
        case UInt8(ascii: "\\"): escape = "\\\\"
        case 0x0A: escape = "\\n"
        case 0x0D: escape = "\\r"
        case 0x09: escape = "\\t"
        case 0x00..<0x20, 0x7F:
          let hex = String(byte, radix: 16)
          escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
          flush()
          bytes.append(contentsOf: (utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
          index += 3
          runStart = index
          continue
        default: break
        }
        if let escape {
          flush()
          bytes.append(contentsOf: escape.utf8)
          index += 1
          runStart = index
        } else {
          index += 1
        }
      }
      flush()
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
