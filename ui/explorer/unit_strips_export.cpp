#include "unit_strips_export.h"

#include "explorer_session.h"
#include "unit_strips_canvas.h"
#include "unit_strips_legend.h"

#include <QCoreApplication>
#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {

QString trExport(const char *text) { return QCoreApplication::translate("lstm::UnitStripsView", text); }

bool writeWhole(const QString &path, const QByteArray &bytes, QString *error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    *error = path + QStringLiteral(": ") + file.errorString();
    return false;
  }
  return true;
}

int exportWidth(const UnitStripsCanvas &canvas) { return std::max(kMinStripsExportWidth, canvas.viewport()->width()); }

QByteArray renderPng(const UnitStripsCanvas &canvas) {
  const int width = exportWidth(canvas);
  const QSize size = canvas.fullSize(width);
  constexpr double kScale = 2.0; // sharp on a projector or a 4K slide
  QImage image(size * kScale, QImage::Format_RGB32);
  image.setDevicePixelRatio(kScale);
  // Fonts are sized in points: paint at the view's own DPI, so the text keeps its size against the strips.
  image.setDotsPerMeterX(int(std::lround(canvas.logicalDpiX() / 0.0254)));
  image.setDotsPerMeterY(int(std::lround(canvas.logicalDpiY() / 0.0254)));
  image.fill(Qt::white);
  {
    QPainter p(&image);
    canvas.paintFull(p, width);
  }
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return bytes;
}

QByteArray renderSvg(const UnitStripsCanvas &canvas) {
  const int width = exportWidth(canvas);
  const QSize size = canvas.fullSize(width);
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  QSvgGenerator generator;
  generator.setOutputDevice(&buffer);
  generator.setSize(size);
  generator.setViewBox(QRect(QPoint(), size));
  generator.setResolution(canvas.logicalDpiY());
  generator.setTitle(trExport("Units over the text"));
  {
    QPainter p(&generator);
    canvas.paintFull(p, width);
  }
  return buffer.data();
}

QString cssColor(const QColor &color) { return color.name(QColor::HexRgb); }

} // namespace

QString unitStripsHtml(const UnitStripsCanvas &canvas) {
  const ExplorerSession &session = *canvas.session();
  const int strips = int(canvas.strips().size());
  const int n = session.hasModel() ? session.tapeLength() : 0;
  QString labels;
  for (int k = 0; k < strips; ++k)
    labels += QStringLiteral("<span>%1</span>").arg(canvas.stripLabel(k).toHtmlEscaped());
  QString gradient;
  for (int k = 0; k <= 8; ++k)
    gradient += QStringLiteral(",%1").arg(cssColor(stripsLegendColor(canvas.quantity(), k / 8.0)));
  const auto [low, high] = stripsLegendEnds(canvas.quantity());
  QString html;
  html.reserve(200 * n + 2000);
  html += QStringLiteral(
              "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/>\n<title>%1</title>\n<style>\n"
              "body{font-family:sans-serif;background:#fff;color:#000}\n"
              ".line{display:flex;align-items:flex-start;margin-bottom:8px}\n"
              ".labels{display:flex;flex-direction:column;text-align:right;font-size:10px;margin-right:6px;"
              "padding-top:1.4em}\n"
              ".labels span,.s{height:11px;line-height:11px;margin-bottom:1px}\n"
              ".chars{display:flex;flex-wrap:wrap}\n"
              ".ch{display:flex;flex-direction:column}\n"
              ".t{white-space:pre;font-family:monospace;font-size:16px;height:1.4em;line-height:1.4em}\n"
              ".s{display:block;background:#eee}\n"
              ".cursor .t{background:#ffe2b2;outline:2px solid #e66e00}\n"
              ".legend .bar{display:inline-block;width:110px;height:10px;background:linear-gradient(to right%2)}\n"
              "</style></head><body>\n")
              .arg(trExport("Units over the text").toHtmlEscaped(), gradient);
  html += QStringLiteral("<p class=\"legend\">%1 %2 <span class=\"bar\"></span> %3</p>\n")
              .arg(stripsLegendText(canvas.quantity()).toHtmlEscaped(), low.toHtmlEscaped(), high.toHtmlEscaped());
  const int steps = std::min(session.steps(), n), cursor = session.cursor();
  bool lineOpen = false;
  for (int k = 0; k < n; ++k) {
    if (!lineOpen) {
      html += QStringLiteral("<div class=\"line\"><div class=\"labels\">") + labels +
              QStringLiteral("</div><div class=\"chars\">\n");
      lineOpen = true;
    }
    const QString text = canvas.cellText(k);
    const bool newline = text == QStringLiteral("\n");
    html += QStringLiteral("<span class=\"ch%1\" title=\"%2\"><span class=\"t\">%3</span>")
                .arg(k == cursor ? QStringLiteral(" cursor") : QString(),
                     trExport("step %1").arg(k + 1), newline ? QStringLiteral("\u21B5") : text.toHtmlEscaped());
    for (int s = 0; s < strips; ++s) {
      const QColor tint = k < steps ? canvas.stripColor(s, k) : QColor();
      html += tint.isValid() ? QStringLiteral("<span class=\"s\" style=\"background:%1\"></span>").arg(cssColor(tint))
                             : QStringLiteral("<span class=\"s\"></span>");
    }
    html += QStringLiteral("</span>\n");
    if (newline) {
      html += QStringLiteral("</div></div>\n");
      lineOpen = false;
    }
  }
  if (lineOpen)
    html += QStringLiteral("</div></div>\n");
  html += QStringLiteral("</body></html>\n");
  return html;
}

bool exportUnitStrips(const UnitStripsCanvas &canvas, const QString &path, QString *error) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QStringLiteral("png"))
    return writeWhole(path, renderPng(canvas), error);
  if (suffix == QStringLiteral("svg"))
    return writeWhole(path, renderSvg(canvas), error);
  if (suffix == QStringLiteral("html") || suffix == QStringLiteral("htm"))
    return writeWhole(path, unitStripsHtml(canvas).toUtf8(), error);
  *error = path + QStringLiteral(": ") + trExport("unsupported format (use .png, .svg or .html)");
  return false;
}

} // namespace lstm
