import Foundation
import LoupeMedia

/// Text rendered at test time by Pillow (in the setup venv) with Debian's Noto Sans CJK
/// (`fonts-noto-cjk`), black on white: what the OCR tests read back.
public enum RenderedText {
  public static let fontFile = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

  /// Font-collection indices of Noto Sans CJK's regional forms.
  public enum Face: Int, Sendable {
    case japanese = 0, simplifiedChinese = 2
  }

  /// Horizontal lines, one per element, or vertical columns (one character under another) laid
  /// out right to left, as Japanese is set: `lines[0]` is the rightmost column.
  public static func image(
    _ lines: [String],
    vertical: Bool = false,
    face: Face = .japanese,
    size: Int = 40
  ) async throws -> PixelBuffer {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-text-\(UUID().uuidString).png")
    defer { try? FileManager.default.removeItem(at: url) }
    let python = InstalledDependencies.directory.root.appendingPathComponent("venv/bin/python").path
    _ = try await runProcess(
      python,
      ["-c", script, url.path, fontFile, String(face.rawValue), String(size), vertical ? "v" : "h"] + lines
    )
    return try ImageDecoder().decode(contentsOf: url).pixels
  }

  private static let script = """
    import sys
    from PIL import Image, ImageDraw, ImageFont
    out, font_file, index, size, mode, lines = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6:]
    font = ImageFont.truetype(font_file, size, index=index)
    step, margin = int(size * 1.2), size
    if mode == "h":
        width = max(int(font.getlength(line)) for line in lines) + 2 * margin
        image = Image.new("RGB", (width, len(lines) * step * 2 + margin), "white")
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(lines):
            draw.text((margin, margin + row * step * 2), line, font=font, fill="black")
    else:
        columns = len(lines)
        image = Image.new("RGB", (columns * step * 2 + margin, max(map(len, lines)) * step + 2 * margin), "white")
        draw = ImageDraw.Draw(image)
        for column, line in enumerate(lines):
            x = image.width - margin - size - column * step * 2
            for row, character in enumerate(line):
                # Vertical forms of the comma and full stop sit in the upper right of their cell.
                draw.text((x, margin + row * step), character, font=font, fill="black")
    image.save(out)
    """
}
