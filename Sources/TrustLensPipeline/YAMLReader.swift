import TrustLensCore
import Foundation
import TrustLensImport
import TrustLensTrends
import Yams

/// Reads the node tree of a pipeline file into a ``PipelineFile``, checking every key.
struct YAMLReader {
  let file: String
  let base: URL

  func fail(_ node: Node?, _ reason: String) -> PipelineError {
    PipelineError(file: file, line: node.map { $0.mark.map { $0.line } } ?? nil, reason)
  }

  /// The mapping's (key, value) pairs, rejecting keys outside `allowed` and duplicates.
  func mapping(_ node: Node, _ what: String, allowed: Set<String>) throws(PipelineError) -> [(String, Node, Node)] {
    guard case .mapping(let mapping) = node else { throw fail(node, "\(what) must be a mapping of keys") }
    var seen = Set<String>()
    var pairs: [(String, Node, Node)] = []
    for (keyNode, value) in mapping {
      guard let key = keyNode.string else { throw fail(keyNode, "\(what) has a key that is not text") }
      guard allowed.contains(key) else {
        throw fail(keyNode, "unknown key \"\(key)\" in \(what) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
      }
      guard seen.insert(key).inserted else { throw fail(keyNode, "key \"\(key)\" appears twice in \(what)") }
      pairs.append((key, keyNode, value))
    }
    return pairs
  }

  func string(_ node: Node, _ key: String) throws(PipelineError) -> String {
    guard case .scalar(let scalar) = node else { throw fail(node, "\(key) must be text") }
    return scalar.string
  }

  func bool(_ node: Node, _ key: String) throws(PipelineError) -> Bool {
    guard let value = node.bool else { throw fail(node, "\(key) must be true or false") }
    return value
  }

  func number(_ node: Node, _ key: String) throws(PipelineError) -> Double {
    guard case .scalar = node, let value = node.float ?? node.int.map(Double.init), value.isFinite else {
      throw fail(node, "\(key) must be a number")
    }
    return value
  }

  /// A key that takes one of a fixed set of values; the error lists them.
  func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ key: String) throws(PipelineError) -> T where T.RawValue == String {
    let text = try string(node, key)
    guard let value = T(rawValue: text) else {
      throw fail(node, "\(key) must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return value
  }

  func strings(_ node: Node, _ key: String) throws(PipelineError) -> [String] {
    switch node {
    case .scalar(let scalar): return scalar.string.isEmpty ? [] : [scalar.string]
    case .sequence(let sequence):
      var result: [String] = []
      for item in sequence { result.append(try string(item, "each item of \(key)")) }
      return result
    default: throw fail(node, "\(key) must be a list")
    }
  }

  /// A path of the pipeline file made usable: relative paths are taken from the pipeline's
  /// folder, and the result is shown relative to the current folder when it lies below it
  /// (so messages and `source` fields read `data/clients/c01/journal.jsonl:12`).
  func resolve(_ path: String) -> String {
    if path.hasPrefix("/") || path == "-" { return path }
    let absolute = base.appendingPathComponent(path).standardizedFileURL.path
    let current = FileManager.default.currentDirectoryPath
    let prefix = current.hasSuffix("/") ? current : current + "/"
    return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
  }

  func pipeline(_ root: Node, path: String) throws(PipelineError) -> PipelineFile {
    let allowed: Set<String> = [
      "name", "timezone", "inputs", "lexicons", "trends", "outputs", "alerts", "state",
      "max_rejected", "rating_scale", "template", "pseudonymize", "pseudonym_key_file", "pseudonym_map", "month",
    ]
    var pipeline = PipelineFile(
      name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, inputs: [],
      outputDir: resolve("output"), formats: [.xlsx, .dashboard, .json, .analysis, .rejects])
    pipeline.path = path
    var sawInputs = false, sawOutputs = false
    for (key, _, value) in try mapping(root, "the pipeline", allowed: allowed) {
      switch key {
      case "name": pipeline.name = try string(value, key)
      case "timezone":
        let identifier = try string(value, key)
        guard let zone = TimeZone(identifier: identifier) else {
          throw fail(value, "unknown time zone \"\(identifier)\" (use an IANA name such as Europe/Berlin)")
        }
        pipeline.timeZone = zone
      case "inputs":
        sawInputs = true
        guard case .sequence(let items) = value, !items.isEmpty else {
          throw fail(value, "inputs must be a non-empty list")
        }
        for item in items { pipeline.inputs.append(try input(item)) }
      case "lexicons":
        pipeline.lexicons = try strings(value, key).map { LexiconLoader.builtinNames.contains($0) ? $0 : resolve($0) }
        if pipeline.lexicons.isEmpty { throw fail(value, "lexicons must name builtin or at least one file") }
      case "trends": pipeline.trends = try trends(value)
      case "outputs":
        sawOutputs = true
        try outputs(value, into: &pipeline)
      case "alerts":
        for (alertKey, _, alertValue) in try mapping(value, "alerts", allowed: ["fail_on", "fail_on_any"]) {
          let kinds = try strings(alertValue, alertKey)
          try checkSignals(kinds, alertValue)
          if alertKey == "fail_on" { pipeline.failOn = kinds } else { pipeline.failOnAny = kinds }
        }
      case "state": pipeline.state = resolve(try string(value, key))
      case "max_rejected": pipeline.maxRejected = try tolerance(value)
      case "template": pipeline.template = resolve(try string(value, key))
      case "pseudonymize": pipeline.pseudonymize = try bool(value, key)
      case "month":
        let text = try string(value, key)
        guard let month = LocalDay(iso: text + "-01") else { throw fail(value, "month must be YYYY-MM, not \"\(text)\"") }
        pipeline.month = month
      case "pseudonym_key_file": pipeline.pseudonymKeyFile = resolve(try string(value, key))
      case "pseudonym_map": pipeline.pseudonymMap = resolve(try string(value, key))
      case "rating_scale":
        let bounds = try strings(value, key).compactMap(Double.init)
        guard bounds.count == 2, bounds[0] < bounds[1] else {
          throw fail(value, "rating_scale must be two numbers, low and high, e.g. [0, 10]")
        }
        pipeline.ratingScale = bounds[0]...bounds[1]
      default: break
      }
    }
    if !sawInputs { throw fail(root, "the pipeline has no inputs: add an inputs: list") }
    if !sawOutputs { throw fail(root, "the pipeline has no outputs: add outputs: with dir:") }
    return pipeline
  }

  private func input(_ node: Node) throws(PipelineError) -> PipelineFile.Input {
    if case .scalar(let scalar) = node { return PipelineFile.Input(path: resolve(scalar.string)) }
    var input = PipelineFile.Input(path: "")

    var sawPath = false
    let keys: Set<String> = [
      "path", "subject", "kind", "format", "follow_links", "date_format", "mood_labels", "delimiter", "encoding", "columns",
      "decimal",
    ]
    for (key, _, value) in try mapping(node, "an input", allowed: keys) {
      switch key {
      case "path":
        input.path = resolve(try string(value, key))
        sawPath = true
      case "subject":
        let text = try string(value, key)
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail(value, "subject must be folder, field or an id") }
        input.subject = SubjectRule(text)
      case "kind": input.kind = try choice(value, key)
      case "format": input.format = try choice(value, key)
      case "follow_links":
        if value.string == "anywhere" {
          input.followLinks = true
          input.reading.linksAnywhere = true
        } else {
          guard let follow = value.bool else { throw fail(value, "follow_links must be true, false or anywhere") }
          input.followLinks = follow
        }
      case "date_format":
        let text = try string(value, key)
        if let order = DayOrder(rawValue: text) {
          input.dayOrder = order
        } else {
          do {
            input.reading.datePattern = try DatePattern(text)
          } catch {
            throw fail(value, "date_format: \(error.message) (see the README's date patterns)")
          }
        }
      case "delimiter":
        guard let delimiter = Delimiter(name: try string(value, key)) else {
          throw fail(value, "delimiter must be one of: \(Delimiter.names)")
        }
        input.reading.delimiter = delimiter
      case "encoding":
        guard let encoding = TextEncoding(name: try string(value, key)) else {
          throw fail(value, "encoding must be one of: \(TextEncoding.names)")
        }
        input.reading.encoding = encoding
      case "decimal":
        switch try string(value, key) {
        case "comma": input.reading.decimalComma = true
        case "point", "dot": input.reading.decimalComma = false
        default: throw fail(value, "decimal must be comma or point")
        }
      case "columns":
        guard case .mapping(let columns) = value else { throw fail(value, "columns must map fields to column names") }
        for (fieldNode, columnNode) in columns {
          if let problem = input.reading.columns.map(try string(fieldNode, "a field"), to: try string(columnNode, "a column name")) {
            throw fail(fieldNode, problem)
          }
        }
      case "mood_labels":
        guard case .mapping(let labels) = value else { throw fail(value, "mood_labels must map labels to numbers") }
        for (labelNode, numberNode) in labels {
          let label = try string(labelNode, "a mood label").lowercased()
          input.moodLabels[label] = try number(numberNode, "mood_labels.\(label)")
        }
      default: break
      }
    }
    if !sawPath { throw fail(node, "an input needs a path") }
    return input
  }

  private func outputs(_ node: Node, into pipeline: inout PipelineFile) throws(PipelineError) {
    var sawDir = false
    for (key, _, value) in try mapping(node, "outputs", allowed: ["dir", "per_subject", "entries_text", "formats"]) {
      switch key {
      case "dir":
        pipeline.outputDir = resolve(try string(value, key))
        sawDir = true
      case "per_subject": pipeline.perSubject = try bool(value, key)
      case "entries_text": pipeline.entriesText = try bool(value, key)
      case "formats":
        var formats: [PipelineFile.OutputFormat] = []
        for name in try strings(value, key) {
          guard let format = PipelineFile.OutputFormat(rawValue: name) else {
            throw fail(value, "unknown output format \"\(name)\" (expected one of: \(PipelineFile.OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
          }
          formats.append(format)
        }
        pipeline.formats = formats
      default: break
      }
    }
    if !sawDir { throw fail(node, "outputs needs dir:") }
  }

  private func trends(_ node: Node) throws(PipelineError) -> TrendSettings {
    var settings = TrendSettings()
    let allowed = Set(TrendSettings.keys.keys).union(TrendSettings.integerKeys.keys)
    if case .mapping(let m) = node, m.isEmpty { return settings }
    for (key, _, value) in try mapping(node, "trends", allowed: allowed) {
      let number = try number(value, "trends.\(key)")
      if let path = TrendSettings.keys[key] {
        settings[keyPath: path] = number
      } else if let path = TrendSettings.integerKeys[key] {
        guard number == number.rounded(), number >= 0 else { throw fail(value, "trends.\(key) must be a whole number") }
        settings[keyPath: path] = Int(number)
      }
    }
    return settings
  }

  private func tolerance(_ node: Node) throws(PipelineError) -> PipelineFile.Tolerance {
    let text = try string(node, "max_rejected").trimmingCharacters(in: .whitespaces)
    if text.hasSuffix("%"), let value = Double(text.dropLast()), value >= 0, value <= 100 {
      return .ratio(value / 100)
    }
    if let count = Int(text), count >= 0 { return .count(count) }
    if let ratio = Double(text), ratio >= 0, ratio < 1 { return .ratio(ratio) }
    throw fail(node, "max_rejected must be a count (10), a share (0.05) or a percentage (5%)")
  }

  func checkSignals(_ kinds: [String], _ node: Node) throws(PipelineError) {
    for kind in kinds where SignalKind(rawValue: kind) == nil {
      throw fail(node, "unknown signal \"\(kind)\" (expected one of: \(SignalKind.allSpellings))")
    }
  }

  static func line(of error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    case .duplicatedKeysInMapping(_, let context): return context.mark.line
    default: return nil
    }
  }

  static func reason(of error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
      return problem
    case .duplicatedKeysInMapping(let duplicates, _):
      let keys = duplicates.sorted().map { "\"\(TerminalText.escaped($0))\"" }.joined(separator: ", ")
      return "\(duplicates.count == 1 ? "the key" : "the keys") \(keys) \(duplicates.count == 1 ? "is" : "are") given twice in one mapping"
    default: return "malformed"
    }
  }
}
