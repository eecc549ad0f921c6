import Foundation
import Mustache
import TrustLensCore

/// The Mustache templates the text outputs are rendered from: the defaults shipped with
/// TrustLens, or a practice's own from a folder (pipeline `template:`), file by file.
///
/// Template files: `dashboard.txt.mustache`, `summary.md.mustache`, `report.html.mustache`.
/// Each receives the view model documented in README.md ("Templates").
package struct Templates: Sendable {
  package enum Name: String, Sendable, CaseIterable {
    case dashboard = "dashboard.txt"
    case markdown = "summary.md"
    case html = "report.html"
  }

  /// A template problem: not found, unreadable, or not valid Mustache.
  package struct TemplateError: Error, LocalizedError, Sendable {
    package let path: String
    package let reason: String
    package var errorDescription: String? { "\(path): \(reason)" }
  }

  private let templates: [Name: MustacheTemplate]

  /// The defaults, with any of them replaced by same-named files in `overrides`.
  package init(overrides: String? = nil) throws(TemplateError) {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Templates").path
    let located = ResourceLocator.folder(
      environment: "TRUSTLENS_TEMPLATE_DIR", bundle: "TrustLens_TrustLensExport.resources", subfolder: "Templates",
      sourceFolder: source, marker: Name.html.rawValue + ".mustache")
    guard let defaults = located.found else {
      throw TemplateError(path: "builtin", reason: "the built-in templates were not found (looked in \(located.searched.joined(separator: ", ")))")
    }
    if let overrides {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: overrides, isDirectory: &isFolder), isFolder.boolValue else {
        throw TemplateError(path: overrides, reason: "template must name a folder holding .mustache files")
      }
    }
    var templates: [Name: MustacheTemplate] = [:]
    for name in Name.allCases {
      let custom = overrides.map { $0 + "/" + name.rawValue + ".mustache" }
      let path = custom.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil } ?? defaults + "/" + name.rawValue + ".mustache"
      guard let text = FileBytes.text(path) else {
        throw TemplateError(path: path, reason: "cannot read the template")
      }
      do {
        templates[name] = try MustacheTemplate(string: text)
      } catch {
        throw TemplateError(path: path, reason: "not a valid Mustache template (\(error))")
      }
    }
    self.templates = templates
  }

  /// The fields every template's view model starts with: the pipeline, the as-of day, the
  /// counts (one by one, and as `countsSum` / `countsList` sentences with every noun in the
  /// right number) and the alerts; `escape` prepares text from input for the template's format.
  package static func headerModel(_ report: Report, escape: (String) -> String = { $0 }) -> [String: Any] {
    let c = report.counts
    return [
      "pipeline": escape(report.pipeline), "asOf": report.asOf?.description ?? "—", "records": c.records,
      "entries": c.entries, "checkins": c.checkIns, "rejected": c.rejected, "duplicates": c.duplicates,
      "countsSum": RunCountsText.sum(c), "countsList": RunCountsText.list(c),
      "hasAlerts": !report.alerts.isEmpty, "alerts": report.alerts.map(escape).joined(separator: ", "),
    ]
  }

  /// Renders `name` with a view model of dictionaries, arrays and strings.
  package func render(_ name: Name, _ model: [String: Any]) -> String {
    templates[name]!.render(model)
  }
}
