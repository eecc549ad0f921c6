/// How a folder walk treats symbolic links (pipeline `follow_links`).
package enum LinkPolicy: Sendable, Equatable {
  /// Links inside folders are listed as skipped (the default).
  case skip
  /// Links are followed when their target lies inside the input folder (`follow_links: true`).
  case followInside
  /// Links are followed wherever they lead (`follow_links: anywhere`).
  case followAnywhere
}
