#pragma once
// Figures for slides: a view or the whole window as PNG at a chosen pixel size, SVG, PDF or a clipboard image.
// The widget tree is painted afresh into the output (never an upscaled screen grab): QCustomPlots through
// toPainter, so plots stay sharp at any size and vector in SVG/PDF; text at the widget's own logical DPI, so fonts
// keep the size they have in the layout whatever screen the export runs on. The "clean" style drops UI chrome
// (menus, toolbars, status bar, dock title bars, buttons, combos, spin boxes, sliders, scroll bars …) and paints
// on white; controls are hidden for the length of the export so their rows collapse, then shown again.
#include <QImage>
#include <QSize>
#include <QString>

#include <optional>

class QWidget;

namespace lstm {

enum class FigureFormat { Png, Svg, Pdf, Clipboard };

struct FigureOptions {
  FigureFormat format = FigureFormat::Png;
  // Exact output size in pixels (SVG/PDF: pixels at the widget's logical DPI). Empty: the source size × scale. When its
  // aspect differs from the source's, the figure is centred on the background (never stretched).
  QSize pixelSize = {};
  double scale = 1.0;
  bool clean = false;
  QString title = {}; // SVG/PDF document title
};

// Largest width or height of a raster figure.
inline constexpr int kMaxFigureSide = 16384;

// The format a file name asks for by its extension (png, svg, pdf; case-insensitive); nullopt for anything else.
std::optional<FigureFormat> figureFormatForPath(const QString &path);
// The extension (without dot) of a file format; empty for the clipboard.
QString figureSuffix(FigureFormat format);
// Logical size of what an export of `target` shows: the widget, or for a clean QMainWindow the box around its
// central widget and docked contents. Scale this for "current size".
QSize figureSourceSize(QWidget *target, bool clean);
// Renders `target` as options.format == Png would, in memory (null image when the size is empty or too large).
QImage renderFigure(QWidget *target, const FigureOptions &options);
// Exports `target` as options.format; `path` is ignored for the clipboard. Files are written whole or not at all.
// On failure returns false and sets `error` to "<path>: <problem>". GUI thread; runs pending coalesced redraws of
// `target` first.
bool exportFigure(QWidget *target, const QString &path, const FigureOptions &options, QString *error);

} // namespace lstm
