#include "figure_export.h"

#include "common/qcustomplot_include.h"
#include "common/refresh_coalescer.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPageSize>
#include <QPdfWriter>
#include <QPointer>
#include <QProgressBar>
#include <QRubberBand>
#include <QSaveFile>
#include <QScrollBar>
#include <QSizeGrip>
#include <QSplitterHandle>
#include <QStatusBar>
#include <QSvgGenerator>
#include <QTabBar>
#include <QToolBar>

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {

QString trFigure(const char *text) { return QCoreApplication::translate("lstm::FigureExport", text); }

// UI chrome: what a clean figure leaves out. A label whose buddy is a control names that control.
bool isChrome(const QWidget *widget) {
  if (qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QComboBox *>(widget) ||
      qobject_cast<const QAbstractSpinBox *>(widget) || qobject_cast<const QAbstractSlider *>(widget) ||
      qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QTabBar *>(widget) ||
      qobject_cast<const QToolBar *>(widget) || qobject_cast<const QMenuBar *>(widget) ||
      qobject_cast<const QStatusBar *>(widget) || qobject_cast<const QSizeGrip *>(widget) ||
      qobject_cast<const QSplitterHandle *>(widget) || qobject_cast<const QProgressBar *>(widget) ||
      qobject_cast<const QRubberBand *>(widget) || qobject_cast<const QDialogButtonBox *>(widget))
    return true;
  const auto *label = qobject_cast<const QLabel *>(widget);
  return label && label->buddy() && isChrome(label->buddy());
}

bool layoutHolds(const QLayout *layout, const QWidget *widget) {
  for (int i = 0; i < layout->count(); ++i) {
    QLayoutItem *item = layout->itemAt(i);
    if (item->widget() == widget || (item->layout() && layoutHolds(item->layout(), widget)))
      return true;
  }
  return false;
}

// What a figure of `target` paints: the target itself, or for a clean main window its central widget and the
// contents of its visible docks (no menu bar, toolbars, status bar or dock title bars).
QList<QWidget *> contentRoots(QWidget *target, bool clean) {
  auto *window = qobject_cast<QMainWindow *>(target);
  if (!clean || !window)
    return {target};
  QList<QWidget *> roots;
  if (QWidget *central = window->centralWidget(); central && central->isVisible())
    roots.append(central);
  for (QDockWidget *dock : window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
    if (dock->isVisible() && !dock->isFloating() && dock->widget() && dock->widget()->isVisible())
      roots.append(dock->widget());
  return roots;
}

QRect rectIn(QWidget *target, QWidget *widget) { return {widget->mapTo(target, QPoint()), widget->size()}; }

QRect sourceRect(QWidget *target, const QList<QWidget *> &roots) {
  QRect box;
  for (QWidget *root : roots)
    box |= root == target ? target->rect() : rectIn(target, root);
  return box;
}

// Hides the controls under the roots for its lifetime so their layout rows collapse and the content gets the
// room; everything hidden is shown again, layouts re-run and focus returned, so the UI ends as it began.
class HiddenControls {
public:
  explicit HiddenControls(const QList<QWidget *> &roots) : m_focus(QApplication::focusWidget()) {
    for (QWidget *root : roots)
      for (QWidget *widget : root->findChildren<QWidget *>())
        if (collapses(root, widget)) {
          widget->hide();
          m_hidden.append(widget);
          addParents(root, widget);
        }
    activateLayouts();
  }
  ~HiddenControls() {
    for (auto it = m_hidden.rbegin(); it != m_hidden.rend(); ++it)
      if (*it)
        (*it)->show();
    activateLayouts();
    if (m_focus && m_focus != QApplication::focusWidget())
      m_focus->setFocus(Qt::OtherFocusReason);
  }
  HiddenControls(const HiddenControls &) = delete;
  HiddenControls &operator=(const HiddenControls &) = delete;

private:
  // Only controls a layout places: scroll bars belong to their scroll area, which keeps their room either way.
  static bool collapses(QWidget *root, QWidget *widget) {
    if (widget->isHidden() || widget->isWindow() || !isChrome(widget) || qobject_cast<QScrollBar *>(widget))
      return false;
    for (QWidget *up = widget->parentWidget(); up && up != root; up = up->parentWidget())
      if (up->isHidden() || isChrome(up))
        return false; // a control's own parts go with it
    const QWidget *parent = widget->parentWidget();
    return parent && parent->layout() && layoutHolds(parent->layout(), widget);
  }
  void addParents(QWidget *root, QWidget *widget) {
    for (QWidget *up = widget->parentWidget(); up; up = up->parentWidget()) {
      if (!m_parents.contains(up))
        m_parents.append(up);
      if (up == root)
        break;
    }
  }
  // Outermost first, so each inner layout runs in the geometry its parent just gave it.
  void activateLayouts() {
    std::vector<std::pair<int, QWidget *>> byDepth;
    for (const QPointer<QWidget> &widget : m_parents) {
      if (!widget || !widget->layout())
        continue;
      int depth = 0;
      for (QWidget *up = widget; up; up = up->parentWidget())
        ++depth;
      byDepth.emplace_back(depth, widget.data());
    }
    std::stable_sort(byDepth.begin(), byDepth.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &entry : byDepth)
      entry.second->layout()->activate();
  }

  QPointer<QWidget> m_focus;
  QList<QPointer<QWidget>> m_hidden;
  QList<QPointer<QWidget>> m_parents;
};

// Paints `widget` (at `origin` in target coordinates, clipped to `clip`) and its visible children in stacking
// order. QCustomPlot's paintEvent blits a pixel buffer, so plots are drawn with toPainter: sharp and vector.
void paintTree(QCPPainter &painter, QWidget *widget, const QPoint &origin, const QRect &clip, bool clean, bool root) {
  const QRect visible = clip & QRect(origin, widget->size());
  if (visible.isEmpty())
    return;
  painter.save();
  painter.setClipRect(visible);
  painter.translate(origin);
  if (auto *plot = qobject_cast<QCustomPlot *>(widget)) {
    plot->toPainter(&painter);
    painter.restore();
    return;
  }
  widget->render(&painter, QPoint(), QRegion(widget->rect()),
                 root && !clean ? QWidget::DrawWindowBackground : QWidget::RenderFlags());
  painter.restore();
  for (QObject *object : widget->children()) {
    auto *child = qobject_cast<QWidget *>(object);
    if (!child || child->isWindow() || child->isHidden() || (clean && isChrome(child)))
      continue;
    paintTree(painter, child, origin + child->pos(), visible, clean, false);
  }
}

// The placement of the source rectangle in a figure of `figure` pixels: uniform scale, centred.
struct Placement {
  double scale = 1.0;
  QPointF offset = {};
};

QSize figureSize(const QSize &source, const FigureOptions &options) {
  if (!options.pixelSize.isEmpty())
    return options.pixelSize;
  const double scale = options.scale > 0 ? options.scale : 1.0;
  return {std::max(1, int(std::lround(source.width() * scale))), std::max(1, int(std::lround(source.height() * scale)))};
}

Placement place(const QSize &source, const QSize &figure) {
  const double scale = std::min(double(figure.width()) / source.width(), double(figure.height()) / source.height());
  return {scale, QPointF((figure.width() - source.width() * scale) / 2, (figure.height() - source.height() * scale) / 2)};
}

// Everything a figure paints, prepared once: the flush, the hidden controls, the source box.
class FigureScene {
public:
  FigureScene(QWidget *target, bool clean)
      : m_target(target), m_clean(clean), m_roots(contentRoots(target, clean)) {
    for (RefreshCoalescer *coalescer : target->findChildren<RefreshCoalescer *>())
      if (coalescer->pending())
        coalescer->runNow();
    if (clean)
      m_hidden.emplace(m_roots);
    m_source = sourceRect(target, m_roots);
  }
  QSize sourceSize() const { return m_source.size(); }
  QColor background() const { return m_clean ? QColor(Qt::white) : m_target->palette().color(QPalette::Window); }
  int dpi() const { return m_target->logicalDpiY(); }
  // Paints into `painter`, whose coordinates are the figure's, over a figure of `figure` units.
  void paint(QCPPainter &painter, const QSize &figure) const {
    const Placement placement = place(m_source.size(), figure);
    painter.fillRect(QRect(QPoint(), figure), background());
    painter.translate(placement.offset);
    painter.scale(placement.scale, placement.scale);
    painter.translate(-m_source.topLeft());
    for (QWidget *root : m_roots) {
      const QRect area = root == m_target ? m_target->rect() : rectIn(m_target, root);
      paintTree(painter, root, area.topLeft(), area, m_clean, true);
    }
  }

private:
  QWidget *m_target;
  bool m_clean;
  QList<QWidget *> m_roots;
  std::optional<HiddenControls> m_hidden;
  QRect m_source;
};

QImage renderImage(const FigureScene &scene, const QSize &figure) {
  QImage image(figure, QImage::Format_RGB32);
  if (image.isNull())
    return {};
  // Fonts resolve at the widget's DPI, so text keeps its size relative to the layout it was laid out in.
  const int dotsPerMeter = int(std::lround(scene.dpi() / 0.0254));
  image.setDotsPerMeterX(dotsPerMeter);
  image.setDotsPerMeterY(dotsPerMeter);
  {
    QCPPainter painter(&image);
    if (place(scene.sourceSize(), figure).scale > 1.0)
      painter.setMode(QCPPainter::pmNonCosmetic); // hairlines grow with the figure, as in QCustomPlot::savePng
    scene.paint(painter, figure);
  }
  return image;
}

QByteArray renderSvg(const FigureScene &scene, const QSize &figure, const QString &title) {
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  QSvgGenerator generator;
  generator.setOutputDevice(&buffer);
  generator.setSize(figure);
  generator.setViewBox(QRect(QPoint(), figure));
  generator.setResolution(scene.dpi());
  generator.setTitle(title);
  {
    QCPPainter painter(&generator);
    painter.setMode(QCPPainter::pmVectorized);
    scene.paint(painter, figure);
  }
  return buffer.data();
}

QByteArray renderPdf(const FigureScene &scene, const QSize &figure, const QString &title) {
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  {
    QPdfWriter writer(&buffer);
    writer.setResolution(scene.dpi());
    writer.setPageSize(QPageSize(QSizeF(figure) / scene.dpi(), QPageSize::Inch, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF());
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("LSTM Explorer"));
    QCPPainter painter(&writer);
    painter.setMode(QCPPainter::pmVectorized);
    scene.paint(painter, QSize(writer.width(), writer.height()));
  }
  return buffer.data();
}

} // namespace

std::optional<FigureFormat> figureFormatForPath(const QString &path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QStringLiteral("png"))
    return FigureFormat::Png;
  if (suffix == QStringLiteral("svg"))
    return FigureFormat::Svg;
  if (suffix == QStringLiteral("pdf"))
    return FigureFormat::Pdf;
  return std::nullopt;
}

