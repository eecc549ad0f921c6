/// Builds JSON text with keys in the order they are written and numbers in their shortest
/// exact form, so outputs are byte-stable. Non-finite numbers become `null`.
public struct JSONWriter {
  public private(set) var text = ""
  private var needsComma = [false]

  public init() {}

  public mutating func beginObject() { separate(); text += "{"; needsComma.append(false) }
  public mutating func endObject() { needsComma.removeLast(); text += "}" }
  public mutating func beginArray() { separate(); text += "["; needsComma.append(false) }
  public mutating func endArray() { needsComma.removeLast(); text += "]" }

  /// Writes `"key":` — the next value belongs to it.
  public mutating func key(_ key: String) {
    separate()
    JSONWriter.appendString(key, to: &text)
    text += ":"
    needsComma[needsComma.count - 1] = false
  }

  public mutating func value(_ string: String?) {
    separate()
    if let string { JSONWriter.appendString(string, to: &text) } else { text += "null" }
  }

  public mutating func value(_ number: Double?) {
    separate()
    guard let number, number.isFinite else {
      text += "null"
      return
    }
    text += number == number.rounded() && abs(number) < 1e15 ? "\(Int(number)).0" : "\(number)"
  }

  public mutating func value(_ number: Int) { separate(); text += String(number) }
  public mutating func value(_ flag: Bool) { separate(); text += flag ? "true" : "false" }
  public mutating func null() { separate(); text += "null" }

  public mutating func field(_ name: String, _ string: String?) { key(name); value(string) }
  public mutating func field(_ name: String, _ number: Double?) { key(name); value(number) }
  public mutating func field(_ name: String, _ number: Int) { key(name); value(number) }

  private mutating func separate() {
    if needsComma[needsComma.count - 1] { text += "," }
    needsComma[needsComma.count - 1] = true
  }

  /// Appends `string` as a JSON string literal: quotes, backslashes and control characters
  /// escaped, everything else as UTF-8.
  public static func appendString(_ string: String, to text: inout String) {
    text += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case let c where c.value < 0x20 || c.value == 0x7F || (0x2028...0x2029).contains(c.value):
        let hex = String(c.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
