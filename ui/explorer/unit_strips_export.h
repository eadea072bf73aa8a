#pragma once
// UnitStripsView's exports, the view alone for slides: PNG (at twice the screen's pixels), SVG (vector, text kept
// as text) and HTML (self-contained, UTF-8: each character a column of spans, its glyph escaped above one
// background-coloured span per strip, lines breaking where the text does, the unit labels and the colour scale;
// also well-formed XML).
// Every file is written whole or not at all (QSaveFile). GUI thread.
#include <QString>

namespace lstm {

class UnitStripsCanvas;

// Width of an export when the view is narrower than this (a hidden or tabbed-away dock): logical pixels.
inline constexpr int kMinStripsExportWidth = 720;

// Chooses the format by the extension of `path` (png, svg, html or htm; case-insensitive). False with
// "<path>: <problem>" in `error` for another extension or a file that cannot be written.
bool exportUnitStrips(const UnitStripsCanvas &canvas, const QString &path, QString *error);
// The HTML page exportUnitStrips writes.
QString unitStripsHtml(const UnitStripsCanvas &canvas);

} // namespace lstm