QString figureSuffix(FigureFormat format) {
  switch (format) {
  case FigureFormat::Png:
    return QStringLiteral("png");
  case FigureFormat::Svg:
    return QStringLiteral("svg");
  case FigureFormat::Pdf:
    return QStringLiteral("pdf");
  case FigureFormat::Clipboard:
    break;
  }
  return {};
}

QSize figureSourceSize(QWidget *target, bool clean) { return sourceRect(target, contentRoots(target, clean)).size(); }

QImage renderFigure(QWidget *target, const FigureOptions &options) {
  const FigureScene scene(target, options.clean);
  const QSize figure = figureSize(scene.sourceSize(), options);
  if (scene.sourceSize().isEmpty() || figure.width() > kMaxFigureSide || figure.height() > kMaxFigureSide)
    return {};
  return renderImage(scene, figure);
}

bool exportFigure(QWidget *target, const QString &path, const FigureOptions &options, QString *error) {
  const bool clipboard = options.format == FigureFormat::Clipboard;
  const QString name = clipboard ? trFigure("clipboard") : path;
  const auto fail = [&](const QString &problem) {
    if (error)
      *error = name + QStringLiteral(": ") + problem;
    return false;
  };
  QByteArray bytes;
  {
    const FigureScene scene(target, options.clean);
    const QSize figure = figureSize(scene.sourceSize(), options);
    if (scene.sourceSize().isEmpty())
      return fail(trFigure("nothing to export (the view has no size)"));
    const bool raster = options.format == FigureFormat::Png || clipboard;
    if (raster && (figure.width() > kMaxFigureSide || figure.height() > kMaxFigureSide))
      return fail(trFigure("the image is too large (at most %1 pixels a side)").arg(kMaxFigureSide));
    if (raster) {
      const QImage image = renderImage(scene, figure);
      if (image.isNull())
        return fail(trFigure("not enough memory for the image"));
      if (clipboard) {
        QGuiApplication::clipboard()->setImage(image);
        return true;
      }
      QBuffer buffer(&bytes);
      buffer.open(QIODevice::WriteOnly);
      if (!image.save(&buffer, "PNG"))
        return fail(trFigure("could not encode the image"));
    } else {
      bytes = options.format == FigureFormat::Svg ? renderSvg(scene, figure, options.title)
                                                  : renderPdf(scene, figure, options.title);
    }
  } // the controls a clean figure hid are back before the file is written
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
    return fail(trFigure("could not write the file (%1)").arg(file.errorString()));
  return true;
}

} // namespace lstm
